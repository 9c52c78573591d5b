"""The prose a reader sees, cut out of a Markdown draft with exact positions.

markdown-it-py gives each block its line range but no character offsets for
inline text, so every piece of visible text is located again in the block's
raw source. The result is a list of segments (a heading, a paragraph, a list
item, a table cell, an image's alt text, a front matter title) whose text is
what a reader sees and whose every character maps back to the file.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from claimlint.compiled import compile_pattern
from claimlint.config import FRONT_MATTER_FIELDS
from claimlint.source import Source

PLACEHOLDER = "\ufffc"  # stands for code, HTML or an image: breaks any phrase match
CITE_MARK = "\ue000"  # stands for a footnote reference or a link to a scholarly source


def readable(text: str) -> str:
    """Prose as a message quotes it: a run of whitespace, or what stands for code, HTML or an image, is one space."""
    return " ".join(text.replace(PLACEHOLDER, " ").split())


SCHOLARLY_HOSTS = compile_pattern(
    r"(?:^|[/.@])(?:doi\.org|dx\.doi\.org|ncbi\.nlm\.nih\.gov|nih\.gov|clinicaltrials\.gov"
    r"|europepmc\.org|cochranelibrary\.com|nejm\.org|jamanetwork\.com|thelancet\.com|bmj\.com"
    r"|nature\.com|sciencedirect\.com|springer\.com|wiley\.com|academic\.oup\.com|lww\.com"
    r"|ahajournals\.org|psychiatryonline\.org|frontiersin\.org|plos\.org|mdpi\.com"
    r"|tandfonline\.com|sagepub\.com|cell\.com|science\.org|acpjournals\.org|annals\.org"
    r"|jneurosci\.org|karger\.com|bmc\w*\.com|biomedcentral\.com|fda\.gov|accessdata\.fda\.gov"
    r"|who\.int|cdc\.gov|nice\.org\.uk|americanheadachesociety\.org|esmo\.org|apa\.org)"
    r"(?:[/:?#]|$)",
    re.I,
)
_REFERENCE_HEADING = compile_pattern(
    r"\W*(references?|bibliography|sources|citations|works cited|literature cited|footnotes|further reading"
    r"|studies cited|(?:links|sources|references)\s+(?:and|&)\s+"
    r"(?:sources|references|links|disclosures|further reading))\W*",
    re.I,
)
# A heading that disowns the list under it: "What we won't tell you", "Claims we don't make", "Myths"
_DENYING_HEADING = compile_pattern(
    r"\b(?:won['’]t|don['’]t|can['’]t|cannot|do\s+not|will\s+not|never|myths?|red\s+flags?|avoid)\b", re.I
)
# a boast that only sounds like a denial: "The Numbers Don't Lie", "Don't just take our word for it"
_BOASTING_HEADING = compile_pattern(
    r"\b(?:don['’]t|do\s+not|never|can['’]t)\s+(?:lie|(?:just\s+)?take\s+our\s+word|stop\s+talking)\b",
    re.I,
)


def _disowns(heading: str) -> bool:
    """Whether a heading disowns the list under it ("What we won't say"), not boasts of it ("The Numbers Don't Lie")."""
    return bool(_DENYING_HEADING.search(heading)) and not _BOASTING_HEADING.search(heading)


_MARKUP_GAP = compile_pattern(r"[\s*_~\[\]!()\\<>`|#=+-]*")
_ENTITY = compile_pattern(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_FRONT_FIELDS: dict[tuple[str, ...], re.Pattern] = {}


def _front_field(fields: tuple[str, ...]) -> re.Pattern:
    if fields not in _FRONT_FIELDS:
        names = "|".join(re.escape(name) for name in fields)
        _FRONT_FIELDS[fields] = compile_pattern(rf"({names})[ \t]*:[ \t]*(.*?)[ \t]*$")
    return _FRONT_FIELDS[fields]


@dataclass
class Segment:
    """One stretch of visible prose and the map from its characters to the source."""

    text: str
    kind: str  # heading | paragraph | list-item | blockquote | table-cell | alt-text | front-matter
    block: int  # segments of one paragraph, heading or table row share a block number
    lead_in: str | None = None  # the "...:" sentence that introduces a list item
    _seg: list[int] = field(default_factory=list, repr=False)
    _doc: list[int] = field(default_factory=list, repr=False)
    column: int = -1  # a table cell's column, counting from 0 (-1: not known)

    def to_source(self, offset: int) -> int:
        """Source offset of the character at ``offset`` in this segment's text."""
        i = bisect.bisect_right(self._seg, offset) - 1
        if i < 0:
            return self._doc[0] if self._doc else 0
        return self._doc[i] + (offset - self._seg[i])

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Half-open source span of the segment text ``[start, end)``."""
        if end <= start:
            pos = self.to_source(start)
            return pos, pos
        return self.to_source(start), self.to_source(end - 1) + 1


@dataclass
class Comment:
    """An HTML comment: invisible prose, read for claimlint directives."""

    text: str
    start: int
    end: int


@dataclass
class Document:
    source: Source
    segments: list[Segment]
    comments: list[Comment]
    front_matter: str | None = None


class _Builder:
    """Accumulates a segment's text and its offset anchors."""

    def __init__(self, kind: str, block: int, lead_in: str | None, column: int = -1):
        self.kind, self.block, self.lead_in, self.column = kind, block, lead_in, column
        self.parts: list[str] = []
        self.length = 0
        self.seg: list[int] = []
        self.doc: list[int] = []
        self._next_doc = -1

    def add(self, text: str, doc: int) -> None:
        if not text:
            return
        if doc != self._next_doc:
            self.seg.append(self.length)
            self.doc.append(doc)
        self.parts.append(text)
        self.length += len(text)
        self._next_doc = doc + len(text)

    def mark(self, char: str, doc: int) -> None:
        """A one-character stand-in that maps to a single source position."""
        self.seg.append(self.length)
        self.doc.append(doc)
        self.parts.append(char)
        self.length += 1
        self._next_doc = -1

    def build(self) -> Segment | None:
        text = "".join(self.parts)
        if not text.strip(" " + PLACEHOLDER + CITE_MARK):
            return None
        return Segment(text, self.kind, self.block, self.lead_in, self.seg, self.doc, self.column)


_INLINE_MARKUP = compile_pattern(r"[*_`\[\]<>&\\]")


@lru_cache(maxsize=1)
def _parser():
    """The one markdown-it set-up: CommonMark, tables, footnotes, front matter.

    The inline pass is off: most blocks of prose hold no inline markup, and
    those that do are parsed one by one (see ``_inline_children``), which
    makes the whole parse about half again as fast.
    """
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark").enable("table").use(front_matter_plugin).use(footnote_plugin)
    md.disable("inline")
    return md


def _inline_children(content: str, env: dict) -> list:
    """Inline tokens of one block, with the link and footnote references of the document."""
    md = _parser()
    children: list = []
    md.inline.parse(content, md, env, children)
    return children


def parse(source: Source, front_matter: tuple[str, ...] = FRONT_MATTER_FIELDS) -> Document:
    """Cut a draft into segments of visible prose (Markdown, MDX or HTML, by file name).

    ``front_matter``: the front matter fields read as prose.
    """
    name = source.path.lower()
    if name.endswith(".mdx"):
        from claimlint.mdx import to_markdown

        shadow = Source(source.path, to_markdown(source.text), source.bom, source.line_starts)
        document = _Walker(shadow, front_matter).walk()
        document.source = source
        return document
    if name.endswith((".html", ".htm")):
        from claimlint.htmldoc import parse_html

        return parse_html(source)
    return _Walker(source, front_matter).walk()


class _Walker:
    def __init__(self, source: Source, front_matter: tuple[str, ...] = FRONT_MATTER_FIELDS):
        self.source = source
        self.front_field = _front_field(front_matter) if front_matter else None
        self.segments: list[Segment] = []
        self.comments: list[Comment] = []
        self.front_matter: str | None = None
        self.block = 0
        self.containers: list[str] = []
        self.lists: list[str | None] = []
        self.last_text: str | None = None
        self.last_kind: str | None = None
        self.column = -1  # the table cell being read, counting from 0
        self.skip_below: int | None = None  # inside a References section: its heading level
        self.heading_level = 0
        self.in_footnote = 0
        self.cell_cursor: dict[int, int] = {}

    # -- blocks --------------------------------------------------------------
    def walk(self) -> Document:
        self.env: dict = {}
        tokens = _parser().parse(self.source.text, self.env)
        for token in tokens:
            handler = _BLOCK_HANDLERS.get(token.type)
            if handler is not None:
                handler(self, token)
        return Document(self.source, self.segments, self.comments, self.front_matter)

    def _open(self, token) -> None:
        self.containers.append(token.type)

    def _close(self, token) -> None:
        if self.containers:
            self.containers.pop()

    def _list_open(self, token) -> None:
        lead = self.last_text.strip() if self.last_text else None
        if lead and not lead.endswith(":") and not (self.last_kind == "heading" and _disowns(lead)):
            lead = None  # a list is read with a "...:" line, or with a heading that disowns it ("What we won't say")
        self.lists.append(lead)
        self.containers.append(token.type)

    def _list_close(self, token) -> None:
        if self.lists:
            self.lists.pop()
        self._close(token)

    def _heading_open(self, token) -> None:
        self.heading_level = int(token.tag[1:]) if token.tag[1:].isdigit() else 1
        if self.skip_below is not None and self.heading_level <= self.skip_below:
            self.skip_below = None
        self.containers.append("heading")

    def _row_open(self, token) -> None:
        self.block += 1
        self.column = -1

    def _cell_open(self, token) -> None:
        self.column += 1
        self._open(token)

    def _footnote_open(self, token) -> None:
        self.in_footnote += 1

    def _footnote_close(self, token) -> None:
        self.in_footnote -= 1

    def _html_block(self, token) -> None:
        if token.map:
            start = self.source.line_starts[token.map[0]]
            self._collect_comments(token.content, start)

    def _front_matter(self, token) -> None:
        self.front_matter = token.content
        lines = self.source.lines
        end = token.map[1] - 1 if token.map else 0
        i = 1
        while i < end:
            match = self.front_field.fullmatch(lines[i]) if self.front_field else None
            if not match:
                i += 1
                continue
            self.block += 1
            builder = _Builder("front-matter", self.block, None)
            value, col = match.group(2), match.start(2)
            base = self.source.line_starts[i]
            if value in ("", "|", ">", "|-", ">-", "|+", ">+"):
                i += 1
                while i < end and (lines[i].startswith((" ", "\t")) or not lines[i].strip()):
                    text = lines[i].strip()
                    if text:
                        if builder.length:
                            builder.add(" ", self.source.line_starts[i] - 1)
                        builder.add(text, self.source.line_starts[i] + lines[i].index(text))
                    i += 1
            else:
                value, col = _scalar(value, col)
                builder.add(value, base + col)
                i += 1
            self._keep(builder)

    def _inline(self, token) -> None:
        parent = self.containers[-1] if self.containers else "paragraph"
        if self.in_footnote or not token.map:
            return
        if parent == "heading":
            kind = "heading"
        elif parent in ("th_open", "td_open"):
            kind = "table-cell"
        elif "list_item_open" in self.containers:
            kind = "list-item"
        elif "blockquote_open" in self.containers:
            kind = "blockquote"
        else:
            kind = "paragraph"
        if kind != "table-cell":
            self.block += 1
        lead_in = next((lead for lead in reversed(self.lists) if lead), None)
        lead_in = lead_in if kind == "list-item" else None
        to_doc = self._raw_mapper(token, kind)
        builder = _Builder(kind, self.block, lead_in, self.column if kind == "table-cell" else -1)
        extra: list[Segment] = []
        content = token.content
        if _INLINE_MARKUP.search(content):
            _InlineWalk(content, to_doc, self, extra).run(_inline_children(content, self.env), builder, 0)
        else:  # plain prose: the text is the content itself, line breaks and all
            start = 0
            for line in content.split("\n"):
                if start:
                    builder.add("\n", to_doc(start - 1))
                builder.add(line, to_doc(start))
                start += len(line) + 1
        if kind == "heading" and _REFERENCE_HEADING.fullmatch("".join(builder.parts)):
            self.skip_below = self.heading_level
            return
        if self.skip_below is not None:
            return
        self._keep(builder)
        self.segments.extend(extra)

    def _keep(self, builder: _Builder) -> None:
        segment = builder.build()
        if segment is not None:
            self.segments.append(segment)
            self.last_text = segment.text
            self.last_kind = segment.kind
        else:
            self.last_text = None
            self.last_kind = None

    def _raw_mapper(self, token, kind: str) -> Callable[[int], int]:
        """Map offsets in an inline token's content back to source offsets."""
        raw_lines = token.content.split("\n")
        first = token.map[0]
        bases: list[int] = []
        raw_starts: list[int] = []
        pos = 0
        for k, content_line in enumerate(raw_lines):
            line_no = min(first + k, len(self.source.line_starts) - 1)
            line = self.source.line_text(line_no + 1)
            start_col = self.cell_cursor.get(line_no, 0) if kind == "table-cell" else 0
            col = _locate(line, content_line, start_col)
            if kind == "table-cell":
                self.cell_cursor[line_no] = col + len(content_line)
            bases.append(self.source.line_starts[line_no] + col)
            raw_starts.append(pos)
            pos += len(content_line) + 1

        def to_doc(offset: int) -> int:
            k = bisect.bisect_right(raw_starts, offset) - 1
            return bases[k] + offset - raw_starts[k]

        return to_doc

    def _collect_comments(self, html: str, base: int) -> None:
        """Comments of an HTML block or inline tag, located in the source from ``base`` on.

        Searched for rather than offset: inside a blockquote or list the
        block's content has lost its ``>`` and indentation.
        """
        for match in re.finditer(r"<!--(.*?)-->", html, re.S):
            start = self.source.text.find(match.group(0), base)
            if start < 0:
                continue
            self.comments.append(Comment(match.group(1), start, start + len(match.group(0))))
            base = start + len(match.group(0))


def _scalar(value: str, col: int) -> tuple[str, int]:
    """A one-line YAML scalar without its quotes or trailing comment, and where it starts."""
    if value[:1] in ("'", '"'):
        quote = value[0]
        i = 1
        while i < len(value):
            if quote == '"' and value[i] == "\\":
                i += 2
                continue
            if value[i] == quote:
                if quote == "'" and value[i + 1 : i + 2] == "'":
                    i += 2
                    continue
                return value[1:i], col + 1
            i += 1
        return value[1:], col + 1
    comment = re.search(r"\s#", value)
    return (value[: comment.start()].rstrip() if comment else value), col


def _locate(line: str, content: str, start: int = 0) -> int:
    """Column where a block's content line sits in its source line."""
    if not content:
        return min(start, len(line))
    col = line.find(content, start)
    if col >= 0:
        return col
    stripped = content.lstrip()
    col = line.find(stripped, start) if stripped else -1
    if col >= 0:
        return max(0, col - (len(content) - len(stripped)))
    return max(start, len(line) - len(content))


_BLOCK_HANDLERS = {
    "front_matter": _Walker._front_matter,
    "heading_open": _Walker._heading_open,
    "heading_close": _Walker._close,
    "paragraph_open": _Walker._open,
    "paragraph_close": _Walker._close,
    "blockquote_open": _Walker._open,
    "blockquote_close": _Walker._close,
    "list_item_open": _Walker._open,
    "list_item_close": _Walker._close,
    "bullet_list_open": _Walker._list_open,
    "bullet_list_close": _Walker._list_close,
    "ordered_list_open": _Walker._list_open,
    "ordered_list_close": _Walker._list_close,
    "th_open": _Walker._cell_open,
    "th_close": _Walker._close,
    "td_open": _Walker._cell_open,
    "td_close": _Walker._close,
    "tr_open": _Walker._row_open,
    "footnote_open": _Walker._footnote_open,
    "footnote_close": _Walker._footnote_close,
    "html_block": _Walker._html_block,
    "inline": _Walker._inline,
}


class _InlineWalk:
    """Walks an inline token's children, finding each one in the raw content."""

    def __init__(self, raw: str, to_doc: Callable[[int], int], walker: _Walker, extra: list):
        self.raw, self.to_doc, self.walker, self.extra = raw, to_doc, walker, extra

    def run(self, children, builder: _Builder, cur: int) -> int:
        raw = self.raw
        skipping = False  # inside an autolink: its text is a URL
        cite_next_digits = False
        links: list[str] = []
        for child in children:
            kind = child.type
            if skipping:
                if kind == "link_close":
                    skipping = False
                continue
            if kind == "text_special" and child.markup:  # an entity or an escape: "&amp;", "\\*"
                j = raw.find(child.markup, cur)
                if j >= 0 and _MARKUP_GAP.fullmatch(raw, cur, j):
                    at = j + 1 if child.markup.startswith("\\") else j
                    for char in child.content:
                        builder.mark(char, self.to_doc(at))
                    cur = j + len(child.markup)
                    continue
            if kind in ("text", "text_special"):
                if cite_next_digits and child.content[:1].isdigit():
                    builder.mark(CITE_MARK, self.to_doc(min(cur, len(raw) - 1)))
                cite_next_digits = False
                cur = self.text(builder, child.content, cur)
            elif kind in ("softbreak", "hardbreak"):
                j = raw.find("\n", cur)
                j = cur if j < 0 else j
                builder.add("\n", self.to_doc(j))
                cur = j + 1
            elif kind == "code_inline":
                j = raw.find("`", cur)
                if j < 0:
                    continue
                n = len(raw[j:]) - len(raw[j:].lstrip("`"))
                k = _closing_ticks(raw, j + n, n)
                builder.mark(PLACEHOLDER, self.to_doc(j))
                cur = k
            elif kind == "html_inline":
                j = raw.find(child.content, cur)
                if j < 0:
                    continue
                if child.content.startswith("<!--"):
                    self.walker._collect_comments(child.content, self.to_doc(j))
                if re.match(r"<sup\b", child.content, re.I):
                    cite_next_digits = True
                builder.mark(PLACEHOLDER, self.to_doc(j))
                cur = j + len(child.content)
            elif kind == "footnote_ref":
                j = raw.find("[^", cur)
                if j < 0:
                    continue
                builder.mark(CITE_MARK, self.to_doc(j))
                k = raw.find("]", j)
                cur = k + 1 if k >= 0 else j + 2
            elif kind == "link_open":
                if child.markup == "autolink" or child.info == "auto":
                    j = raw.find("<", cur)
                    k = raw.find(">", j + 1) if j >= 0 else -1
                    if j >= 0:
                        builder.mark(PLACEHOLDER, self.to_doc(j))
                    cur = k + 1 if k >= 0 else cur
                    skipping = True
                    continue
                j = raw.find("[", cur)
                cur = j + 1 if j >= 0 else cur
                links.append(str(child.attrs.get("href", "")))
            elif kind == "link_close":
                end = _skip_destination(raw, cur)
                href = links.pop() if links else ""
                if SCHOLARLY_HOSTS.search(href):
                    builder.mark(CITE_MARK, self.to_doc(max(cur, end - 1)))
                cur = end
            elif kind == "image":
                j = raw.find("![", cur)
                if j < 0:
                    continue
                builder.mark(PLACEHOLDER, self.to_doc(j))
                alt = _Builder("alt-text", builder.block, None)
                after = self.run(child.children or [], alt, j + 2)
                segment = alt.build()
                if segment is not None:
                    self.extra.append(segment)
                cur = _skip_destination(raw, after)
        return cur

    def text(self, builder: _Builder, text: str, cur: int) -> int:
        """Place a text child: verbatim when it is, else character by character."""
        raw = self.raw
        if not text:
            return cur
        j = raw.find(text, cur)
        if j >= 0 and _MARKUP_GAP.fullmatch(raw, cur, j):
            builder.add(text, self.to_doc(j))
            return j + len(text)
        for char in text:
            entity = _ENTITY.match(raw, cur)
            if entity:
                builder.mark(char, self.to_doc(cur))
                cur = entity.end()
                continue
            if cur < len(raw) and raw[cur] == char:
                builder.add(char, self.to_doc(cur))
                cur += 1
                continue
            if raw.startswith("\\" + char, cur):
                builder.add(char, self.to_doc(cur + 1))
                cur += 2
                continue
            j = raw.find(char, cur)
            if j >= 0 and _MARKUP_GAP.fullmatch(raw, cur, j):
                builder.add(char, self.to_doc(j))
                cur = j + 1
            else:  # e.g. the second character an entity decoded to
                builder.mark(char, self.to_doc(max(0, min(cur, len(raw)) - 1)))
        return cur


def _closing_ticks(raw: str, start: int, n: int) -> int:
    i = start
    while True:
        k = raw.find("`" * n, i)
        if k < 0:
            return len(raw)
        run = len(raw[k:]) - len(raw[k:].lstrip("`"))
        if run == n:
            return k + n
        i = k + run


def _skip_destination(raw: str, cur: int) -> int:
    """Offset just past a link's ``](destination "title")`` or ``][label]``."""
    j = raw.find("]", cur)
    if j < 0:
        return cur
    if raw.startswith("(", j + 1):
        depth, k = 0, j + 1
        while k < len(raw):
            char = raw[k]
            if char == "\\":
                k += 2
                continue
            if char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    return k + 1
            k += 1
        return len(raw)
    if raw.startswith("[", j + 1):
        k = raw.find("]", j + 2)
        return k + 1 if k >= 0 else j + 1
    return j + 1
