"""Editor HTML: the one policy for every piece of HTML made from content.

Every Markdown conversion of the site (Pelican's pages and news, guide chapters,
charters, questionnaires, event descriptions) ends here: :func:`clean_html` runs
the one sanitiser (``safety.sanitize_html``) and, on the HTML before it, finds
what the sanitiser removes that an editor meant (:func:`find_problems`): a
script, an event handler, a ``javascript:``/``data:``/``vbscript:`` address, an
iframe, object, form, style or head tag, an image from another host. Each is an
error with a fix (a video or a form: the ``!!! embed`` syntax with its address
filled in); a harmless tag that disappears (``<font>``) is a warning.
:func:`report_problems` finds the line of each in the source text.

The sanitiser is the guarantee; the problems are the explanation. Pelican's own
content is cleaned on ``content_object_init`` (:func:`clean_content`), so pages
read from Pelican's content cache are checked again on every build.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import markdown
from markupsafe import Markup

from .callouts import callout_problems
from .embeds import LINK_CLASS, EmbedExtension, embed_syntax, page_address
from .problems import ProblemReport, Severity
from .safety import (
    ALLOWED_TAGS,
    LINK_SCHEMES,
    is_site_path,
    normalized_url,
    sanitize_html,
    url_problem,
    url_scheme,
)
from .yamlfile import read_text

GUIDE = "docs/editing/html.md"
CALLOUT_CLASS = 'class="admonition'  # what Python-Markdown makes of a callout
EMBED_HINT = f'write !!! embed "https://..." with the address of the page that shows it ({GUIDE})'
#: Tags that load or run something, or change the page around them: always an error.
REFUSED_TAGS = {
    "script": "pages run no script from their text; for a video or a sign-up form, " + EMBED_HINT,
    "style": "the site's stylesheet decides how pages look; use Markdown for emphasis, "
    "headings and lists",
    "iframe": EMBED_HINT,
    "frame": EMBED_HINT,
    "frameset": EMBED_HINT,
    "object": EMBED_HINT,
    "embed": EMBED_HINT,
    "applet": EMBED_HINT,
    "form": "link to the sign-up page instead, or " + EMBED_HINT,
    "link": "remove it: the theme makes each page's head",
    "meta": "remove it: the theme makes each page's head",
    "base": "remove it: the theme makes each page's head",
}
#: Refused tags whose content is parsed as tags (what is inside is covered by their error).
REFUSED_CONTAINERS = {"iframe", "object", "form", "frameset", "applet"}
FORBIDDEN_SCHEMES = {"javascript", "vbscript", "data"}
#: Attributes that hold an address (``*href`` and ``*src`` are matched by their ending too).
URL_ATTRIBUTES = {"action", "formaction", "poster", "data", "background", "cite", "srcset"}
SUBRESOURCE_ATTRIBUTES = {"src", "srcset", "poster", "data", "background"}
#: Fixes for tags that are dropped without harm but were probably meant (else: use Markdown).
DROPPED_HINTS = {
    "svg": "save the drawing as a file in content/images/ and show it like an image "
    f"({GUIDE}#images)",
    "video": EMBED_HINT,
    "audio": EMBED_HINT,
    "input": "link to the sign-up page instead, or " + EMBED_HINT,
    "button": "link to the sign-up page instead, or " + EMBED_HINT,
}
IMAGE_HINT = (
    "download the image into content/images/ and show it from there: "
    f"![what it shows]({{static}}/images/name.png) ({GUIDE}#images), or link to it instead"
)


@dataclass(frozen=True, slots=True)
class HtmlProblem:
    """One thing the sanitiser removes, said for an editor; ``needles`` find its line."""

    message: str
    hint: str
    severity: Severity
    needles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CleanHtml:
    """Sanitised HTML, safe to put in a page, and what was wrong with it before."""

    html: Markup
    problems: tuple[HtmlProblem, ...]


def _url_needles(value: str) -> tuple[str, ...]:
    lines = [line.strip() for line in value.splitlines() if line.strip()]
    return (lines[0],) if lines else ()


def _host(value: str) -> str:
    try:
        return urlsplit(normalized_url(value)).hostname or "another host"
    except ValueError:
        return "another host"


class _Inspector(HTMLParser):
    """Walk the HTML once and collect an :class:`HtmlProblem` for each refused construct."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[HtmlProblem] = []
        self.dropped: set[str] = set()
        self.refused_open: list[str] = []  # inside <form>...</form>: its inputs are no news

    def _error(self, message, hint, needles) -> None:
        self.problems.append(HtmlProblem(message, hint, "error", tuple(needles)))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def parse_marked_section(self, i, report=1):
        """Read a ``<![`` that opens no marked section past its three characters, as browsers
        do (Python 3.11's parser raises AssertionError on it: ``<![<b>x</b>``)."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            return i + 3

    def handle_starttag(self, tag, attrs):
        tag_needle = f"<{tag}"
        named = dict(attrs)
        if tag in REFUSED_TAGS:
            src = named.get("src") or named.get("data")
            hint = REFUSED_TAGS[tag]
            if src and tag in {"iframe", "frame", "embed", "object"}:
                hint = f"write {embed_syntax(page_address(normalized_url(src)))} instead ({GUIDE})"
            self._error(f"<{tag}> is not allowed in the text", hint, (tag_needle,))
            if tag in REFUSED_CONTAINERS:
                self.refused_open.append(tag)
        elif tag not in ALLOWED_TAGS and tag not in self.dropped and not self.refused_open:
            self.dropped.add(tag)
            self.problems.append(
                HtmlProblem(
                    f"<{tag}> is not kept (what is inside it stays, without the tag)",
                    DROPPED_HINTS.get(
                        tag, f"use Markdown instead: **bold**, *italic*, ## a heading ({GUIDE})"
                    ),
                    "warning",
                    (tag_needle,),
                )
            )
        embed = tag == "a" and LINK_CLASS in (named.get("class") or "").split()
        for name, value in attrs:
            self._check_attribute(tag, name, value or "", tag_needle, embed)

    def handle_endtag(self, tag):
        if self.refused_open and self.refused_open[-1] == tag:
            self.refused_open.pop()

    def _check_attribute(self, tag, name, value, tag_needle, embed) -> None:
        """Report an event handler, a forbidden address, or an address that fails its rule."""
        if name.startswith("on"):
            self._error(
                f"the {name} attribute runs a script and is not allowed",
                f"remove {name}=... from the <{tag}> tag",
                (f"{name}=", tag_needle, name),
            )
            return
        if not (name in URL_ATTRIBUTES or name.endswith(("href", "src"))):
            return
        needles = (*_url_needles(value), tag_needle)
        scheme = url_scheme(value)
        if scheme in FORBIDDEN_SCHEMES:
            fix = IMAGE_HINT if name in SUBRESOURCE_ATTRIBUTES else "link to a web page instead"
            shown = value.strip()[:60]
            self._error(
                f"a {scheme}: address is not allowed (<{tag} {name}={shown!r}>)", fix, needles
            )
        elif tag in REFUSED_TAGS:
            return  # already an error, with its own fix
        elif name in SUBRESOURCE_ATTRIBUTES and not is_site_path(value):
            self._error(
                f"the <{tag}> would load {value.strip()!r} from {_host(value)} on every "
                "reader's phone",
                IMAGE_HINT,
                needles,
            )
        elif embed and name == "href" and (problem := url_problem(value)):
            message, hint = problem.split("; ", 1)
            self._error(f"!!! embed: {message}", hint, (*needles[:-1], "!!! embed"))
        elif name == "href" and scheme and scheme not in LINK_SCHEMES:
            self.problems.append(
                HtmlProblem(
                    f"the link to {value.strip()!r} is not kept (its text stays)",
                    "links may go to http://, https://, mailto: or tel: addresses",
                    "warning",
                    needles,
                )
            )


def find_problems(html: str) -> tuple[HtmlProblem, ...]:
    """What :func:`~site_core.safety.sanitize_html` removes from ``html`` that matters."""
    if "<" not in html:
        return ()
    inspector = _Inspector()
    inspector.feed(html)
    inspector.close()
    return tuple(inspector.problems)


def clean_html(html: str) -> CleanHtml:
    """Sanitise HTML made from content, and say what was wrong with it."""
    return CleanHtml(Markup(sanitize_html(html)), find_problems(html))


#: Markdown of data files (event descriptions, questionnaires): no heading anchors.
_markdown = markdown.Markdown(
    extensions=["extra", "sane_lists", EmbedExtension()], output_format="html"
)


def render_markdown(text: str) -> CleanHtml:
    """Markdown from a data file (an event description, an answer) as :class:`CleanHtml`.

    Templates print its ``html`` (a ``Markup``) as it is.
    """
    return clean_html(_markdown.reset().convert(text or ""))


class _Locator:
    """Find the line of each problem in the source: the n-th problem with a needle at the
    n-th place that needle appears (or, failing that, where the text starts)."""

    def __init__(self, source: str, first_line: int):
        self.lines = [line.lower() for line in source.splitlines()]
        self.first_line = first_line
        self.after: dict[str, int] = {}

    def line(self, needles: tuple[str, ...]) -> int:
        for needle in needles:
            wanted = needle.lower()
            start = self.after.get(wanted, 0)
            for index in range(start, len(self.lines)):
                if wanted in self.lines[index] or wanted in unescape(self.lines[index]):
                    self.after[wanted] = index + 1
                    return self.first_line + index
        return self.first_line


def report_problems(
    report: ProblemReport,
    path: str | Path,
    problems: tuple[HtmlProblem, ...],
    source: str,
    first_line: int,
    field: str | None = None,
) -> None:
    """Add ``problems`` to the report at their lines in ``source`` (which starts at
    ``first_line`` of the file)."""
    locator = _Locator(source, first_line)
    for problem in problems:
        line = locator.line(problem.needles)
        report.add(path, line, field, problem.message, problem.hint, problem.severity)


def report_callouts(report: ProblemReport, path: str | Path, source: str, first_line: int) -> None:
    """Add the callout mistakes of ``source`` (which starts at ``first_line`` of the file)."""
    for problem in callout_problems(source):
        report.error(path, first_line + problem.offset, None, problem.message, problem.hint)


def convert(
    converter: markdown.Markdown, text: str, report: ProblemReport, path: Path, first_line: int
) -> Markup:
    """Convert an editor's Markdown with ``converter``; report its problems; return it clean."""
    cleaned = clean_html(converter.reset().convert(text))
    report_problems(report, path, cleaned.problems, text, first_line)
    report_callouts(report, path, text, first_line)
    return cleaned.html


def clean_content(instance) -> None:
    """``content_object_init``: clean the HTML of a Pelican page or article, and report."""
    report = instance.settings.get("SITE_PROBLEMS")
    if not isinstance(getattr(instance, "_content", None), str) or report is None:
        return
    cleaned = clean_html(instance._content)
    instance._content = str(cleaned.html)
    problems = cleaned.problems
    if "summary" in instance.metadata:
        summary = clean_html(instance.metadata["summary"])
        instance.metadata["summary"] = instance._summary = str(summary.html)
        problems += summary.problems
    if problems or "!!!" in instance._content or CALLOUT_CLASS in instance._content:
        # Through the one reader of content (never a link); a file it refuses has been reported.
        source = read_text(Path(instance.source_path), report) or ""
        report_problems(report, instance.source_path, problems, source, 1)
        report_callouts(report, instance.source_path, source, 1)
