"""Sanitised HTML as plain text, for calendars, feeds and structured data.

Readers see the text in calendar apps, feed readers and search results, where
nothing renders Markdown or HTML: paragraphs and headings are separated by a
blank line, list items are on their own lines ("- item", "1. item", indented
when nested), a line break (``<br>``) stays one, and the source's hard wraps
are joined as a browser joins them. A link keeps its address after its text,
"the sign-up form (https://...)", unless the text already is the address.
Built on the standard library's HTML parser (entities decoded, any markup read
without error); the text of ``script``, ``style`` and ``template`` is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

#: Elements that start a new block of text.
BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tr",
        "ul",
    }
)
#: Blocks whose items follow each other without a blank line.
TIGHT = frozenset({"ul", "ol", "table"})
#: Elements whose content is not text for readers.
HIDDEN = frozenset({"script", "style", "template", "noscript"})
CELL_SEPARATOR = " | "


@dataclass
class _List:
    """An open ``ul``/``ol``/``table``: its kind and the number of its next item."""

    tag: str
    number: int = 1


@dataclass
class _Line:
    """The text of the block being read: its pieces, split where ``<br>`` breaks a line."""

    pieces: list[list[str]] = field(default_factory=lambda: [[]])
    marker: str = ""  # "- " or "2. " until the first line of a list item is written

    def add(self, text: str) -> None:
        self.pieces[-1].append(text)

    def text_since(self, mark: tuple[int, int]) -> str:
        """The words added since ``mark`` (a position from :meth:`mark`)."""
        row, index = mark if mark[0] < len(self.pieces) else (0, 0)
        chunks = self.pieces[row][index:] + [c for p in self.pieces[row + 1 :] for c in p]
        return " ".join("".join(chunks).split())

    def mark(self) -> tuple[int, int]:
        return len(self.pieces) - 1, len(self.pieces[-1])


class _TextWriter(HTMLParser):
    """Collects the plain text of one HTML fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []  # written blocks, each with the gap before it
        self.line = _Line()
        self.lists: list[_List] = []
        self.links: list[tuple[str | None, _Line, tuple[int, int]]] = []
        self.pre = 0
        self.hidden = 0
        self.cells = 0  # cells read in the current table row
        self.tight = False  # the last block written was an item of a list or a table row

    # --- reading -----------------------------------------------------------------------------

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self.hidden += 1
            return
        if tag in BLOCKS:
            self.flush()
        if tag in TIGHT:
            self.lists.append(_List(tag))
        elif tag == "li" and self.lists:
            current = self.lists[-1]
            depth = sum(1 for open_list in self.lists if open_list.tag != "table") - 1
            bullet = f"{current.number}. " if current.tag == "ol" else "- "
            current.number += 1
            self.line.marker = "  " * max(depth, 0) + bullet
        elif tag == "tr":
            self.cells = 0
        elif tag in {"td", "th"}:
            if self.cells:
                self.line.add(CELL_SEPARATOR)
            self.cells += 1
        elif tag == "br":
            self.line.pieces.append([])
        elif tag == "pre":
            self.pre += 1
        elif tag == "a":
            self.links.append((dict(attrs).get("href"), self.line, self.line.mark()))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in {"br", "hr"}:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in HIDDEN:
            self.hidden = max(self.hidden - 1, 0)
            return
        if tag == "a" and self.links:
            href, line, mark = self.links.pop()
            # A block inside the link ended the line it started on: its text is all on this one.
            target = link_target(href, self.line.text_since(mark if line is self.line else (0, 0)))
            if target:
                self.line.add(f" ({target})")
        if tag in BLOCKS:
            self.flush()
        if tag in TIGHT and self.lists and self.lists[-1].tag == tag:
            self.lists.pop()
            self.tight = self.tight and bool(self.lists)  # a new list starts after a blank line
        elif tag == "pre":
            self.pre = max(self.pre - 1, 0)

    def handle_data(self, data):
        if not self.hidden:
            self.line.add(data)

    # --- writing -----------------------------------------------------------------------------

    def flush(self) -> None:
        """Write the block read so far, if it holds any text."""
        line, self.line = self.line, _Line(marker="")
        if self.pre:
            rows = "\n".join("".join(p) for p in line.pieces).strip("\n").split("\n")
        else:
            rows = [" ".join("".join(p).split()) for p in line.pieces]
            rows = [row for row in rows if row]
        if not rows:
            if line.marker:  # a list item whose text is in a nested block: keep its marker
                self.line.marker = line.marker
            return
        indent = " " * len(line.marker) if line.marker else self._indent()
        first = line.marker or indent
        text = "\n".join([first + rows[0], *(indent + row for row in rows[1:])])
        gap = "\n" if self.lists and self.tight else "\n\n"
        self.blocks.append((gap if self.blocks else "") + text)
        self.tight = bool(self.lists)

    def _indent(self) -> str:
        """Continuation indent inside list items (a paragraph of a loose item)."""
        depth = sum(1 for open_list in self.lists if open_list.tag != "table")
        return "  " * depth if depth else ""

    def text(self) -> str:
        self.close()
        self.flush()
        return "".join(self.blocks)


def link_target(href: str | None, text: str) -> str | None:
    """The address to write after a link's text, or None when it adds nothing.

    Only absolute addresses are written (a relative one means nothing outside
    the site); ``mailto:`` and ``tel:`` show the address or number alone.
    """
    if not href:
        return None
    href = href.strip()
    scheme, _, rest = href.partition(":")
    scheme = scheme.lower()
    if scheme in {"mailto", "tel"}:
        shown = rest
    elif scheme in {"http", "https"} and rest.startswith("//"):
        shown = href
    else:
        return None
    if _same_address(text, shown) or _same_address(text, href):
        return None
    return shown


def _same_address(text: str, address: str) -> bool:
    """Whether a link's text is its address, give or take the scheme and a final slash."""

    def bare(value: str) -> str:
        value = value.strip().lower().rstrip("/")
        for prefix in ("https://", "http://", "mailto:", "tel:", "www."):
            value = value.removeprefix(prefix)
        return value

    return bool(text) and bare(text) == bare(address)


def html_to_text(html: str) -> str:
    """Plain text of sanitised HTML: paragraphs, list items and link addresses kept."""
    if not html:
        return ""
    writer = _TextWriter()
    writer.feed(str(html))
    return writer.text()
