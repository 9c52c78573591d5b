"""The machine-readable reports: SARIF, GitHub workflow commands, JUnit XML, GitLab Code Quality."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from claimlint import __version__, suppress
from claimlint.errors import ClaimlintError
from claimlint.findings import Edit, Fix
from claimlint.report import github, gitlab, junit, sarif
from claimlint.ruleset import load_rules
from claimlint.runner import Result, lint_text
from conftest import DATA, run_docs

SCHEMA = DATA / "sarif-schema-2.1.0.json"

PAGE = """\
<!-- claimlint-disable-next-line efficacy/cure-claim -- quoted -->
The weather is nice.

It cures depression. No side effects.

Our therapy is clinically proven. It cures and cures.
"""


@pytest.fixture(scope="module")
def ruleset():
    return load_rules()


@pytest.fixture
def run(tmp_path, monkeypatch):
    """A real run over a page with findings, a clean page and a missing file."""
    monkeypatch.chdir(tmp_path)
    return run_docs(tmp_path, PAGE)


def result_of(text: str, ruleset, path: str = "docs/page.md", files: int = 1) -> Result:
    return Result(files_checked=files, findings=lint_text(text, ruleset, path))


def test_the_run_has_what_the_reports_are_tested_on(run):
    result, _ = run
    assert [(f.line, f.rule) for f in result.findings] == [
        (1, "suppression/unused"),
        (4, "efficacy/cure-claim"),
        (4, "risk/no-side-effects"),
        (6, "efficacy/clinically-proven"),
        (6, "efficacy/cure-claim"),
        (6, "efficacy/cure-claim"),
    ]
    assert [f.fix is not None for f in result.findings] == [False, False, False, True, False, False]
    assert result.files_checked == 2
    assert [str(e) for e in result.errors] == ["docs/missing.md: cannot read: No such file or directory"]


# SARIF


def test_sarif_schema_file_is_the_official_one():
    if not SCHEMA.exists():
        pytest.skip(f"{SCHEMA.name} is not in tests/data")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "Static Analysis Results Format (SARIF) Version 2.1.0" in schema["title"]
    assert {"run", "result", "reportingDescriptor", "fix", "region"} <= set(schema["definitions"])


def test_sarif_validates_against_the_schema(run):
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is not installed (pip install '.[test]')")
    if not SCHEMA.exists():
        pytest.skip(f"{SCHEMA.name} is not in tests/data")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    result, rules = run
    for log in (sarif.render(result, rules), sarif.render(Result(), []), sarif.render(result, [])):
        errors = sorted(validator.iter_errors(json.loads(log)), key=lambda e: list(e.absolute_path))
        assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])
    # The schema is strict (additionalProperties: false), so it catches a misspelt property.
    bad = json.loads(sarif.render(result, rules))
    bad["runs"][0]["results"][0]["lcoations"] = []
    assert not validator.is_valid(bad)


def test_sarif_header_and_tool(run):
    result, rules = run
    log = json.loads(sarif.render(result, rules))
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    (the_run,) = log["runs"]
    assert the_run["tool"]["driver"]["name"] == "claimlint"
    assert the_run["tool"]["driver"]["version"] == __version__
    assert the_run["columnKind"] == "unicodeCodePoints"


def test_sarif_rules_cover_every_rule_that_ran_and_every_finding(run):
    result, rules = run
    descriptors = json.loads(sarif.render(result, rules))["runs"][0]["tool"]["driver"]["rules"]
    ids = [d["id"] for d in descriptors]
    assert ids == sorted({r.id for r in rules} | {"suppression/unused"})
    results = json.loads(sarif.render(result, rules))["runs"][0]["results"]
    assert len(results) == len(result.findings)
    for item, finding in zip(results, result.findings, strict=True):
        assert item["ruleId"] == finding.rule
        assert descriptors[item["ruleIndex"]]["id"] == finding.rule

    cure = descriptors[ids.index("efficacy/cure-claim")]
    rule = next(r for r in rules if r.id == "efficacy/cure-claim")
    assert cure["name"] == "EfficacyCureClaim"
    assert cure["shortDescription"]["text"] == rule.summary
    assert cure["fullDescription"]["text"] == rule.rationale
    assert rule.rationale in cure["help"]["text"]
    assert f"Instead: {rule.suggestion}" in cure["help"]["text"]
    assert all(source in cure["help"]["text"] for source in rule.sources)
    assert f"**Instead:** {rule.suggestion}" in cure["help"]["markdown"]
    assert cure["defaultConfiguration"]["level"] == "error"
    assert cure["properties"] == {"category": "overstated-efficacy", "tags": ["overstated-efficacy"]}
    assert all(re.fullmatch(r"[A-Za-z0-9]+", d["name"]) for d in descriptors)


def test_sarif_describes_built_in_checks_and_rules_it_was_not_given(run):
    result, _ = run
    log = json.loads(sarif.render(result, []))
    descriptors = log["runs"][0]["tool"]["driver"]["rules"]
    assert [d["id"] for d in descriptors] == [
        "efficacy/clinically-proven",
        "efficacy/cure-claim",
        "risk/no-side-effects",
        "suppression/unused",
    ]
    unused = descriptors[3]
    severity, summary = suppress.META_RULES["suppression/unused"]
    assert severity == "info"
    assert unused["shortDescription"]["text"] == summary
    assert unused["defaultConfiguration"]["level"] == "note"
    assert unused["properties"]["category"] == "suppression"
    levels = [r["level"] for r in log["runs"][0]["results"]]
    assert levels == ["note", "error", "error", "error", "error", "error"]
    for item in log["runs"][0]["results"]:
        assert descriptors[item["ruleIndex"]]["id"] == item["ruleId"]


def test_sarif_results_point_at_the_findings(run):
    result, rules = run
    results = json.loads(sarif.render(result, rules))["runs"][0]["results"]
    for item, finding in zip(results, result.findings, strict=True):
        (location,) = item["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == "docs/page.md"
        assert physical["region"] == {
            "startLine": finding.line,
            "startColumn": finding.column,
            "endLine": finding.end_line,
            "endColumn": finding.end_column,
            "snippet": {"text": finding.excerpt},
        }
        assert item["message"]["text"] == f"{finding.message} — {finding.suggestion}"
        region = physical["region"]
        line = PAGE.splitlines()[region["startLine"] - 1]
        assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == region["snippet"]["text"]
    assert results[3]["locations"][0]["physicalLocation"]["region"]["snippet"] == {"text": "clinically proven"}


def test_sarif_fixes_appear_exactly_where_a_finding_has_a_fix(run):
    result, rules = run
    results = json.loads(sarif.render(result, rules))["runs"][0]["results"]
    assert ["fixes" in item for item in results] == [f.fix is not None for f in result.findings]
    (fix,) = results[3]["fixes"]
    assert fix == {
        "description": {"text": "safe fix"},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": "docs/page.md"},
                "replacements": [
                    {
                        "deletedRegion": {"startLine": 6, "startColumn": 16, "endLine": 6, "endColumn": 33},
                        "insertedContent": {"text": "studied"},
                    }
                ],
            }
        ],
    }
    unsafe = replace(result.findings[2], fix=Fix(False, (Edit(4, 37, 4, 37, " Ask about side effects."),)))
    item = json.loads(sarif.render(Result(1, [unsafe]), rules))["runs"][0]["results"][0]
    assert item["fixes"][0]["description"]["text"] == "unsafe fix: review before applying"
    assert item["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"] == {
        "startLine": 4,
        "startColumn": 37,
        "endLine": 4,
        "endColumn": 37,
    }


def test_sarif_fingerprints_survive_moved_text_and_tell_findings_apart(ruleset):
    text = "It cures depression. No side effects.\n\nIt cures and cures.\n"
    before = json.loads(sarif.render(result_of(text, ruleset), ruleset.rules))["runs"][0]["results"]
    after = json.loads(sarif.render(result_of("# New heading\n\n" + text, ruleset), ruleset.rules))["runs"][0][
        "results"
    ]
    prints = [r["partialFingerprints"]["claimlint/v1"] for r in before]
    assert all(re.fullmatch(r"[0-9a-f]{32}", p) for p in prints)
    assert len(set(prints)) == len(prints) == 4
    assert [r["partialFingerprints"] for r in after] == [r["partialFingerprints"] for r in before]
    starts = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after]
    assert starts == [3, 3, 5, 5]
    elsewhere = json.loads(sarif.render(result_of(text, ruleset, "docs/other.md"), ruleset.rules))["runs"][0]["results"]
    assert elsewhere[0]["partialFingerprints"] != before[0]["partialFingerprints"]
    dotted = json.loads(sarif.render(result_of(text, ruleset, "./docs/page.md"), ruleset.rules))["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in dotted] == [r["partialFingerprints"] for r in before]


def test_sarif_uris_are_relative_references_with_slashes():
    assert sarif.artifact_uri("docs/page.md") == "docs/page.md"
    assert sarif.artifact_uri("./docs/page.md") == "docs/page.md"
    assert sarif.artifact_uri("docs\\sub\\page.md") == "docs/sub/page.md"
    assert sarif.artifact_uri("docs/a page#1.md") == "docs/a%20page%231.md"
    assert sarif.artifact_uri("a:b.md") == "a%3Ab.md"  # not a URI scheme
    assert sarif.artifact_uri("/srv/site/page.md") == "file:///srv/site/page.md"


def test_sarif_records_read_errors_as_notifications(run, ruleset):
    result, rules = run
    (invocation,) = json.loads(sarif.render(result, rules))["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["message"]["text"] == "docs/missing.md: cannot read: No such file or directory"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/missing.md"

    clean = json.loads(sarif.render(result_of("It cures.\n", ruleset), ruleset.rules))["runs"][0]["invocations"]
    assert clean == [{"executionSuccessful": True}]


def test_sarif_is_deterministic(run):
    result, rules = run
    first = sarif.render(result, rules)
    assert sarif.render(result, list(reversed(rules))) == first
    assert first.endswith("}\n")
    assert not re.search(r'"\w*Time\w*"\s*:', first)  # no startTimeUtc and the like


# GitHub workflow commands


def test_github_annotation_for_a_known_finding(ruleset):
    suggestion = ruleset.get("efficacy/cure-claim").suggestion
    output = github.render(result_of("It cures depression.\n", ruleset), ruleset.rules)
    assert output == (
        "::error file=docs/page.md,line=1,col=4,endLine=1,endColumn=9,title=efficacy/cure-claim"
        f'::Cure claim: "cures" — {suggestion}\n'
    )


def test_github_escapes_data_and_properties(ruleset):
    (finding,) = lint_text("It cures depression.\n", ruleset, "docs/a,b:c%.md")
    odd = replace(finding, message="50% off, now: act\r\nfast", suggestion="Say 100%, not: more")
    assert github.render(Result(1, [odd]), ruleset.rules) == (
        "::error file=docs/a%2Cb%3Ac%25.md,line=1,col=4,endLine=1,endColumn=9,title=efficacy/cure-claim"
        "::50%25 off, now: act%0D%0Afast — Say 100%25, not: more\n"
    )


def test_github_one_line_per_finding_and_nothing_else(run):
    result, rules = run
    output = github.render(result, rules)
    lines = output.splitlines()
    assert output.endswith("\n")
    assert len(lines) == len(result.findings) + len(result.errors)
    commands = [line.split(" ", 1)[0] for line in lines]
    assert commands == ["::notice"] + ["::error"] * 5 + ["::error"]
    assert (
        lines[-1]
        == "::error file=docs/missing.md,title=claimlint::docs/missing.md: cannot read: No such file or directory"
    )
    warning = replace(result.findings[1], severity="warning")
    assert github.render(Result(1, [warning]), rules).startswith("::warning file=docs/page.md,line=4,col=4,")
    assert github.render(Result(3, []), rules) == ""


# JUnit XML


def test_junit_counts_and_cases(run):
    result, rules = run
    root = ET.fromstring(junit.render(result, rules))
    assert root.tag == "testsuites"
    assert (root.get("name"), root.get("tests"), root.get("failures"), root.get("errors")) == (
        "claimlint",
        "3",
        "1",
        "1",
    )
    (suite,) = root
    assert (suite.get("name"), suite.get("tests"), suite.get("failures"), suite.get("errors")) == (
        "claimlint",
        "3",
        "1",
        "1",
    )
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["docs/page.md", "all other files", "docs/missing.md"]
    assert {c.get("classname") for c in cases} == {"claimlint"}

    failure = cases[0].find("failure")
    assert failure.get("message") == "6 findings"
    assert failure.get("type") == "claimlint"
    lines = [line for line in failure.text.splitlines() if not line.startswith(" ")]
    assert lines[1] == 'docs/page.md:4:4: error [efficacy/cure-claim] Cure claim: "cures"'
    assert lines[0].startswith("docs/page.md:1:1: info [suppression/unused] ")
    assert len(lines) == 6

    assert list(cases[1]) == []  # passing
    error = cases[2].find("error")
    assert error.get("message") == "docs/missing.md: cannot read: No such file or directory"


def test_junit_leaves_out_the_passing_case_when_every_file_has_findings(ruleset):
    root = ET.fromstring(junit.render(result_of("It cures.\n", ruleset, files=1), ruleset.rules))
    assert [c.get("name") for c in root.iter("testcase")] == ["docs/page.md"]
    assert root.find("testsuite/testcase/failure").get("message") == "1 finding"
    assert root.get("tests") == "1"
    empty = ET.fromstring(junit.render(Result(files_checked=4), []))
    assert [c.get("name") for c in empty.iter("testcase")] == ["all other files"]
    assert (empty.get("tests"), empty.get("failures"), empty.get("errors")) == ("1", "0", "0")


def test_junit_survives_markup_and_control_characters(ruleset):
    (finding,) = lint_text("It cures depression.\n", ruleset, "docs/<&>.md")
    odd = replace(
        finding, message='Tag <b> & "quote" > \x01\x0b bell\x07 \ufffe end', suggestion="Use <&>.\nThen\x1f go."
    )
    error = ClaimlintError("bad \x00byte <&>\nsecond line", "docs/x&y.md")
    output = junit.render(Result(files_checked=1, findings=[odd], errors=[error]), ruleset.rules)
    root = ET.fromstring(output)
    failure = root.find("testsuite/testcase/failure")
    assert root.find("testsuite/testcase").get("name") == "docs/<&>.md"
    assert 'docs/<&>.md:1:4: error [efficacy/cure-claim] Tag <b> & "quote" >  bell  end' in failure.text
    assert "Use <&>.\nThen go." in failure.text
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe]", output)
    assert root.find("testsuite/testcase/error").get("message") == "docs/x&y.md: bad byte <&>\nsecond line"


# GitLab Code Quality


def test_gitlab_issue_fields(ruleset):
    issues = json.loads(gitlab.render(result_of("It cures depression.\n", ruleset), ruleset.rules))
    (issue,) = issues
    rule = ruleset.get("efficacy/cure-claim")
    fingerprint = issue.pop("fingerprint")
    assert re.fullmatch(r"[0-9a-f]{32}", fingerprint)
    assert issue == {
        "type": "issue",
        "description": '[efficacy/cure-claim] Cure claim: "cures"',
        "check_name": "efficacy/cure-claim",
        "severity": "major",
        "location": {"path": "docs/page.md", "lines": {"begin": 1, "end": 1}},
        "categories": ["Style"],
        "content": {"body": rule.suggestion},
    }


def test_gitlab_severities_and_paths(run):
    result, rules = run
    issues = json.loads(gitlab.render(result, rules))
    assert [i["severity"] for i in issues] == ["info", "major", "major", "major", "major", "major"]
    warning = replace(result.findings[1], severity="warning", path="./docs\\page.md")
    (issue,) = json.loads(gitlab.render(Result(1, [warning]), rules))
    assert issue["severity"] == "minor"
    assert issue["location"]["path"] == "docs/page.md"
    assert gitlab.render(Result(2, []), rules) == "[]\n"


def test_gitlab_fingerprints_are_stable_and_distinct(ruleset):
    text = "It cures depression. No side effects.\n\nIt cures and cures.\n"
    first = gitlab.render(result_of(text, ruleset), ruleset.rules)
    assert gitlab.render(result_of(text, ruleset), ruleset.rules) == first
    prints = [i["fingerprint"] for i in json.loads(first)]
    assert len(set(prints)) == len(prints) == 4
    moved = [i["fingerprint"] for i in json.loads(gitlab.render(result_of("\n" + text, ruleset), ruleset.rules))]
    assert moved[0] != prints[0]  # a different line is a different issue
    assert set(moved).isdisjoint(prints)
