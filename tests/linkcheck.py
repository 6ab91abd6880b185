"""Find broken internal links and anchors, and resources loaded from other hosts, in a built site.

A small standard-library checker over the parsed output: every ``href`` and
``src`` that points into the site must name an existing file, and every
``#fragment`` an element with that ``id`` on the target page.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

#: Attributes whose URL the browser loads by itself (not links the reader follows).
RESOURCE_ATTRIBUTES = {
    ("img", "src"),
    ("script", "src"),
    ("link", "href"),
    ("source", "src"),
    ("iframe", "src"),
    ("video", "src"),
    ("audio", "src"),
}
LINK_RELS_NOT_LOADED = {"canonical", "alternate"}


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, url)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(name):
                self.ids.add(attrs[name])
        for attribute in ("href", "src"):
            if attrs.get(attribute) is not None:
                if tag == "link" and set((attrs.get("rel") or "").split()) & LINK_RELS_NOT_LOADED:
                    self.links.append(("a", attribute, attrs[attribute]))
                else:
                    self.links.append((tag, attribute, attrs[attribute]))


def _parse(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _target_file(output: Path, url_path: str) -> Path:
    target = output / unquote(url_path).lstrip("/")
    return target / "index.html" if url_path.endswith("/") or target.is_dir() else target


def check_site(output: Path, site_host: str | None = None) -> list[str]:
    """Return one line per broken internal link, missing anchor or third-party resource."""
    pages = {p: _parse(p) for p in output.rglob("*.html")}
    problems = []
    for page, parsed in sorted(pages.items()):
        relative = page.relative_to(output).as_posix()
        base = "/" + relative
        for tag, attribute, url in parsed.links:
            parts = urlsplit(urljoin(base, url))
            external = parts.scheme not in {"", "http", "https"} or (
                parts.netloc and parts.netloc != site_host
            )
            if external:
                if (tag, attribute) in RESOURCE_ATTRIBUTES and parts.scheme in {"http", "https"}:
                    problems.append(f"/{relative}: loads {url} from another host")
                continue
            target = _target_file(output, parts.path or base)
            if not target.exists():
                problems.append(f"/{relative}: {tag} {attribute}={url!r}: no such file")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"/{relative}: {url!r}: no element with id {parts.fragment!r}")
    return problems
