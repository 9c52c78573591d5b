"""The labeled corpus guards accuracy: no category's precision or recall may fall below its record.

The figures are recorded in benchmarks/corpus/floors.json (``python
benchmarks/accuracy.py --write-floors benchmarks/corpus/floors.json`` after an
improvement). The issue's own targets (0.90 everywhere) are reported by the
script, not asserted here, since they are not met yet. The false-positive
budget on compliant drafts is asserted on the dev split, where it is met; on the
held-out split its recorded figure is a floor like the others.
"""

from __future__ import annotations

import importlib.util
import json
import sys

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("accuracy", ROOT / "benchmarks" / "accuracy.py")
accuracy = importlib.util.module_from_spec(_spec)
sys.modules["accuracy"] = accuracy  # its dataclasses look their module up there
_spec.loader.exec_module(accuracy)


def test_no_figure_falls_below_its_recorded_floor():
    categories = tuple(accuracy.CATEGORIES)
    measured = {
        split: accuracy.figures(accuracy.evaluate(split, categories), categories) for split in ("dev", "heldout")
    }
    floors = json.loads((ROOT / "benchmarks" / "corpus" / "floors.json").read_text(encoding="utf-8"))
    assert set(floors) == {"dev", "heldout"} and all(len(v) == 2 * len(categories) + 1 for v in floors.values())
    assert accuracy.regressions(measured, floors) == []
    assert measured["dev"]["false positives per 5,000 words"] <= 1.0


def test_a_drop_below_a_floor_is_reported():
    floors = {"dev": {"overstated-efficacy recall": 0.80, "false positives per 5,000 words": 0.0}}
    measured = {"dev": {"overstated-efficacy recall": 0.75, "false positives per 5,000 words": 2.5}}
    assert accuracy.regressions(measured, floors) == [
        "dev: overstated-efficacy recall: 0.75 (recorded 0.80)",
        "dev: false positives per 5,000 words: 2.50 (recorded 0.00)",
    ]
