"""Golden test: the findings on examples/ are pinned.

The promotional draft must trip every rule pack and the compliant explainer
none. To accept an intended change, run with CLAIMLINT_UPDATE_GOLDEN=1 and
review the diff of tests/golden/examples.json.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from claimlint.cli import run

ROOT = Path(__file__).parent.parent
GOLDEN = Path(__file__).parent / "golden" / "examples.json"


def test_examples_match_golden(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert run(["--format", "json", "examples"]) == 1
    report = json.loads(capsys.readouterr().out)
    found = [
        {k: f[k] for k in ("path", "line", "column", "end_line", "end_column", "rule", "excerpt")}
        for f in report["findings"]
    ]
    if os.environ.get("CLAIMLINT_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(found, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert found == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_promo_trips_every_pack_and_explainer_none(builtin_rules):
    from claimlint.runner import lint_bytes

    promo = lint_bytes((ROOT / "examples" / "ketamine-clinic-promo.md").read_bytes(), builtin_rules, "promo.md")
    explainer = lint_bytes((ROOT / "examples" / "ketamine-explainer.md").read_bytes(), builtin_rules, "ex.md")
    assert {f.category for f in promo} == {
        "overstated-efficacy",
        "minimized-risk",
        "unsupported-comparison",
        "missing-disclosure",
        "guideline-conflict",
    }
    assert explainer == []
