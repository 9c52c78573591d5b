"""HTML pages: the visible text of the body, as segments with exact source positions.

Websites publish HTML as well as Markdown. The text a visitor reads (block
by block: paragraphs, headings, list items, table cells, image alt text)
is what claimlint lints; scripts, styles, templates, the head, code and
comments are not prose. Comments are still read for directives.
"""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser

from claimlint.document import CITE_MARK, PLACEHOLDER, SCHOLARLY_HOSTS, Comment, Document, _Builder
from claimlint.errors import ClaimlintError
from claimlint.source import Source

BLOCKS = frozenset(
    """address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p section summary table tbody td tfoot th
    thead tr ul""".split()  # noqa: SIM905
)
SKIPPED = frozenset("script style template noscript head code pre textarea svg math iframe object select".split())  # noqa: SIM905
KINDS = {**{f"h{i}": "heading" for i in range(1, 7)}, "li": "list-item", "td": "table-cell", "th": "table-cell"}
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())  # noqa: SIM905


def parse_html(source: Source) -> Document:
    reader = _Reader(source)
    try:
        reader.feed(source.text)
        reader.close()
    except (AssertionError, ValueError, IndexError) as exc:  # the standard parser's own failures
        raise ClaimlintError(f"could not read the HTML ({exc})", source.path) from None
    reader.flush()
    return Document(source, reader.segments, reader.comments)


class _Reader(HTMLParser):
    def __init__(self, source: Source):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.segments = []
        self.comments: list[Comment] = []
        self.open: list[str] = []
        self.skip = 0
        self.block = 0
        self.builder: _Builder | None = None
        self.links: list[str] = []

    def parse_html_declaration(self, i):
        """A malformed declaration ("<![0") is text, not a reason to stop reading the page."""
        saved = (self.lineno, self.offset)
        try:
            return super().parse_html_declaration(i)
        except AssertionError:
            self.lineno, self.offset = saved  # the parser moved on before it gave up
            self.handle_data(self.rawdata[i : i + 2])
            return i + 2

    def _position(self) -> int:
        line, column = self.getpos()
        return self.source.line_starts[line - 1] + column

    def current(self) -> _Builder:
        if self.builder is None:
            self.block += 1
            kind = next((KINDS[t] for t in reversed(self.open) if t in KINDS), None)
            if kind is None:
                kind = "blockquote" if "blockquote" in self.open else "paragraph"
            self.builder = _Builder(kind, self.block, None)
        return self.builder

    def flush(self) -> None:
        if self.builder is not None:
            segment = self.builder.build()
            if segment is not None:
                self.segments.append(segment)
            self.builder = None

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED:
            if tag not in VOID:
                self.skip += 1
            return
        if self.skip:
            return
        if tag in BLOCKS or tag == "br":
            self.flush()
        if tag == "img":
            self._alt_text(dict(attrs))
        elif tag == "a":
            self.links.append(dict(attrs).get("href") or "")
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.open and self.open[-1] == tag:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in SKIPPED:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag == "a" and self.links and SCHOLARLY_HOSTS.search(self.links.pop()):
            self.current().mark(CITE_MARK, self._position())  # a link to a journal or registry cites
        if tag in self.open:
            while self.open and self.open.pop() != tag:
                pass
        if tag in BLOCKS:
            self.flush()  # inline tags (em, strong, a, span, ...) keep the sentence going

    def handle_data(self, data):
        if self.skip or not data:
            return
        if not data.strip() and self.builder is None:
            return
        self.current().add(data.replace("\n", " ").replace("\t", " "), self._position())

    def handle_entityref(self, name):
        self._reference(f"&{name};")

    def handle_charref(self, name):
        self._reference(f"&#{name};")

    def _reference(self, raw: str):
        if self.skip:
            return
        for char in unescape(raw) or " ":
            self.current().mark(char, self._position())

    def handle_comment(self, data):
        start = self._position()
        self.comments.append(Comment(data, start, start + len(data) + 7))
        if not self.skip and self.builder is not None:
            self.builder.mark(PLACEHOLDER, start)

    def _alt_text(self, attrs: dict) -> None:
        alt = attrs.get("alt")
        if not alt:
            return
        tag_start = self._position()
        tag_text = self.get_starttag_text() or ""
        at = tag_text.find(alt)
        if at < 0:
            return
        builder = _Builder("alt-text", self.block, None)
        builder.add(alt, tag_start + at)
        segment = builder.build()
        if segment is not None:
            self.segments.append(segment)
