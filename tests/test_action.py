"""The composite GitHub Action: its commands run as written and produce what the workflow needs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).parent.parent


def test_action_commands_write_sarif_and_annotations_and_gate(tmp_path):
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert set(action["inputs"]) >= {"paths", "args", "sarif"}
    steps = [s["run"] for s in action["runs"]["steps"] if "run" in s and "claimlint check" in s["run"]]
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "page.md").write_text("Our infusions cure depression.\n")
    values = {"inputs.sarif": "out.sarif", "inputs.args": "--select efficacy", "inputs.paths": "content"}
    results = []
    for step in steps:
        command = step
        for name, value in values.items():
            command = command.replace("${{ " + name + " }}", value)
        command = command.replace("claimlint check", f"{sys.executable} -m claimlint check")
        results.append(subprocess.run(command, shell=True, cwd=tmp_path, capture_output=True, text=True))
    sarif_step, annotate_step = results
    assert sarif_step.returncode == 0
    report = json.loads((tmp_path / "out.sarif").read_text())
    assert report["runs"][0]["results"][0]["ruleId"] == "efficacy/cure-claim"
    assert annotate_step.returncode == 1
    assert annotate_step.stdout.startswith("::error file=content/page.md,line=1,col=15,")
