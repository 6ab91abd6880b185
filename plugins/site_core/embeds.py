"""Embeds without third-party requests: ``!!! embed "URL"`` becomes a link card.

An editor who wants a video or a sign-up form on a page writes::

    !!! embed "https://www.youtube.com/watch?v=abc123"
        Our town hall on Medicare for All, March 2027

and readers get a card: the title, where the link goes (``YouTube · youtube.com``)
and a plain link that works without JavaScript. Nothing is loaded from the other
host unless the reader follows the link (docs/editing/html.md says why there is
no click-to-load player). A Python-Markdown extension, listed in the ``MARKDOWN``
setting and loaded by ``site_core.editor_html.render_markdown``; the address is
checked with the rest of the page's HTML (``editor_html``).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.util import AtomicString

#: The class of an embed card's link: ``editor_html`` checks that it goes to a web page.
LINK_CLASS = "embed-link"
#: Names readers know, for hosts editors often embed from (the host without ``www.``).
SERVICES = {
    "youtube.com": "YouTube",
    "youtu.be": "YouTube",
    "youtube-nocookie.com": "YouTube",
    "vimeo.com": "Vimeo",
    "player.vimeo.com": "Vimeo",
    "actionnetwork.org": "Action Network",
    "mobilize.us": "Mobilize",
    "docs.google.com": "Google",
    "forms.gle": "Google Forms",
    "eventbrite.com": "Eventbrite",
    "facebook.com": "Facebook",
    "zoom.us": "Zoom",
}
_YOUTUBE_PLAYER = re.compile(r"^/embed/([\w-]+)")
_VIMEO_PLAYER = re.compile(r"^/video/(\d+)")


def embed_syntax(url: str) -> str:
    """What an editor writes to show ``url`` as a card (for fixes in problem messages)."""
    return f'!!! embed "{url}"'


def page_address(url: str) -> str:
    """The page a player or embedded form shows, for a reader to open instead.

    ``https://www.youtube-nocookie.com/embed/ID`` → ``https://www.youtube.com/watch?v=ID``,
    ``https://player.vimeo.com/video/ID`` → ``https://vimeo.com/ID``, and an
    ``embedded=true`` query parameter dropped (Google Forms); other addresses as they are.
    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    youtube = _YOUTUBE_PLAYER.match(parts.path)
    if host in {"youtube.com", "youtube-nocookie.com"} and youtube:
        return f"https://www.youtube.com/watch?v={youtube[1]}"
    vimeo = _VIMEO_PLAYER.match(parts.path)
    if host == "player.vimeo.com" and vimeo:
        return f"https://vimeo.com/{vimeo[1]}"
    query = [(k, v) for k, v in parse_qsl(parts.query) if (k, v) != ("embedded", "true")]
    if len(query) < len(parse_qsl(parts.query)):
        return urlunsplit(parts._replace(query=urlencode(query)))
    return url.strip()


def host_label(url: str) -> str:
    """Where a link goes, for readers: ``YouTube · youtube.com``, or the host alone."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    service = SERVICES.get(host)
    return f"{service} · {host}" if service else host


def _shown(url: str) -> str:
    """An address as a title, when the editor gave none: without scheme and ``www.``."""
    text = re.sub(r"^https?://(www\.)?", "", url)
    return text if len(text) <= 60 else text[:59] + "…"


class EmbedProcessor(BlockProcessor):
    """``!!! embed "URL"`` and an optional indented title → a link card."""

    RE = re.compile(r'(?:^|\n)!!! ?embed(?: +"?([^"\n]*?)"?)? *(?:\n|$)', re.IGNORECASE)

    def test(self, parent: etree.Element, block: str) -> bool:
        """A block with an ``!!! embed`` line."""
        return bool(self.RE.search(block))

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        """Replace the ``!!! embed`` line and its indented title with the card."""
        block = blocks.pop(0)
        match = self.RE.search(block)
        if match.start() > 0:
            self.parser.parseBlocks(parent, [block[: match.start()]])
        title, rest = self.detab(block[match.end() :])
        if not title.strip() and blocks and blocks[0].startswith(" " * self.tab_length):
            title, rest = self.detab(blocks.pop(0))  # the title after a blank line
        url = page_address(match[1] or "")
        card = etree.SubElement(parent, "p", {"class": "embed"})
        link = etree.SubElement(card, "a", {"class": LINK_CLASS, "href": url})
        name = etree.SubElement(link, "span", {"class": "embed-title"})
        name.text = AtomicString(" ".join(title.split()) or _shown(url))
        name.tail = " "
        where = etree.SubElement(link, "span", {"class": "embed-host"})
        where.text = AtomicString(host_label(url))
        if rest:
            blocks.insert(0, rest)


class EmbedExtension(Extension):
    """Register ``!!! embed`` before the admonition syntax it resembles."""

    def extendMarkdown(self, md: Markdown) -> None:
        """Add the block processor."""
        md.parser.blockprocessors.register(EmbedProcessor(md.parser), "embed", 106)


def makeExtension(**kwargs) -> EmbedExtension:
    """Let ``site_core.embeds`` be named in the ``MARKDOWN`` setting."""
    return EmbedExtension(**kwargs)
