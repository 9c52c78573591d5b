"""Sentence boundaries: doses, abbreviations, citations and title lines."""

from __future__ import annotations

import pytest

from claimlint.sentences import split


def sentences(text):
    return [text[a:b] for a, b in split(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. Lee gave 0.5 mg/kg IV. It helped.", ["Dr. Lee gave 0.5 mg/kg IV.", "It helped."]),
        ("Use 1-2 μg/kg/min. Then stop.", ["Use 1-2 μg/kg/min.", "Then stop."]),
        (
            "Smith et al. found it. Others vs. placebo did not.",
            ["Smith et al. found it.", "Others vs. placebo did not."],
        ),
        ("It varies, e.g. by dose. Next.", ["It varies, e.g. by dose.", "Next."]),
        ("Pain fell. 1, 2 Trials were negative. 3", ["Pain fell. 1, 2", "Trials were negative. 3"]),
        ("Is it a cure? No. Not yet!", ["Is it a cure?", "No.", "Not yet!"]),
        ("J. Smith wrote it. Fine.", ["J. Smith wrote it.", "Fine."]),
        # a signature that ends with an initial, then a new quotation on the next line
        (
            '"It fixed my elbow." — Derek M.\n"I sleep again." — Priya S.',
            ['"It fixed my elbow." — Derek M.', '"I sleep again." — Priya S.'],
        ),
        ("Ask Dr.\nLee about it.", ["Ask Dr.\nLee about it."]),
        ("Wait... maybe not. Done", ["Wait... maybe not.", "Done"]),
        ("Surgical anesthesia", ["Surgical anesthesia"]),
        ("She said “it works.” Then left.", ["She said “it works.”", "Then left."]),
        ("Ketamine for Migraine\nEvidence is mixed.", ["Ketamine for Migraine", "Evidence is mixed."]),
        ("It is used in\nEmergency rooms.", ["It is used in\nEmergency rooms."]),
        ("3 patients improved. 4 did not.", ["3 patients improved.", "4 did not."]),
        ("Anxiety? Gone 🙌 Like completely gone", ["Anxiety?", "Gone 🙌", "Like completely gone"]),
        ("Calm (their words 👀)\nIt helps.", ["Calm (their words 👀)", "It helps."]),
        ("I feel 💯 better now.", ["I feel 💯 better now."]),
        ('"Gone in one afternoon." (Dana, 52) It helps.', ['"Gone in one afternoon." (Dana, 52)', "It helps."]),
        ('[0:00, on camera]\n"It works!" Okay.', ["[0:00, on camera]", '"It works!"', "Okay."]),
        # one signed quotation per line, even with no full stop inside the quotation
        (
            '"Down 41 lbs in 4 months" — Marisol, Tucson\n"My PCP took me off metformin." — Dwayne R.',
            ['"Down 41 lbs in 4 months" — Marisol, Tucson', '"My PCP took me off metformin." — Dwayne R.'],
        ),
        # a quotation on the line a colon announces
        (
            'Here are a few (results vary!):\n"Down 41 lbs" — Marisol',
            ["Here are a few (results vary!):", '"Down 41 lbs" — Marisol'],
        ),
    ],
)
def test_split(text, expected):
    assert sentences(text) == expected
