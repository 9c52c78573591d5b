"""The review report: one self-contained HTML page for medical-legal reviewers.

Reviewers who sign off on health content read the draft, not a terminal: the
page shows each linted document's text with every flagged span highlighted in
its category's colour (and labelled in words, so colour is never the only
cue). Selecting a highlight, by mouse or by keyboard, shows the message, the
rule's rationale, its sources, what to write instead and whether ``--fix``
can apply a fix. At the top: counts by category and severity (an inline SVG
chart and a table), the files with most findings and the rules that fired
most.

The page loads nothing: no CDN, font or script from elsewhere, and a
Content-Security-Policy that allows only the page's own style and script (by
hash), so it works offline, as an e-mail attachment or as a CI artifact.
Everything from a draft is escaped; the data the script needs is embedded as
JSON that cannot close its ``<script>`` element.

Large runs stay usable: documents are rendered collapsed (``<details>``, so
the browser lays out only the ones opened), the script uses one listener per
event type on the document rather than one per highlight, and filters only
toggle classes.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections import Counter
from collections.abc import Iterable

from claimlint import __version__, suppress
from claimlint.findings import SEVERITIES, Finding
from claimlint.runner import Result

# Category: (label shown on highlights, highlight background, label background).
# Text (#1a1a1a) on each highlight and white on each label keep a contrast of at least 4.5:1.
CATEGORY_STYLES = {
    "overstated-efficacy": ("efficacy", "#ffe0b3", "#8a4500"),
    "minimized-risk": ("risk", "#ffd6d6", "#a61b1b"),
    "unsupported-comparison": ("comparison", "#e8dcff", "#5b35b5"),
    "missing-disclosure": ("disclosure", "#d4ebff", "#16569a"),
    "guideline-conflict": ("guideline", "#d6f5dc", "#23693a"),
    "suppression": ("suppression", "#e9ecef", "#4a5259"),
}
OTHER_STYLE = ("other", "#fff2b3", "#5c4a00")
SEVERITY_COLORS = {"error": "#b3261e", "warning": "#8a5300", "info": "#1f5fa8"}
SEVERITY_BORDERS = {"error": "3px solid", "warning": "2px dashed", "info": "2px dotted"}
TEXT_COLOR = "#1a1a1a"
PAGE_COLOR = "#ffffff"
OPEN_UP_TO = 20  # documents: a run with at most this many (and few findings) opens them all
OPEN_FINDINGS_UP_TO = 400
TOP = 10  # rows of the "most findings" tables
_MAX_QUOTE = 240


def render(result: Result, rules: Iterable = ()) -> str:
    findings = list(result.findings)
    rule_list = list(getattr(rules, "rules", rules))  # a RuleSet or its rules
    categories = _categories(findings)
    klass = {category: f"c{i}" for i, category in enumerate(categories)}
    docs = _documents(result, findings)
    rule_info = _rule_info(findings, rule_list)

    findings_data = []
    doc_html = []
    index = {id(f): i for i, f in enumerate(findings)}
    open_all = len(docs) <= OPEN_UP_TO and len(findings) <= OPEN_FINDINGS_UP_TO
    for number, (path, doc_findings) in enumerate(docs):
        lines = result.lines.get(path)
        text = "\n".join(lines) if lines is not None else None
        starts = _line_starts(text) if text is not None else None
        spans = []
        for finding in doc_findings:
            i = index[id(finding)]
            findings_data.append(_finding_data(finding, number, rule_info, text, starts))
            where = _span(finding, text, starts) if text is not None else None
            if where is not None:
                spans.append((where[0], where[1], i))
        doc_html.append(_document(number, path, doc_findings, index, text, spans, findings, klass, open_all))

    data = {
        "findings": findings_data,
        "rules": rule_info,
        "paths": [path for path, _ in docs],
        "categories": {category: _style(category)[0] for category in categories},
        "fixes": FIX_SENTENCES,
    }
    style = _css(categories, klass)
    script = _SCRIPT
    flagged = {path for path, _ in docs}
    clean = sorted(path for path in result.lines if path not in flagged)
    other_clean = max(0, result.files_checked - len(docs) - len(clean))
    body = "".join(
        [
            _header(result, findings, docs, clean, other_clean),
            _summary(findings, docs, categories, klass, rule_info),
            _errors(result),
            _filters(findings, docs, categories, klass) if findings else "",
            '<div class="layout"><main id="documents" tabindex="-1"><h2>Documents</h2>',
            "".join(doc_html) if docs else '<p class="none">No findings.</p>',
            _clean(clean, other_clean),
            _rule_reference(findings, rule_info, categories, klass),
            "</main>",
            _PANEL,
            "</div>",
        ]
    )
    policy = (
        "default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; "
        f"style-src '{_hash(style)}'; script-src '{_hash(script)}'"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="claimlint ' + _e(__version__) + '">\n'
        "<title>claimlint review report</title>\n"
        f"<style>{style}</style>\n</head>\n<body>\n"
        '<a class="skip" href="#documents">Skip to the documents</a>\n'
        f"{body}\n"
        f'<script type="application/json" id="claimlint-data">{_json(data)}</script>\n'
        f"<script>{script}</script>\n</body>\n</html>\n"
    )


# --- data -------------------------------------------------------------------------------------------------------


def _categories(findings: list[Finding]) -> list[str]:
    found = {f.category for f in findings}
    known = [category for category in CATEGORY_STYLES if category in found]
    return known + sorted(found - set(CATEGORY_STYLES))


def _style(category: str) -> tuple[str, str, str]:
    return CATEGORY_STYLES.get(category, OTHER_STYLE)


def _documents(result: Result, findings: list[Finding]) -> list[tuple[str, list[Finding]]]:
    """(path, its findings) in the order of the findings (sorted by path)."""
    docs: dict[str, list[Finding]] = {}
    for finding in findings:
        docs.setdefault(finding.path, []).append(finding)
    return list(docs.items())


def _rule_info(findings: list[Finding], rules: list) -> dict[str, dict]:
    """What the panel says about each rule that fired: from the rule set, else from the finding itself."""
    known = {rule.id: rule for rule in rules}
    info: dict[str, dict] = {}
    for finding in findings:
        if finding.rule in info:
            continue
        rule = known.get(finding.rule)
        if rule is not None:
            info[finding.rule] = {
                "summary": rule.summary,
                "rationale": rule.rationale,
                "sources": list(rule.sources),
                "suggestion": rule.suggestion,
            }
        else:  # a built-in suppression check, or a rule the caller did not pass
            summary = suppress.META_RULES.get(finding.rule, ("", ""))[1]
            info[finding.rule] = {
                "summary": summary,
                "rationale": summary,
                "sources": list(finding.sources),
                "suggestion": finding.suggestion,
            }
    return info


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


def _offset(starts: list[int], text: str, line: int, column: int) -> int | None:
    if not 1 <= line <= len(starts):
        return None
    start = starts[line - 1]
    end = starts[line] - 1 if line < len(starts) else len(text)
    return min(max(start + column - 1, start), end)


def _span(finding: Finding, text: str, starts: list[int]) -> tuple[int, int] | None:
    start = _offset(starts, text, finding.line, finding.column)
    end = _offset(starts, text, finding.end_line, finding.end_column)
    if start is None:
        return None
    if end is None or end < start:
        end = start
    return start, end


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return "\u201c" + (text if len(text) <= _MAX_QUOTE else text[: _MAX_QUOTE - 1] + "\u2026") + "\u201d"


FIX_SENTENCES = {
    "safe": "Safe fix: claimlint --fix would {}.",
    "unsafe": (
        "Unsafe fix, applied only with claimlint --fix --unsafe-fixes: it would {}. "
        "It adds or rewrites a statement, so read it before applying."
    ),
    "none": "No automatic fix: this needs a writer's judgement.",
}


def _fix_action(finding: Finding, text: str | None, starts: list[int] | None) -> tuple[str, str]:
    """(kind: safe, unsafe or none; what --fix would do, completing the kind's FIX_SENTENCES entry)."""
    fix = finding.fix
    if fix is None or not fix.edits:
        return "none", ""
    actions = []
    for edit in fix.edits:
        old = None
        if text is not None and starts is not None:
            start = _offset(starts, text, edit.line, edit.column)
            end = _offset(starts, text, edit.end_line, edit.end_column)
            if start is not None and end is not None and end >= start:
                old = text[start:end]
        if (edit.line, edit.column) == (edit.end_line, edit.end_column):
            actions.append(f"insert {_quote(edit.text)} at line {edit.line}, column {edit.column}")
        elif not edit.text:
            actions.append(f"delete {_quote(old)}" if old else f"delete the text at line {edit.line}")
        elif old:
            actions.append(f"replace {_quote(old)} with {_quote(edit.text)}")
        else:
            actions.append(f"replace the text at line {edit.line} with {_quote(edit.text)}")
    return ("safe" if fix.safe else "unsafe"), "; ".join(actions)


def fix_sentence(finding: Finding, lines: list[str] | None = None) -> str:
    """What the panel says about a finding's fix."""
    text = "\n".join(lines) if lines is not None else None
    kind, action = _fix_action(finding, text, _line_starts(text) if text is not None else None)
    return FIX_SENTENCES[kind].replace("{}", action)


def _finding_data(finding: Finding, doc: int, rule_info: dict, text, starts) -> dict:
    kind, fix = _fix_action(finding, text, starts)
    item = {
        "d": doc,
        "l": finding.line,
        "c": finding.column,
        "r": finding.rule,
        "k": finding.category,
        "s": finding.severity,
        "m": finding.message,
        "x": finding.excerpt,
        "fk": kind,
        "f": fix,
    }
    rule = rule_info[finding.rule]
    if finding.suggestion and finding.suggestion != rule["suggestion"]:
        item["g"] = finding.suggestion
    if finding.sources and list(finding.sources) != rule["sources"]:
        item["o"] = list(finding.sources)
    return item


# --- HTML -------------------------------------------------------------------------------------------------------


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _json(data) -> str:
    """JSON that is safe inside <script>: no '<', '>' or '&' can end the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _tag(category: str, klass: dict[str, str]) -> str:
    return f'<span class="tag {klass[category]}">{_e(_style(category)[0])}</span>'


def _sev(severity: str) -> str:
    return f'<span class="sev s-{_e(severity)}">{_e(severity)}</span>'


def _plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (words or word + 's')}"


def _header(result: Result, findings, docs, clean, other_clean) -> str:
    clean_count = len(clean) + other_clean
    parts = [
        _plural(result.files_checked, "file") + " checked",
        _plural(len(findings), "finding") + " in " + _plural(len(docs), "file"),
        _plural(clean_count, "file") + " without findings",
    ]
    if result.errors:
        parts.append(_plural(len(result.errors), "file") + " could not be read")
    return (
        '<header class="top"><h1>Review report</h1>'
        f'<p class="meta">{_e(" · ".join(parts))}. Generated by claimlint {_e(__version__)}.</p>'
        '<p class="hint">Highlighted passages are what claimlint flagged. Select one (click it, or press Tab to '
        "reach it and Enter to open it) to see why, the public source, and what to write instead.</p></header>"
    )


def _summary(findings, docs, categories, klass, rule_info) -> str:
    if not findings:
        return ""
    by_severity = Counter(f.severity for f in findings)
    safe = sum(1 for f in findings if f.fix is not None and f.fix.safe)
    unsafe = sum(1 for f in findings if f.fix is not None and not f.fix.safe)
    cards = [f'<div class="card"><span class="num">{len(findings):,}</span> findings</div>']
    for severity in _severities(findings):
        cards.append(
            f'<div class="card s-{_e(severity)}"><span class="num">{by_severity[severity]:,}</span> '
            f"{_sev(severity)}</div>"
        )
    cards.append(
        f'<div class="card"><span class="num">{safe:,}</span> fixable with <code>--fix</code>'
        f"{f', {unsafe:,} more with <code>--unsafe-fixes</code>' if unsafe else ''}</div>"
    )
    return (
        '<section class="summary" aria-labelledby="summary-title"><h2 id="summary-title">Summary</h2>'
        f'<div class="cards">{"".join(cards)}</div>'
        f'<div class="grid">{_chart(findings, categories, klass)}{_top_files(docs)}'
        f"{_top_rules(findings, rule_info, klass)}</div></section>"
    )


def _severities(findings) -> list[str]:
    found = {f.severity for f in findings}
    return [s for s in SEVERITIES if s in found] + sorted(found - set(SEVERITIES))


def _chart(findings, categories, klass) -> str:
    severities = _severities(findings)
    counts = Counter((f.category, f.severity) for f in findings)
    totals = Counter(f.category for f in findings)
    biggest = max(totals.values())
    label_w, bar_w, row_h = 175, 240, 26
    width, height = label_w + bar_w + 60, row_h * len(categories) + 34
    svg = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        'aria-labelledby="chart-title" xmlns="http://www.w3.org/2000/svg">'
        '<title id="chart-title">Findings by category, split by severity (the table next to it has the numbers)'
        "</title>"
    ]
    for row, category in enumerate(categories):
        y = row * row_h + 4
        svg.append(f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end" class="lbl">{_e(category)}</text>')
        x = float(label_w)
        for severity in severities:
            count = counts[(category, severity)]
            if not count:
                continue
            w = bar_w * count / biggest
            color = SEVERITY_COLORS.get(severity, "#555555")
            svg.append(
                f'<rect x="{x:.1f}" y="{y}" width="{max(w, 1):.1f}" height="20" fill="{color}">'
                f"<title>{_e(category)}, {_e(severity)}: {count}</title></rect>"
            )
            x += w
        svg.append(f'<text x="{x + 6:.1f}" y="{y + 15}" class="lbl">{totals[category]:,}</text>')
    y = len(categories) * row_h + 16
    x = float(label_w)
    for severity in severities:
        color = SEVERITY_COLORS.get(severity, "#555555")
        svg.append(f'<rect x="{x:.1f}" y="{y - 10}" width="12" height="12" fill="{color}"/>')
        svg.append(f'<text x="{x + 16:.1f}" y="{y}" class="lbl">{_e(severity)}</text>')
        x += 90
    svg.append("</svg>")
    head = "".join(f'<th scope="col">{_sev(s)}</th>' for s in severities)
    rows = []
    for category in categories:
        cells = "".join(f"<td>{counts[(category, s)] or ''}</td>" for s in severities)
        rows.append(
            f'<tr><th scope="row" title="{_e(category)}">{_tag(category, klass)}'
            f'<span class="visually-hidden"> {_e(category)}</span></th>'
            f"{cells}<td><strong>{totals[category]:,}</strong></td></tr>"
        )
    table = (
        '<table class="counts"><caption>Findings by category and severity</caption>'
        f'<thead><tr><th scope="col">category</th>{head}<th scope="col">total</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    return f'<div class="panelbox"><h3>By category and severity</h3>{"".join(svg)}{table}</div>'


def _top_files(docs) -> str:
    ranked = sorted(enumerate(docs), key=lambda item: (-len(item[1][1]), item[1][0]))[:TOP]
    rows = []
    for number, (path, doc_findings) in ranked:
        severities = Counter(f.severity for f in doc_findings)
        chips = " ".join(
            f'<span class="sev s-{_e(s)}">{severities[s]} {_e(s)}</span>' for s in _severities(doc_findings)
        )
        rows.append(
            f'<tr><td><a href="#doc-{number}">{_e(path)}</a><br>{chips}</td><td>{len(doc_findings):,}</td></tr>'
        )
    return (
        '<div class="panelbox"><h3>Files with most findings</h3><table class="top">'
        '<thead><tr><th scope="col">file</th><th scope="col">findings</th></tr>'
        f"</thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _top_rules(findings, rule_info, klass) -> str:
    counts = Counter(f.rule for f in findings)
    first = {}
    for finding in findings:
        first.setdefault(finding.rule, finding)
    rows = []
    for rule, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]:
        f = first[rule]
        summary = rule_info[rule]["summary"]
        rows.append(
            f"<tr><td><code>{_e(rule)}</code> {_tag(f.category, klass)}"
            f"{f'<br><span class=small>{_e(summary)}</span>' if summary else ''}</td><td>{count:,}</td></tr>"
        )
    return (
        '<div class="panelbox"><h3>Rules that fired most</h3><table class="top">'
        '<thead><tr><th scope="col">rule</th><th scope="col">findings</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _errors(result: Result) -> str:
    if not result.errors:
        return ""
    items = "".join(f"<li>{_e(error)}</li>" for error in result.errors)
    return (
        '<section class="errors" aria-labelledby="errors-title"><h2 id="errors-title">Files not linted</h2>'
        f"<ul>{items}</ul></section>"
    )


def _filters(findings, docs, categories, klass) -> str:
    counts = Counter(f.category for f in findings)
    severities = Counter(f.severity for f in findings)
    cats = "".join(
        f'<label title="{_e(c)}"><input type="checkbox" name="cat" value="{_e(c)}" checked> {_tag(c, klass)}'
        f'<span class="visually-hidden"> {_e(c)}</span> ({counts[c]:,})</label>'
        for c in categories
    )
    sevs = "".join(
        f'<label><input type="checkbox" name="sev" value="{_e(s)}" checked> {_sev(s)} ({severities[s]:,})</label>'
        for s in _severities(findings)
    )
    files = "".join(
        f'<option value="{number}">{_e(path)} ({len(doc_findings):,})</option>'
        for number, (path, doc_findings) in enumerate(docs)
    )
    return (
        '<form id="filters" class="filters" aria-label="Filters">'
        f"<fieldset><legend>Category</legend>{cats}</fieldset>"
        f"<fieldset><legend>Severity</legend>{sevs}</fieldset>"
        '<fieldset><legend>File</legend><label for="file-filter" class="visually-hidden">File</label>'
        f'<select id="file-filter" name="file"><option value="">All files ({len(docs):,})</option>{files}</select>'
        "</fieldset>"
        '<div class="actions"><button type="button" data-act="expand">Expand all documents</button>'
        '<button type="button" data-act="collapse">Collapse all</button></div>'
        f'<p id="filter-status" role="status" aria-live="polite">Showing all {len(findings):,} findings.</p>'
        "</form>"
    )


def _document(number, path, doc_findings, index, text, spans, findings, klass, open_all) -> str:
    severities = Counter(f.severity for f in doc_findings)
    chips = " ".join(f'<span class="sev s-{_e(s)}">{severities[s]} {_e(s)}</span>' for s in _severities(doc_findings))
    placed = {i for _, _, i in spans}
    items = []
    for finding in doc_findings:
        i = index[id(finding)]
        note = "" if i in placed else ' <span class="small">(not placed in the text below)</span>'
        items.append(
            f'<li data-i="{i}"><button type="button" class="go">{finding.line}:{finding.column}</button> '
            f"{_tag(finding.category, klass)} {_sev(finding.severity)} "
            f"<code>{_e(finding.rule)}</code> {_e(finding.message)}{note}</li>"
        )
    if text is None:
        source = '<p class="small">The source text of this file is not part of the result.</p>'
    else:
        prose = _prose(path, text, spans, findings, klass)
        raw = f'<div class="src">{_highlight(text, spans, findings, klass)}</div>'
        if prose is None:  # nothing readable as prose: show the source itself
            source = raw
        else:  # the draft as a reader sees it, and its source (where every finding is placed)
            source = (
                f'<div class="prose">{prose}</div>'
                f'<details class="source-view"><summary>Source text</summary>{raw}</details>'
            )
    return (
        f'<details class="doc" id="doc-{number}" data-doc="{number}"{" open" if open_all else ""}>'
        f'<summary><span class="path">{_e(path)}</span> <span class="count">'
        f"{_plural(len(doc_findings), 'finding')}</span> {chips}</summary>"
        f'<div class="doc-body"><details class="flist"><summary>List of findings</summary>'
        f'<ol class="flist">{"".join(items)}</ol></details>{source}</div></details>'
    )


_BLOCK_TAGS = {
    "heading": ("h3", "b-heading"),
    "list-item": ("p", "b-item"),
    "blockquote": ("blockquote", "b-quote"),
    "alt-text": ("p", "b-alt"),
    "front-matter": ("p", "b-front"),
    "table-cell": ("p", "b-row"),
}


def _prose(path: str, text: str, spans, findings, klass) -> str | None:
    """The draft as a reader sees it, block by block, with the flagged spans highlighted.

    The text is cut into the same prose segments the linter read (headings,
    paragraphs, list items, quotes, table rows, alt text), and each finding's
    source span is carried over to the prose through the segment's offset map.
    """
    from claimlint.document import parse
    from claimlint.source import Source

    try:
        document = parse(Source.from_text(text, path))
    except Exception:  # noqa: BLE001 - a report must be written even if a file does not parse again
        return None
    if not document.segments:
        return None
    blocks: list[tuple[str, int, str, list]] = []  # (kind, block id, prose, spans in prose offsets)
    for segment in document.segments:
        back: dict[int, int] = {}
        for k in range(len(segment.text)):
            back.setdefault(segment.to_source(k), k)
        local = []
        for start, end, i in spans:
            first = back.get(start)
            last = back.get(end - 1) if end > start else first
            if first is not None and last is not None and last >= first:
                local.append((first, last + 1 if end > start else first, i))
        if blocks and segment.kind == "table-cell" and blocks[-1][0] == "table-cell" and blocks[-1][1] == segment.block:
            kind, block, prose, previous = blocks[-1]
            shift = len(prose) + 3
            moved = [(a + shift, b + shift, i) for a, b, i in local]
            blocks[-1] = (kind, block, prose + " · " + segment.text, previous + moved)  # a table row
        else:
            blocks.append((segment.kind, segment.block, segment.text, local))
    out = []
    for kind, _, prose, local in blocks:
        tag, css = _BLOCK_TAGS.get(kind, ("p", "b-para"))
        body = _highlight(prose.replace("\n", " "), local, findings, klass, prefix="p")
        body = body.replace("\ufffc", '<span class="ph" title="code or markup">…</span>').replace(
            "\ue000", '<sup class="ref">[ref]</sup>'
        )
        label = {"alt-text": "Image: ", "front-matter": "Page data: "}.get(kind, "")
        out.append(f'<{tag} class="{css}">{_e(label)}{body}</{tag}>')
    return "".join(out)


def _highlight(text: str, spans: list[tuple[int, int, int]], findings: list[Finding], klass, prefix: str = "f") -> str:
    """The text with each span in <mark> elements; spans that cross are split so the elements always nest.

    At every boundary the marks that should be open are ordered (earliest start, then longest, then
    finding order); the open marks that differ from that order are closed and the rest (re)opened. A
    mark that continues a span already begun is a plain piece: only a span's first piece takes focus.
    """
    if not spans:
        return _e(text)
    out: list[str] = []
    begun: set[int] = set()
    by_start: dict[int, list[tuple[int, int, int]]] = {}
    points: dict[int, list[int]] = {}
    bounds = {0, len(text)}
    for start, end, i in spans:
        if end == start:
            points.setdefault(start, []).append(i)
            bounds.add(start)
        else:
            by_start.setdefault(start, []).append((start, end, i))
            bounds.update((start, end))
    active: dict[int, tuple[int, int, int]] = {}
    stack: list[tuple[int, int, int]] = []
    ordered = sorted(bounds)
    for n, pos in enumerate(ordered):
        for span in by_start.get(pos, ()):
            active[span[2]] = span
        for i in [i for i, span in active.items() if span[1] <= pos]:
            del active[i]
        wanted = sorted(active.values(), key=lambda s: (s[0], -s[1], s[2]))
        keep = 0
        while keep < len(stack) and keep < len(wanted) and stack[keep] == wanted[keep]:
            keep += 1
        out.extend("</mark>" for _ in range(len(stack) - keep))
        for span in wanted[keep:]:
            out.append(_open_mark(span[2], findings[span[2]], klass, span[2] not in begun, prefix=prefix))
            begun.add(span[2])
        stack = wanted
        for i in points.get(pos, ()):
            out.append(_open_mark(i, findings[i], klass, True, point=True, prefix=prefix) + "</mark>")
        if n + 1 < len(ordered):
            out.append(_e(text[pos : ordered[n + 1]]))
    out.extend("</mark>" for _ in stack)
    return "".join(out)


def _open_mark(i: int, finding: Finding, klass, first: bool, point: bool = False, prefix: str = "f") -> str:
    classes = f"m {klass[finding.category]} s-{_e(finding.severity)}"
    if not first:
        return f'<mark class="{classes} cont" data-i="{i}">'
    if point:
        classes += " pt"
    excerpt = " ".join(finding.excerpt.split())
    excerpt = excerpt if len(excerpt) <= 60 else excerpt[:59] + "\u2026"
    label = f"{finding.rule} ({finding.severity}): {excerpt}" if excerpt else f"{finding.rule} ({finding.severity})"
    return f'<mark class="{classes}" data-i="{i}" id="{prefix}{i}" tabindex="0" role="button" aria-label="{_e(label)}">'


def _clean(clean: list[str], other_clean: int) -> str:
    if not clean and not other_clean:
        return ""
    items = "".join(f"<li>{_e(path)}</li>" for path in clean)
    more = ""
    if other_clean:
        more = f"<p>{_plural(other_clean, 'other file')} checked had no findings{' either' if clean else ''}.</p>"
    listed = f"<ul>{items}</ul>" if items else ""
    return (
        '<section class="clean" aria-labelledby="clean-title"><h2 id="clean-title">Clean files</h2>'
        f"{listed}{more}</section>"
    )


def _rule_reference(findings, rule_info, categories, klass) -> str:
    if not findings:
        return ""
    first: dict[str, Finding] = {}
    for finding in findings:
        first.setdefault(finding.rule, finding)
    entries = []
    for rule in sorted(first):
        info, f = rule_info[rule], first[rule]
        parts = [f'<div class="ruleref"><h3><code>{_e(rule)}</code> {_tag(f.category, klass)}</h3>']
        if info["summary"]:
            parts.append(f"<p>{_e(info['summary'])}</p>")
        if info["rationale"] and info["rationale"] != info["summary"]:
            parts.append(f"<p><strong>Why:</strong> {_e(info['rationale'])}</p>")
        if info["sources"]:
            sources = "".join(f"<li>{_e(s)}</li>" for s in info["sources"])
            parts.append(f"<p><strong>Sources:</strong></p><ul>{sources}</ul>")
        if info["suggestion"]:
            parts.append(f"<p><strong>Instead:</strong> {_e(info['suggestion'])}</p>")
        entries.append("".join(parts) + "</div>")
    return (
        '<details class="rules" id="rules"><summary><h2>Rules that fired: rationale and sources</h2></summary>'
        f"{''.join(entries)}</details>"
    )


_PANEL = (
    '<aside id="panel" aria-labelledby="panel-heading">'
    '<h2 id="panel-heading" class="visually-hidden">Explanation</h2>'
    '<div id="panel-body"><p class="placeholder">Select a highlighted passage to see why it was flagged.</p></div>'
    "</aside>"
)


def _css(categories: list[str], klass: dict[str, str]) -> str:
    rules = []
    for category in categories:
        label, background, tag = _style(category)
        c = klass[category]
        rules.append(
            f".m.{c}{{background:{background}}}.tag.{c},.m.{c}[tabindex]::before{{background:{tag}}}"
            f'.m.{c}[tabindex]::before{{content:"{label}"}}'
        )
    for severity, color in SEVERITY_COLORS.items():
        border = f"{SEVERITY_BORDERS[severity]} {color}"
        rules.append(f".sev.s-{severity}{{background:{color}}}.m.s-{severity}{{border-bottom:{border}}}")
    base = _CSS.replace("TEXT", TEXT_COLOR).replace("PAGE", PAGE_COLOR)
    return base.replace("/*DYNAMIC*/", "".join(rules))


_CSS = """
*{box-sizing:border-box}
html{color:TEXT;background:PAGE;
  font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
body{margin:0 auto;max-width:96rem;padding:0 1.25rem 4rem}
a{color:#0b57d0}
code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:.9em}
h1{margin:.5rem 0 .25rem;font-size:1.8rem}
h2{font-size:1.35rem;margin:1.5rem 0 .5rem}
h3{font-size:1.05rem;margin:.25rem 0 .5rem}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem;z-index:10}
.skip:focus{left:1rem}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.meta,.small{color:#4a4a4a}
.small{font-size:.875rem}
.hint{margin:.25rem 0 0;max-width:60rem}
.cards{display:flex;flex-wrap:wrap;gap:.75rem;margin-bottom:1rem}
.card{border:1px solid #c9ced6;border-radius:6px;padding:.5rem .9rem;background:#f6f7f9}
.card .num{font-size:1.5rem;font-weight:700;margin-right:.25rem}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:1rem}
.panelbox{border:1px solid #c9ced6;border-radius:6px;padding:.75rem;overflow-x:auto}
.chart{max-width:100%;height:auto;display:block}
.chart .lbl{font:13px system-ui,sans-serif;fill:TEXT}
table{border-collapse:collapse;font-size:.9rem;width:100%}
caption{text-align:left;font-weight:600;padding:.5rem 0 .25rem}
th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #dde1e6;vertical-align:top}
.counts td{text-align:right}
.top a{overflow-wrap:anywhere}
.tag{color:#fff;border-radius:3px;padding:0 .3em;font-size:.75rem;font-weight:600;white-space:nowrap}
.sev{color:#fff;background:#4a5259;border-radius:3px;padding:0 .35em;font-size:.75rem;font-weight:600;
  white-space:nowrap}
.filters{border-bottom:2px solid #c9ced6;padding:.5rem 0;
  margin-top:1.5rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-start}
.filters fieldset{border:1px solid #c9ced6;border-radius:6px;margin:0;padding:.25rem .6rem .4rem}
.filters legend{font-weight:600;font-size:.875rem;padding:0 .25rem}
.filters label{display:inline-flex;gap:.3rem;align-items:center;margin-right:.75rem;font-size:.875rem}
.filters select{max-width:24rem;font:inherit;font-size:.875rem}
.filters .actions{display:flex;gap:.5rem;align-self:center}
#filter-status{flex-basis:100%;margin:0;font-size:.875rem;color:#4a4a4a}
button{font:inherit;font-size:.875rem;color:TEXT;background:#f1f3f5;border:1px solid #8a929c;
  border-radius:4px;padding:.15rem .6rem;cursor:pointer}
button:hover{background:#e3e7eb}
:focus-visible{outline:3px solid #1b4dd8;outline-offset:2px}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 26rem;gap:1.5rem;align-items:start}
main:focus{outline:none}
.doc{border:1px solid #c9ced6;border-radius:6px;margin:0 0 .75rem;background:#fff}
.doc>summary{padding:.5rem .75rem;cursor:pointer;background:#f6f7f9;border-radius:6px}
.doc[open]>summary{border-bottom:1px solid #c9ced6;border-radius:6px 6px 0 0}
.doc .path{font-weight:600;overflow-wrap:anywhere}
.doc .count{color:#4a4a4a;margin:0 .25rem}
.doc-body{padding:.5rem .9rem .9rem}
details.flist>summary{cursor:pointer;font-size:.875rem;color:#4a4a4a}
ol.flist{margin:.25rem 0 .75rem;padding-left:1.25rem;font-size:.875rem}
ol.flist li{margin:.15rem 0}
ol.flist .go{padding:0 .35rem;font-size:.8rem}
.src{white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.9;max-width:50rem}
.prose{overflow-wrap:anywhere;line-height:1.9;max-width:50rem}.prose p,.prose blockquote,.prose h3{margin:.5rem 0}
.b-heading{font-size:1.15rem}.b-item{padding-left:1.2rem;text-indent:-.8rem}.b-item::before{content:"• "}
.b-quote{border-left:3px solid #595959;padding-left:.8rem;margin-left:0}.b-alt,.b-front{font-style:italic;color:#333}
.ph{color:#595959}.ref{font-size:.75em;color:#333}
.m{color:TEXT;padding:.05em 0;border-radius:2px;cursor:pointer;-webkit-print-color-adjust:exact;
  print-color-adjust:exact}
.m[tabindex]::before{color:#fff;font:600 .65rem/1 system-ui,sans-serif;padding:.1em .3em;margin-right:.2em;
  border-radius:3px;vertical-align:.35em;white-space:nowrap}
.tag,.sev,.m[tabindex]::before{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.m.pt{padding:0 .1em}
.m.current{outline:3px solid #1b4dd8;outline-offset:1px}
.m.off{background:none;border-bottom:0;cursor:auto}
.m.off[tabindex]::before{display:none}
[hidden]{display:none!important}
#panel{position:sticky;top:1rem;max-height:calc(100vh - 2rem);overflow:auto;border:2px solid #1b4dd8;
  border-radius:8px;padding:.75rem 1rem;background:#fff}
#panel{font-size:.9rem}
#panel h3{font-size:.95rem;margin:.7rem 0 .15rem}
#panel p{margin:.2rem 0}
#panel h3.rule{margin-top:0;font-size:1.05rem}
#panel .summary-line{color:#4a4a4a}
#panel .excerpt{border-left:4px solid #8a929c;margin:.5rem 0;padding:.25rem .75rem;background:#f6f7f9;
  white-space:pre-wrap;overflow-wrap:anywhere}
#panel .nav{display:flex;gap:.5rem;flex-wrap:wrap;margin-bottom:.6rem}
#panel ul{padding-left:1.25rem}
#panel .fix-safe{border-left:4px solid #23693a;padding-left:.5rem}
#panel .fix-unsafe{border-left:4px solid #8a5300;padding-left:.5rem}
#panel .fix-none{border-left:4px solid #8a929c;padding-left:.5rem}
.placeholder{color:#4a4a4a}
.ruleref{border-top:1px solid #dde1e6;padding:.5rem 0}
details.rules>summary{cursor:pointer}
details.rules>summary h2{display:inline}
.errors{border:2px solid #b3261e;border-radius:6px;padding:0 1rem;margin-top:1rem}
/*DYNAMIC*/
@media (max-width:60rem){
.layout{grid-template-columns:1fr}
#panel{position:fixed;left:0;right:0;bottom:0;top:auto;max-height:55vh;border-radius:8px 8px 0 0;display:none;
  z-index:20}
#panel.open{display:block}
}
@media print{
html{font-size:11pt}
body{max-width:none;padding:0}
.filters,#panel,.skip,.hint,.go,button{display:none!important}
.layout{display:block}
.doc,.panelbox{break-inside:auto;border-color:#888}
.doc>summary{background:none}
details>summary{list-style:none}
details::details-content{content-visibility:visible;display:block}
.m.off{background:inherit}
a{color:TEXT;text-decoration:none}
}
""".strip()


_SCRIPT = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("claimlint-data").textContent);
  var F = data.findings, R = data.rules, CATS = data.categories;
  var panel = document.getElementById("panel"), body = document.getElementById("panel-body");
  var placeholder = body.innerHTML;
  var current = -1, returnTo = null, order = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function add(parent, child) { parent.appendChild(child); return child; }
  function section(title) { add(body, el("h3", null, title)); }
  function docOf(i) { return document.getElementById("doc-" + F[i].d); }
  function markOf(i) { return document.getElementById("p" + i) || document.getElementById("f" + i); }
  function openDoc(doc) { if (doc && !doc.open) doc.open = true; }
  function visible(i) { return !document.getElementById("doc-" + F[i].d).hidden && !isOff(i); }
  var off = {};
  function isOff(i) { return !!off[i]; }

  function show(i, mark) {
    var f = F[i], r = R[f.r] || {};
    var pieces, k;
    if (current >= 0) {
      pieces = document.querySelectorAll('mark[data-i="' + current + '"]');
      for (k = 0; k < pieces.length; k++) pieces[k].classList.remove("current");
    }
    current = i;
    returnTo = mark || markOf(i) || document.activeElement;
    pieces = document.querySelectorAll('mark[data-i="' + i + '"]');
    for (k = 0; k < pieces.length; k++) pieces[k].classList.add("current");
    body.textContent = "";
    var nav = add(body, el("div", "nav"));
    [["prev", "Previous"], ["next", "Next finding"], ["close", "Close (Esc)"]].forEach(function (a) {
      var b = add(nav, el("button", null, a[1]));
      b.type = "button";
      b.setAttribute("data-act", a[0]);
    });
    var h = add(body, el("h3", "rule"));
    h.id = "panel-title";
    h.tabIndex = -1;
    add(h, el("code", null, f.r));
    if (r.summary && r.summary !== r.rationale) add(body, el("p", "summary-line", r.summary));
    var meta = add(body, el("p", "small"));
    var tag = add(meta, el("span", "tag " + tagClass(f.k), CATS[f.k] || f.k));
    tag.title = f.k;
    meta.appendChild(document.createTextNode(" "));
    add(meta, el("span", "sev s-" + f.s, f.s));
    var where = data.paths[f.d] + ", line " + f.l + ", column " + f.c;
    meta.appendChild(document.createTextNode(" " + f.k + " \u00b7 " + where));
    add(body, el("p", "msg", f.m));
    if (f.x) add(body, el("blockquote", "excerpt", f.x));

    section("Why it matters");
    add(body, el("p", "rationale", r.rationale || f.m));
    var sources = f.o || r.sources || [];
    if (sources.length) {
      section("Sources");
      var ul = add(body, el("ul", "sources"));
      for (k = 0; k < sources.length; k++) add(ul, el("li", null, sources[k]));
    }
    var suggestion = f.g || r.suggestion;
    if (suggestion) { section("Write instead"); add(body, el("p", "suggestion", suggestion)); }
    section("Automatic fix");
    add(body, el("p", "fix fix-" + f.fk, data.fixes[f.fk].replace("{}", f.f)));
    var around = [];
    for (var p = mark && mark.parentElement; p && p.tagName === "MARK"; p = p.parentElement) {
      var j = +p.getAttribute("data-i");
      if (j !== i && around.indexOf(j) < 0) around.push(j);
    }
    if (around.length) {
      section("Also flagged here");
      var also = add(body, el("ul"));
      for (k = 0; k < around.length; k++) {
        var b = add(add(also, el("li")), el("button", null, F[around[k]].r + " (" + F[around[k]].s + ")"));
        b.type = "button";
        b.setAttribute("data-go", around[k]);
      }
    }
    panel.classList.add("open");
    h.focus({ preventScroll: true });
  }

  function tagClass(category) {
    var names = Object.keys(CATS);
    return "c" + names.indexOf(category);
  }

  function close() {
    var pieces = document.querySelectorAll('mark[data-i="' + current + '"]');
    for (var k = 0; k < pieces.length; k++) pieces[k].classList.remove("current");
    current = -1;
    body.innerHTML = placeholder;
    panel.classList.remove("open");
    if (returnTo && returnTo.focus) returnTo.focus();
  }

  function go(i) {
    var doc = docOf(i), mark = markOf(i);
    openDoc(doc);
    if (mark) mark.scrollIntoView({ block: "center" });
    show(i, mark);
  }

  function step(delta) {
    if (!order) { order = []; for (var k = 0; k < F.length; k++) order.push(k); }
    var n = order.length, i = current;
    for (var t = 0; t < n; t++) {
      i = (i + delta + n) % n;
      if (visible(i)) { go(i); return; }
    }
  }

  function select(mark) {
    for (var m = mark; m && m.tagName === "MARK"; m = m.parentElement) {
      if (!m.classList.contains("off")) { show(+m.getAttribute("data-i"), m); return; }
    }
  }

  document.addEventListener("click", function (e) {
    var t = e.target;
    if (!t.closest) return;
    var mark = t.closest("mark.m");
    if (mark) { select(mark); return; }
    var g = t.closest("[data-go]");
    if (g) { go(+g.getAttribute("data-go")); return; }
    if (t.closest(".go")) { go(+t.closest("li").getAttribute("data-i")); return; }
    var a = t.closest("[data-act]");
    if (a) {
      var act = a.getAttribute("data-act");
      if (act === "prev") step(-1);
      else if (act === "next") step(1);
      else if (act === "close") close();
      else if (act === "expand" || act === "collapse") toggleAll(act === "expand");
      return;
    }
    var link = t.closest('a[href^="#doc-"]');
    if (link) openDoc(document.getElementById(link.getAttribute("href").slice(1)));
  });

  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if ((e.key === "Enter" || e.key === " ") && t.tagName === "MARK" && t.classList.contains("m")) {
      e.preventDefault();
      select(t);
    } else if (e.key === "Escape" && current >= 0) {
      e.preventDefault();
      close();
    }
  });

  function toggleAll(open) {
    var docs = document.querySelectorAll("details.doc");
    for (var k = 0; k < docs.length; k++) if (!docs[k].hidden) docs[k].open = open;
  }

  var form = document.getElementById("filters");
  function applyFilters() {
    var cats = {}, sevs = {}, k;
    var boxes = form.querySelectorAll("input[type=checkbox]");
    for (k = 0; k < boxes.length; k++) (boxes[k].name === "cat" ? cats : sevs)[boxes[k].value] = boxes[k].checked;
    var file = form.querySelector("select").value;
    var shown = 0, perDoc = {};
    off = {};
    for (k = 0; k < F.length; k++) {
      var on = cats[F[k].k] !== false && sevs[F[k].s] !== false && (file === "" || String(F[k].d) === file);
      if (on) { shown++; perDoc[F[k].d] = (perDoc[F[k].d] || 0) + 1; } else off[k] = true;
    }
    var marks = document.querySelectorAll("mark.m");
    for (k = 0; k < marks.length; k++) {
      var m = marks[k], isoff = !!off[m.getAttribute("data-i")];
      if (m.classList.contains("off") !== isoff) {
        m.classList.toggle("off", isoff);
        if (m.hasAttribute("tabindex")) m.tabIndex = isoff ? -1 : 0;
      }
    }
    var items = document.querySelectorAll("ol.flist li");
    for (k = 0; k < items.length; k++) items[k].hidden = !!off[items[k].getAttribute("data-i")];
    var docs = document.querySelectorAll("details.doc"), docsShown = 0;
    for (k = 0; k < docs.length; k++) {
      docs[k].hidden = !perDoc[docs[k].getAttribute("data-doc")];
      if (!docs[k].hidden) docsShown++;
    }
    if (file !== "") openDoc(document.getElementById("doc-" + file));
    document.getElementById("filter-status").textContent = shown === F.length
      ? "Showing all " + F.length.toLocaleString() + " findings."
      : "Showing " + shown.toLocaleString() + " of " + F.length.toLocaleString() + " findings, in " +
        docsShown.toLocaleString() + " documents.";
    if (current >= 0 && off[current]) close();
  }
  if (form) {
    form.addEventListener("change", applyFilters);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
  }

  var reopen = [];
  window.addEventListener("beforeprint", function () {
    reopen = [];
    var all = document.querySelectorAll("details");
    for (var k = 0; k < all.length; k++) if (!all[k].open) { all[k].open = true; reopen.push(all[k]); }
  });
  window.addEventListener("afterprint", function () {
    for (var k = 0; k < reopen.length; k++) reopen[k].open = false;
    reopen = [];
  });

  function fromHash() {
    var hash = location.hash, m;
    if ((m = /^#f(\d+)$/.exec(hash)) && F[+m[1]]) go(+m[1]);
    else if ((m = /^#doc-(\d+)$/.exec(hash))) openDoc(document.getElementById("doc-" + m[1]));
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();

  if (location.hash === "#selftest") {
    // Used by the test suite (headless Chromium, --dump-dom): select the first highlight as a user would.
    var out = { marks: document.querySelectorAll("mark.m").length };
    var first = document.querySelector("mark.m[tabindex]");
    if (first) {
      openDoc(first.closest("details.doc"));
      first.click();
      out.rule = F[+first.getAttribute("data-i")].r;
      out.text = first.textContent;
      out.panel = body.textContent;
      out.panelFocused = document.activeElement && document.activeElement.id;
      document.activeElement.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
      out.closedByEscape = body.textContent !== out.panel && document.activeElement === first;
      first.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
      out.openedByEnter = body.textContent === out.panel;
    }
    var pre = el("pre", null, JSON.stringify(out));
    pre.id = "selftest-result";
    document.body.appendChild(pre);
  }
})();
""".strip()
