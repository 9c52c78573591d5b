"""MDX and HTML pages: only the prose a visitor reads, at the right line and column."""

from __future__ import annotations

import json

from claimlint.cli import run

MDX = """---
title: Ketamine guide
---
import { Callout } from "../components/callout"
export const meta = {
  description: "It cures depression",
}

# Ketamine at our clinic

<Callout type="warning" title="It cures everything">
Our infusions cure depression.
</Callout>

Read {props.cureClaim} and <Badge label="no side effects">there are no side effects</Badge>.

```jsx
<Callout>It cures depression</Callout>
```
"""

HTML = """<!doctype html>
<html><head><title>It cures depression</title><style>p:after { content: "cures" }</style></head>
<body>
<h1>Ketamine <em>cures</em> depression</h1>
<p>Our clinic &amp; team: there are no side effects.<br>Call now.</p>
<script>const claim = "It cures depression";</script>
<template><p>It cures depression</p></template>
<!-- claimlint-disable-next-line efficacy/clinically-proven -->
<p>It is clinically proven.</p>
<p><img src="hero.png" alt="A miracle for depression"></p>
<pre><code>It cures depression</code></pre>
<table><tr><td>Faster than SSRIs</td></tr></table>
</body></html>
"""


def findings(tmp_path, capsys, name, text):
    page = tmp_path / name
    page.write_text(text)
    run(["--format", "json", "--select", "efficacy,risk,comparison", str(page)])
    lines = text.splitlines()
    found = []
    for f in json.loads(capsys.readouterr().out)["findings"]:
        assert lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1] == f["excerpt"]
        found.append((f["line"], f["rule"], f["excerpt"]))
    return found


def test_mdx_lints_markdown_prose_and_component_children_only(tmp_path, capsys):
    assert findings(tmp_path, capsys, "page.mdx", MDX) == [
        (12, "efficacy/cure-claim", "cure"),
        (15, "risk/no-side-effects", "no side effects"),
    ]


def test_html_lints_the_visible_body_text_only(tmp_path, capsys):
    assert findings(tmp_path, capsys, "page.html", HTML) == [
        (4, "efficacy/cure-claim", "cures"),
        (5, "risk/no-side-effects", "no side effects"),
        (10, "efficacy/miracle-claim", "miracle"),
        (12, "comparison/better-than", "Faster than SSRIs"),
    ]


def test_folders_include_mdx_and_html(tmp_path, capsys):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "a.mdx").write_text("It cures depression.\n")
    (tmp_path / "site" / "b.htm").write_text("<p>It cures depression.</p>\n")
    (tmp_path / "site" / "c.txt").write_text("It cures depression.\n")
    run(["--format", "json", "--select", "efficacy/cure-claim", str(tmp_path / "site")])
    report = json.loads(capsys.readouterr().out)
    assert report["files_checked"] == 2
    assert sorted(f["path"].rsplit("/", 1)[1] for f in report["findings"]) == ["a.mdx", "b.htm"]


def test_malformed_html_declarations_are_text(tmp_path, capsys):
    """Found by the property tests: the standard parser gives up on '<![0'; claimlint reads on."""
    assert findings(tmp_path, capsys, "a.html", "<![0") == []
    page = "<![> I lost 40 pounds and it cures depression. — Ana, 41\n"
    assert findings(tmp_path, capsys, "b.html", page) == [(1, "efficacy/cure-claim", "cures")]
