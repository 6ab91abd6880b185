"""search: full-text search built at build time with Pagefind, a search page, and a site map.

- ``/search/`` uses Pagefind's own UI, served from the site (``/pagefind/``),
  and offers the guide's contents and the site map to readers without JavaScript.
- ``/site-map/`` lists every page of the site with its title: the plain,
  script-free way to find anything. Pages are collected as the Writer writes
  them (``content_written``), so this plugin comes last in ``PLUGINS``.
- Once every page is written, Pagefind indexes the temporary output folder
  (site_core's ``output_ready``). Only ``<main data-pagefind-body>`` is
  indexed, so navigation and footer are not; pages that set ``noindex`` or
  ``search_exclude`` (the 404 page, the guide's print page) are left out.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
import re
import subprocess

from pelican import signals
from pelican.generators import Generator

from site_core.addresses import top_level
from site_core.plugin import build_of, output_ready

#: Defaults; override any of them in pelicanconf.py.
SEARCH_DEFAULTS = {
    "SEARCH_INDEX": True,  # False: no Pagefind run (the search page then finds nothing)
    "SEARCH_URL": "search/",
    "SITE_MAP_URL": "site-map/",
}
SITE_MAP_EXCLUDE = ("404.html",)
#: Not words of the page: the "#" after each heading (its shareable link).
PAGEFIND_EXCLUDE = ".headerlink"
#: Enough of a page to hold its <title> (the whole page is read when it is not there).
HEAD_BYTES = 4096
_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)


class WrittenPages(dict[str, str]):
    """The pages written so far in this build: {url relative to the site: title}."""


def _setting(settings: dict, name: str):
    return settings.get(name, SEARCH_DEFAULTS[name])


def page_written(path: str, context: dict) -> None:
    """Remember the address and title of one written HTML page, for the site map."""
    relative = context.get("output_file") or ""
    name = relative.rsplit("/", 1)[-1]  # the 404 page of every language
    if not relative.endswith(".html") or name in SITE_MAP_EXCLUDE or context.get("noindex"):
        return
    with open(path, "rb") as page:  # the <title> is in the head: read no more than needed
        head = page.read(HEAD_BYTES)
        if b"</title>" not in head:
            head += page.read()
    match = _TITLE.search(head.decode("utf-8", "replace"))
    title = html.unescape(match.group(1)).strip() if match else relative
    suffix = f" · {context.get('SITENAME', '')}"
    if title.endswith(suffix):
        title = title.removesuffix(suffix)
    build_of(context).state(WrittenPages)[relative.removesuffix("index.html")] = title


class SearchGenerator(Generator):
    """Write the search page and the site map."""

    def generate_context(self):
        """Publish the addresses of the search page and the site map."""
        self.context["SEARCH_URL"] = _setting(self.settings, "SEARCH_URL")
        self.context["SITE_MAP_URL"] = _setting(self.settings, "SITE_MAP_URL")

    def top_level_paths(self) -> dict[str, str]:
        """The folders of the site search writes (site_core's address check)."""
        return {
            top_level(_setting(self.settings, "SEARCH_URL")): "the search page",
            top_level(_setting(self.settings, "SITE_MAP_URL")): "the site map",
            "pagefind": "the search index",
        }

    def generate_output(self, writer):
        """Write /search/ and /site-map/ (after every other plugin's pages)."""
        search = _setting(self.settings, "SEARCH_URL")
        site_map = _setting(self.settings, "SITE_MAP_URL")
        writer.write_file(f"{search}index.html", self.get_template("search/search"), self.context)
        written = build_of(self.settings).state(WrittenPages)
        pages = sorted({**written, search: "Search", site_map: "Site map"}.items())
        writer.write_file(
            f"{site_map}index.html",
            self.get_template("search/site_map"),
            self.context,
            site_pages=pages,
        )


def index_site(folder: Path, settings: dict) -> None:
    """Run Pagefind over the finished output folder; its bundle goes to ``pagefind/``."""
    if not _setting(settings, "SEARCH_INDEX"):
        return
    from pagefind_bin import get_executable

    result = subprocess.run(
        [
            str(get_executable()),
            *("--site", str(folder), "--silent"),
            *("--exclude-selectors", PAGEFIND_EXCLUDE),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(
            f"search: Pagefind could not index the site ({result.stderr.strip()}); "
            "check that `pip install -r requirements.txt` installed pagefind[bin]"
        )
    sort_languages(folder / "pagefind" / "pagefind-entry.json")


def sort_languages(entry: Path) -> None:
    """Write Pagefind's list of indexes in language order: Pagefind writes it in the random
    order of a hash map, so a site in several languages was not byte-identical build to build."""
    if not entry.is_file():
        return
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data.get("languages", {}).items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def get_generators(pelican):
    """Add the search generator to Pelican's."""
    return SearchGenerator


def register():
    """Connect search to Pelican and to site_core's post-build signal."""
    signals.get_generators.connect(get_generators)
    signals.content_written.connect(page_written)
    output_ready.connect(index_site)
