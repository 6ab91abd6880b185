"""search: full-text search built at build time with Pagefind, a search page, and a site map.

- ``/search/`` uses Pagefind's own UI, served from the site (``/pagefind/``),
  and offers the guide's contents and the site map to readers without JavaScript.
- ``/site-map/`` lists every page of the site with its title: the plain,
  script-free way to find anything. Pages are collected as the Writer writes
  them (``content_written``), so this plugin comes last in ``PLUGINS``.
- On a site in several languages both are written in each (``/es/search/``,
  ``/es/site-map/``). Pagefind keeps one index per ``<html lang>``, and its UI
  searches the index of the page it is on, so ``/es/search/`` finds Spanish
  pages only. Each language's site map lists every page of the site: in that
  language where it exists, else in the language it is written in, marked so.
- Once every page is written, Pagefind indexes the temporary output folder
  (site_core's ``output_ready``). Only ``<main data-pagefind-body>`` is
  indexed, so navigation and footer are not; pages that set ``noindex`` or
  ``search_exclude`` (the 404 page, the guide's print page) are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
import html
import json
from pathlib import Path
import re
import subprocess

from babel import Locale
from pelican import signals
from pelican.generators import Generator

from site_core.addresses import top_level
from site_core.i18n import Alternates, SiteLanguages, gettext as _, site_languages, use_language
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
#: A heading whose text is marked as in another language than its page's: the page's
#: title shown untranslated (``<h1><span lang="en">Town hall</span></h1>``, or ``<h1 lang>``).
_HEADING_LANG = re.compile(
    r'<h1\b[^>]*?\blang="([\w-]+)"[^>]*>(.*?)</h1>'
    r'|<h1\b[^>]*>\s*<(\w+)\b[^>]*?\blang="([\w-]+)"[^>]*>(.*?)</\3>',
    re.DOTALL,
)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class PageTitle:
    """A written page's title and the language it is in (not always the page's)."""

    text: str
    lang: str


class WrittenPages(dict[str, PageTitle]):
    """The pages written so far in this build: {url relative to the site: title}."""


@dataclass(frozen=True)
class PageVersion:
    """A page in one language: its site-relative address ("es/about/") and that language."""

    url: str
    lang: str


@dataclass(frozen=True)
class SiteMapEntry(PageVersion):
    """One line of a site map: a page, in the site map's language or, if it has no version
    in it, in the language it exists in (marked on the page)."""

    title: str
    title_lang: str  # the title's language, marked when it is not the site map's


def version_in(
    alternates: Alternates, languages: SiteLanguages, url: str, lang: str
) -> PageVersion:
    """The page at ``url`` in ``lang`` if it is translated, else ``url`` itself."""
    versions = alternates.of(url)
    if lang in versions:
        return PageVersion(versions[lang], lang)
    return PageVersion(url, languages.of_path(url))


def language_names(languages: SiteLanguages, lang: str) -> dict[str, str]:
    """The name of each of the site's languages in ``lang`` ("inglés"), for marked entries."""
    names = Locale.parse(lang, sep="-").languages
    return {code: names.get(code.replace("-", "_"), code) for code in languages.all}


def _setting(settings: dict, name: str):
    return settings.get(name, SEARCH_DEFAULTS[name])


def page_written(path: str, context: dict) -> None:
    """Remember the address and title of one written HTML page, for the site map."""
    relative = context.get("output_file") or ""
    name = relative.rsplit("/", 1)[-1]  # the 404 page of every language
    if not relative.endswith(".html") or name in SITE_MAP_EXCLUDE or context.get("noindex"):
        return
    languages = site_languages(context)
    page_lang = languages.of_path(relative)
    # The <title> is in the head: read no more than needed. A page in another language than
    # the default may show an untranslated title: its heading says so (read up to it).
    untranslated_title_possible = page_lang != languages.default
    with open(path, "rb") as page:
        head = page.read(HEAD_BYTES)
        if b"</title>" not in head or untranslated_title_possible:
            head += page.read()
    text = head.decode("utf-8", "replace")
    match = _TITLE.search(text)
    title = html.unescape(match.group(1)).strip() if match else relative
    suffix = f" · {context.get('SITENAME', '')}"
    if title.endswith(suffix):
        title = title.removesuffix(suffix)
    title_lang = page_lang
    heading = _HEADING_LANG.search(text) if untranslated_title_possible else None
    if heading:
        lang, words = (
            (heading.group(1), heading.group(2)) if heading.group(1) else heading.group(4, 5)
        )
        if html.unescape(_TAG.sub("", words)).strip() == title:
            title_lang = lang
    build_of(context).state(WrittenPages)[relative.removesuffix("index.html")] = PageTitle(
        title, title_lang
    )


def site_map_entries(
    written: dict[str, PageTitle], alternates: Alternates, languages: SiteLanguages, lang: str
) -> list[SiteMapEntry]:
    """The site map of ``lang``: each page once, in ``lang`` if it is written in it, else in
    the default language (or the first language it exists in), ordered by address."""
    groups: dict[str, dict[str, str]] = {}
    for url in written:
        versions = alternates.of(url) or {languages.of_path(url): url}
        written_versions = {
            code: address for code, address in versions.items() if address in written
        }
        groups.setdefault(alternates.group_of.get(url, url), {}).update(written_versions)
    entries = []
    for versions in groups.values():
        # each of the site's languages, the page's own first (a page's "es/" may be unknown)
        shown = next((code for code in (lang, *languages.all) if code in versions), None)
        shown = shown or next(iter(versions))
        title = written[versions[shown]]
        entries.append(SiteMapEntry(versions[shown], shown, title.text, title.lang))
    return sorted(entries, key=lambda entry: (languages.strip(entry.url), entry.url))


class SearchGenerator(Generator):
    """Write the search page and the site map, in each of the site's languages."""

    def generate_context(self):
        """Publish the addresses of the search page and the site map; say that both exist
        in every language (the switcher, hreflang and the sitemap read it)."""
        self.context["SEARCH_URL"] = _setting(self.settings, "SEARCH_URL")
        self.context["SITE_MAP_URL"] = _setting(self.settings, "SITE_MAP_URL")
        languages = site_languages(self.settings)
        if languages.multilingual:
            alternates = build_of(self.settings).state(Alternates)
            for url in (self.context["SEARCH_URL"], self.context["SITE_MAP_URL"]):
                alternates.add_everywhere(languages, url)

    def top_level_paths(self) -> dict[str, str]:
        """The folders of the site search writes (site_core's address check)."""
        return {
            top_level(_setting(self.settings, "SEARCH_URL")): "the search page",
            top_level(_setting(self.settings, "SITE_MAP_URL")): "the site map",
            "pagefind": "the search index",
        }

    def generate_output(self, writer):
        """Write /search/ and /site-map/ in each language (after every other plugin's pages)."""
        search = _setting(self.settings, "SEARCH_URL")
        site_map = _setting(self.settings, "SITE_MAP_URL")
        build = build_of(self.settings)
        languages = site_languages(self.settings)
        alternates = build.state(Alternates)
        guide = self.context.get("guide")
        guide_url = guide.url if guide else "guide/"
        written = build.state(WrittenPages)
        for lang in languages.all:
            writer.write_file(
                languages.url(lang, f"{search}index.html"),
                self.get_template("search/search"),
                self.context,
                guide_link=version_in(alternates, languages, guide_url, lang),
            )
            # every site map lists every language's site map: record them all before writing one
            view = build.language_view(languages.url(lang, site_map))
            with use_language(view.lang, view.translations):
                written[languages.url(lang, site_map)] = PageTitle(_("Site map"), lang)
        for lang in languages.all:
            writer.write_file(
                languages.url(lang, f"{site_map}index.html"),
                self.get_template("search/site_map"),
                self.context,
                site_pages=site_map_entries(written, alternates, languages, lang),
                language_names=language_names(languages, lang),
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
    _sort_languages(folder / "pagefind" / "pagefind-entry.json")


def _sort_languages(entry: Path) -> None:
    """List the index's languages in a fixed order: Pagefind writes them in any order, and
    builds of the same content must be byte-identical."""
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
