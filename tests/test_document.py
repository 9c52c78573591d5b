"""The source model: what is linted, and where findings point."""

from __future__ import annotations

import pytest

from claimlint.runner import lint_bytes


def spans(findings):
    return [(f.line, f.column, f.end_line, f.end_column, f.excerpt) for f in findings]


def test_plain_position(lint):
    assert spans(lint("Ketamine cures pain.\n")) == [(1, 10, 1, 15, "cures")]


def test_position_after_emphasis_link_and_image(lint):
    text = '**Bold** and [a link](https://x.org/a_(b) "t") ![alt](i.png) then *it cures* you.\n'
    [f] = lint(text)
    assert (f.line, f.column, f.end_column) == (1, 71, 76)
    assert text.splitlines()[0][f.column - 1 : f.end_column - 1] == "cures"


def test_span_over_emphasis_maps_to_source(lint):
    [f] = lint("Nothing here. There are **no side** effects.\n")
    assert (f.column, f.end_column) == (27, 44)
    assert f.excerpt == "no side** effects"


def test_crlf_bom_tabs_and_non_ascii(test_rules):
    data = "\ufeffCafé\tnote.\r\n\r\nÉtude: l’été — ketamine cures.\r\n".encode()
    [f] = lint_bytes(data, test_rules, "x.md")
    assert (f.line, f.column, f.end_column) == (3, 25, 30)


def test_lone_cr_line_endings(test_rules):
    [f] = lint_bytes(b"One.\rTwo.\r\rIt cures.\r", test_rules, "x.md")
    assert (f.line, f.column) == (4, 4)


def test_entities_and_escapes(lint):
    [f] = lint("A &amp; B \\* C &copy; it cures.\n")
    assert f.column == 26


def test_multiline_paragraph_in_blockquote_and_list(lint):
    findings = lint("> first line\n> and it cures\n\n- item\n  continued cures\n")
    assert [(f.line, f.column) for f in findings] == [(2, 10), (5, 13)]


def test_table_cells_heading_and_alt_text(lint):
    findings = lint(
        "# It cures all\n\n| a | b |\n|---|---|\n| x | cures |\n\n![this cures](img.png)\n\nSetext cures\n===\n"
    )
    assert [(f.line, f.column) for f in findings] == [(1, 6), (5, 7), (7, 8), (9, 8)]


def test_front_matter_prose_fields_only(lint):
    findings = lint(
        "---\ntitle: It cures\nslug: cures-depression\ndescription: >\n  Relief that cures\ntags: [cures]\n"
        "subject: Our drip cures\n---\nBody.\n"
    )
    assert [(f.line, f.column, f.excerpt) for f in findings] == [(2, 11, "cures"), (5, 15, "cures"), (7, 19, "cures")]


def test_quoted_front_matter_title(lint):
    [f] = lint('---\ntitle: "It cures"\n---\n')
    assert (f.line, f.column) == (2, 12)


def test_code_html_urls_and_comments_are_not_linted(lint):
    text = """
    Inline `cures` code and <span title="cures">x</span> html.

    ```
    it cures everything
    ```

        indented code cures

    <div>raw html cures</div>

    <!-- a comment that cures -->

    [read](https://example.com/cures) and <https://example.com/cures> and ![x](cures.png)
    """
    assert lint(text) == []


def test_code_only_test_draft_has_no_findings(builtin_rules):
    from conftest import DATA

    data = (DATA / "code-only.md").read_bytes()
    assert lint_bytes(data, builtin_rules, "code-only.md") == []


def test_references_section_is_not_linted(lint):
    text = "# Guide\n\nIt cures.\n\n## References\n\n1. Ketamine cures depression? A review.\n\n## Next\n\nIt cures.\n"
    assert [f.line for f in lint(text)] == [3, 11]


def test_footnote_definitions_are_not_linted(lint):
    assert lint("Fine text.[^1]\n\n[^1]: Smith. Ketamine cures. 2019.\n") == []


def test_placeholder_breaks_phrase_across_code(lint):
    assert lint("There are no `side` effects here.\n") == []


def test_front_matter_values_without_quotes_or_comments(lint):
    findings = lint('---\ntitle: "It cures" # cures in a comment\ndescription: Plain cures # cures again\n---\n')
    assert [(f.line, f.column) for f in findings] == [(2, 12), (3, 20)]


@pytest.mark.parametrize("heading", ["References", "Further reading", "Links and disclosures", "Sources & links"])
def test_a_references_section_is_not_linted(lint, heading):
    assert lint(f"# Notes\n\n## {heading}\n\n- Study: it cures depression (2019)\n") == []
