"""Safe content: one HTML sanitiser and one URL check that every plugin uses.

Whatever HTML reaches a page from content (Markdown of pages, news, guide
chapters, charters, questionnaires, event descriptions) goes through one
allow-list (nh3, the Rust ammonia sanitiser) before it is published: no
script, no event-handler attribute, links only to http(s), mailto and tel,
images only from the site itself. ``site_core.editor_html`` applies it and
reports what it removed. Links that readers click in data files (RSVP, online
meeting, candidate website) must be http(s) (:func:`url_problem`).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import nh3

#: What Markdown and its extensions write (tables, footnotes, definition lists,
#: callouts, heading anchors, abbreviations), plus a few tags editors use on purpose.
ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del",
    "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s",
    "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "u", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start", "reversed"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "details": {"open"},
}
LINK_SCHEMES = {"http", "https", "mailto", "tel"}
#: Allowed attributes whose address the browser fetches by itself: only a path on this site.
SITE_ONLY_ATTRIBUTES = {"src"}


_C0_AND_SPACE = "".join(map(chr, range(0x21)))
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")


def normalized_url(value: str) -> str:
    """A URL as a browser reads it (WHATWG URL parsing): controls and spaces around it
    dropped, tabs and newlines in it removed, backslashes read as slashes."""
    text = value.strip(_C0_AND_SPACE)
    return text.replace("\t", "").replace("\n", "").replace("\r", "").replace("\\", "/")


def url_scheme(value: str) -> str:
    """The scheme of a URL in lower case (``javascript``, ``https``...), '' for a path."""
    match = _SCHEME.match(normalized_url(value))
    return match[1].lower() if match else ""


def is_site_path(value: str) -> bool:
    """True for a path on this site (``/images/a.png``, ``../a.png``, ``{static}/a.png``),
    False for anything with a scheme or a host."""
    text = normalized_url(value)
    return not url_scheme(text) and not text.startswith("//")


def _only_site_subresources(tag: str, attribute: str, value: str) -> str | None:
    """nh3's attribute filter: drop an image address that is not on this site."""
    if attribute in SITE_ONLY_ATTRIBUTES and not is_site_path(value):
        return None
    return value


def sanitize_html(html: str) -> str:
    """Keep only the allow-listed tags, attributes and link schemes, and images of this site."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=LINK_SCHEMES,
        link_rel=None,  # no target attribute is kept, so links cannot reach their opener
        attribute_filter=_only_site_subresources,
    )


def url_problem(value: str, *, schemes: tuple[str, ...] = ("https", "http")) -> str | None:
    """Say what is wrong with a link readers will click, or return None if it is fine."""
    text = str(value).strip()
    parts = urlsplit(text)
    if parts.scheme.lower() not in schemes or not parts.netloc:
        wanted = " or ".join(f"{s}://" for s in schemes)
        return (
            f"must be a web address starting with {wanted} (got {text!r}); "
            "write the full address, e.g. https://example.org/page"
        )
    if any(ch.isspace() for ch in text):
        return (
            f"must not contain spaces (got {text!r}); copy the address again from the browser bar"
        )
    return None
