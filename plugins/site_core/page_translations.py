"""Pelican's pages and news posts in several languages: ``about.es.md`` translates ``about.md``.

The file name says a file's language (:func:`translations.language_of_file`); on
``content_object_init`` :func:`mark_language` gives each page or post its ``lang`` and a
``translation_key`` (its original's path), Pelican's ``PAGE_TRANSLATION_ID`` /
``ARTICLE_TRANSLATION_ID``, so Pelican's own ``process_translations`` pairs them and
writes a translation at ``PAGE_LANG_SAVE_AS`` (``es/<slug>/``). Once a generator has
read everything (:func:`settle_translations`, on its ``*_generator_finalized``):

- the files are paired (:func:`translations.pair_files`: a translation of nothing, a second
  one, a language the site is not in are problems) and refused files are not written;
- a translation keeps its original's slug, ``Template:`` and ``Save_as:``/``URL:`` (under
  its language folder: ``es/index.html``) unless it sets its own;
- every page and post is registered in :class:`i18n.Alternates` (the switcher, hreflang)
  and recorded per other language in :class:`translations.TranslationRecord` (the gap
  report);
- news listings and feeds exist per language: :func:`write_news_in_languages` writes
  ``es/news/`` (each post in Spanish where translated, else the original) and
  ``es/feeds/news.atom.xml`` (the Spanish posts), whose address pages find in
  ``NEWS_FEEDS`` only when it is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pelican.contents import Article, Page

from .i18n import Alternates, SiteLanguages, current_language, site_languages
from .metadata import read_markdown_file
from .problems import ProblemReport
from .translations import (
    TranslationRecord,
    TranslationUnit,
    language_of_file,
    pair_files,
    source_digest,
)
from .yamlfile import read_text

#: A translation's header fields (as read: lower-case, with their hyphen).
SOURCE_HASH_FIELD = "source-hash"
STATUS_FIELD = "translation-status"
#: The lists of a generator a page or post may be in (drafts included: they pair too).
_LISTS = {
    "pages": ("pages", "translations", "hidden_pages", "hidden_translations"),
    "articles": ("articles", "translations", "hidden_articles", "hidden_translations"),
}
_DRAFT_LISTS = ("drafts", "drafts_translations", "draft_pages", "draft_translations")


def _build(settings):
    from .plugin import build_of  # plugin imports this module

    return build_of(settings)


def mark_language(content) -> None:
    """Give a page or post its language and translation key from its file name
    (Pelican's ``content_object_init``)."""
    if not isinstance(content, Article | Page) or not content.source_path:
        return
    languages = site_languages(content.settings)
    path = Path(content.source_path)
    # Most files have no second suffix: no language to look up (Babel's parse is slow).
    source, lang = language_of_file(path, languages) if "." in path.stem else (path, None)
    content.translation_key = str(source)
    content.lang = lang or languages.default
    content.in_default_lang = content.lang == languages.default


@dataclass(frozen=True)
class _Kind:
    """What a generator reads, for messages and the gap report."""

    name: str  # "page" or "news post"
    lists: tuple[str, ...]


def _kind(generator) -> _Kind:
    if hasattr(generator, "articles"):
        return _Kind("news post", _LISTS["articles"])
    return _Kind("page", _LISTS["pages"])


def _items(generator, names: Iterable[str]) -> list:
    return [item for name in names for item in getattr(generator, name, [])]


def _drop(generator, refused: set[str]) -> None:
    """Leave refused files out of every list a generator writes from."""
    for name in (*_kind(generator).lists, *_DRAFT_LISTS):
        items = getattr(generator, name, None)
        if items:
            items[:] = [i for i in items if i.source_path not in refused]
            for item in items:
                item.translations = [t for t in item.translations if t.source_path not in refused]


def _inherit(translation, original, languages: SiteLanguages) -> None:
    """A translation keeps its original's slug, template and address unless it sets its own.

    Its own ``Save_as:``/``URL:`` are inside its language folder, as the original's are; its
    own ``Slug:`` makes its address, even when the original's is a ``Save_as:``.
    """
    fields = translation.metadata
    if "slug" not in fields:
        translation.slug = original.slug
    if "template" not in fields:
        translation.template = original.template
    prefix = languages.prefix(translation.lang)
    own_address = any(key in fields for key in ("slug", "save_as", "url"))
    for key in ("save_as", "url"):
        own = getattr(translation, f"override_{key}", None)
        if own is not None:
            setattr(translation, f"override_{key}", prefix + own)
        elif hasattr(original, f"override_{key}") and not own_address:
            setattr(translation, f"override_{key}", prefix + getattr(original, f"override_{key}"))


def _keep_hidden(generator, translation, original) -> None:
    """A translation of a hidden page (the 404 page) is hidden too, unless it says ``Status:``."""
    if original.status != "hidden" or translation.status != "published":
        return
    if "status" in translation.metadata:
        return
    translation.status = "hidden"
    for name in _kind(generator).lists[:2]:
        items = getattr(generator, name)
        if translation in items:
            items.remove(translation)
    generator.hidden_translations.append(translation)


def page_url(item) -> str:
    """A page's site-relative address as Alternates keys it: ``about/``, ``""`` for the home."""
    return item.url.removesuffix("index.html")


def digest_of(path: Path, report: ProblemReport) -> str | None:
    """The digest a translation of the Markdown file ``path`` records: its title and body."""
    read = read_markdown_file(path, report)
    if read is None:
        return None
    header, body, _ = read
    return source_digest(header.get("title", ""), body)


def settle_translations(generator) -> None:
    """Pair, complete, register and record a generator's pages or posts (``*_finalized``)."""
    settings = generator.settings
    build = _build(settings)
    languages: SiteLanguages = build.languages
    kind = _kind(generator)
    everything = _items(generator, (*kind.lists, *_DRAFT_LISTS))
    groups, refused = pair_files(
        (Path(i.source_path) for i in everything), languages, build.report, kind.name
    )
    refused_paths = {str(p) for p in refused}
    _drop(generator, refused_paths)
    by_path = {i.source_path: i for i in everything if i.source_path not in refused_paths}
    alternates = build.state(Alternates)
    record = build.state(TranslationRecord)
    published = {i.source_path for i in _items(generator, kind.lists)}
    for group in groups:
        original = by_path.get(str(group.source))
        if original is None:
            continue
        for path in group.translations.values():
            if str(path) in by_path:
                _inherit(by_path[str(path)], original, languages)
                _keep_hidden(generator, by_path[str(path)], original)
        if original.source_path not in published:  # a draft: neither listed nor recorded
            continue
        key = page_url(original)
        alternates.add(key, languages.default, key)
        for lang, path in group.translations.items():
            translation = by_path.get(str(path))
            if translation is not None and translation.source_path in published:
                alternates.add(key, lang, page_url(translation))
        _record(record, build.report, kind.name, original, group.translations, languages, by_path)


def _record(record, report, kind, original, translated, languages, by_path) -> None:
    """One gap-report unit per other language for ``original``; an unpublished translation
    (``Status: draft``) is a draft whatever its ``Translation-Status:``."""
    if not languages.others:  # a site in one language: no original's file to read again
        return
    relative = report.relative(original.source_path)
    current = digest_of(Path(original.source_path), report) or ""
    for lang in languages.others:
        path = translated.get(lang)
        translation = by_path.get(str(path)) if path else None
        fields = translation.metadata if translation is not None else {}
        status = (fields.get(STATUS_FIELD) or "").lower() or None
        if translation is not None and translation.status == "draft":
            status = "draft"
        record.add(
            TranslationUnit(
                kind=kind,
                title=str(original.title),
                source=relative,
                lang=lang,
                current_hash=current,
                translation=report.relative(path) if path else None,
                recorded_hash=(fields.get(SOURCE_HASH_FIELD) or "").strip().lower() or None,
                status=status,
            )
        )


# -- links to the site's own pages -----------------------------------------------------------


@dataclass(frozen=True)
class LinkTarget:
    """Where a link to one of the site's pages goes from a page in some language."""

    url: str  # site-relative
    lang: str  # the language of the page it goes to


def link_in_language(settings):
    """The Jinja global ``page_link(path)``: the page at ``path`` (a default-language address
    such as ``events/``) in the language being rendered where it is written in it, else the
    original (its link then says ``hreflang``). Menus use it, so no link goes to a language
    version a capability does not write."""
    build = _build(settings)
    languages: SiteLanguages = build.languages

    def page_link(path: str) -> LinkTarget:
        lang = current_language(languages.default)
        versions = build.state(Alternates).of(path)
        if lang in versions:
            return LinkTarget(versions[lang], lang)
        return LinkTarget(path, languages.default)

    return page_link


# -- the news in each language --------------------------------------------------------------


def in_language(items: Iterable, lang: str | None = None) -> list:
    """Each page or post in ``lang`` (default: the page being rendered) where it is
    translated, else as it is (the Jinja filter ``localized``)."""
    lang = lang or current_language()
    return [
        item
        if getattr(item, "lang", lang) == lang
        else next((t for t in item.translations if t.lang == lang), item)
        for item in items
    ]


def _feed_path(settings, lang: str) -> str | None:
    feed = settings.get("FEED_ATOM")
    return site_languages(settings).url(lang, feed) if feed else None


def plan_news(generator) -> None:
    """Register the news listings of every language and say which feeds will exist
    (``NEWS_FEEDS``: language → feed path), before anything is written."""
    settings = generator.settings
    languages = site_languages(settings)
    feeds = {}
    for lang in languages.all:
        written = lang == languages.default or any(t.lang == lang for t in generator.translations)
        path = _feed_path(settings, lang)
        if path and written:
            feeds[lang] = path
    generator.context["NEWS_FEEDS"] = feeds
    index_url = settings.get("INDEX_URL") or settings.get("INDEX_SAVE_AS", "").removesuffix(
        "index.html"
    )
    if not languages.multilingual or not settings.get("INDEX_SAVE_AS"):
        return
    alternates = _build(settings).state(Alternates)
    pages = max(1, -(-len(generator.articles) // settings["DEFAULT_PAGINATION"]))
    for number in range(1, pages + 1):
        url = index_url if number == 1 else f"{index_url}page/{number}/"
        alternates.add_everywhere(languages, url)


def write_news_in_languages(generator, writer) -> None:
    """Write each other language's news listing and feed (``article_writer_finalized``)."""
    settings = generator.settings
    languages = site_languages(settings)
    save_as = settings.get("INDEX_SAVE_AS")
    for lang in languages.others:
        if save_as:
            name = languages.url(lang, save_as)
            writer.write_file(
                name,
                generator.get_template("index"),
                generator.context,
                relative_urls=settings["RELATIVE_URLS"],
                articles=generator.articles,
                dates=generator.dates,
                blog=True,
                template_name="index",
                page_name=name.removesuffix(".html"),
                url=name.removesuffix("index.html"),
            )
        feed = generator.context["NEWS_FEEDS"].get(lang)
        if feed:
            items = [i for i in generator.translations if i.lang == lang]
            items.sort(key=lambda i: i.date, reverse=True)
            writer.write_feed(items, generator.context, feed, feed)


# -- invoke translations --stamp -----------------------------------------------------------


def stamp(translation: Path, languages: SiteLanguages) -> str:
    """Record in ``translation`` (``about.es.md``) the digest of its original as it is now:
    its ``Source-Hash:`` line, added under the header's fields if missing. Returns the digest.

    Raises ValueError, with what to do, when ``translation`` is not a translation of a file
    that exists, or either file cannot be read.
    """
    original, lang = language_of_file(translation, languages)
    if lang is None:
        raise ValueError(
            f"{translation} is not a translation: name it after the file it translates, with"
            " the language before the extension (about.es.md)"
        )
    report = ProblemReport()
    if not original.is_file():
        raise ValueError(f"{translation} translates {original.name}, which does not exist")
    digest = digest_of(original, report)
    read = read_markdown_file(translation, report) if digest else None
    text = read_text(translation, report) if read else None  # never through a link
    if read is None or digest is None or text is None:
        raise ValueError(report.render() or f"{translation}: cannot be read")
    header = read[0]
    lines = text.removeprefix("\ufeff").splitlines()
    field = f"Source-Hash: {digest}"
    if SOURCE_HASH_FIELD in header.key_lines:
        lines[header.key_lines[SOURCE_HASH_FIELD] - 1] = field
    else:
        last = max(header.key_lines.values(), default=0)
        lines.insert(last, field)
        if not header.key_lines:
            lines.insert(1, "")  # a file with no fields: a blank line before the text
    translation.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return digest
