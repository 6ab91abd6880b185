"""Safe content: one HTML sanitiser and one URL check that every plugin uses.

Editors and candidates write Markdown; whatever HTML they put in it goes
through one allow-list (nh3, the Rust ammonia sanitiser) before it reaches a
page, so no script or event-handler attribute is ever published. Links that
readers click (RSVP, online meeting, candidate website) must be http(s).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import markdown
from markupsafe import Markup
import nh3

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "del",
    "em",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "li",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"align"}, "th": {"align"}}
LINK_SCHEMES = {"http", "https", "mailto", "tel"}

_markdown = markdown.Markdown(extensions=["extra", "sane_lists"], output_format="html")


def sanitize_html(html: str) -> str:
    """Keep only the allow-listed tags, attributes and link schemes."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=LINK_SCHEMES,
        link_rel="noopener noreferrer",
    )


def render_markdown(text: str) -> Markup:
    """Render an editor's or candidate's Markdown to sanitised HTML, safe to put in a page.

    The result is a ``Markup``: templates (which escape everything else) print it as is.
    """
    return Markup(sanitize_html(_markdown.reset().convert(text or "")))


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
