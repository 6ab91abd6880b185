"""The site's languages: which ones, where each lives, and the interface in each.

The default language (``language`` in chapter.yml) is at ``/``; every other one
(a key of chapter.yml's ``translations``) at ``/<lang>/``. A page's language is
read from where it is written (:meth:`SiteLanguages.of_path`), so the Writer sets
it for every render (``writer.SiteWriter``) and no generator passes it around.

Interface strings are English message ids translated by Babel catalogs
(``theme/translations/<lang>/<domain>.po``, compiled when the build starts):
templates call ``_()`` / ``{% trans %}`` (Jinja's i18n extension), Python code
:func:`gettext`; both read the language of the page being rendered
(:func:`use_language`). Module-level strings are marked with :func:`N_` and
translated where they are shown.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from io import BytesIO
from pathlib import Path

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from markupsafe import Markup, escape

#: The language of the page being rendered and its catalog (None: outside a render).
_current: ContextVar[tuple[str, NullTranslations] | None] = ContextVar(
    "site_language", default=None
)
#: The language message ids are written in.
SOURCE_LANGUAGE = "en"


@dataclass(frozen=True)
class SiteLanguages:
    """The site's languages: ``default`` at the root, each of ``others`` under ``/<lang>/``."""

    default: str = "en"
    others: tuple[str, ...] = ()

    @property
    def all(self) -> tuple[str, ...]:
        """Every language, the default first."""
        return (self.default, *self.others)

    @property
    def multilingual(self) -> bool:
        """Whether the site has more than one language (a switcher, hreflang, ``/es/``)."""
        return bool(self.others)

    def prefix(self, lang: str) -> str:
        """The folder a language's pages are in: ``""`` for the default, ``"es/"``."""
        return "" if lang == self.default else f"{lang}/"

    def url(self, lang: str, path: str) -> str:
        """A site-relative address in ``lang``: ``events/`` → ``es/events/``."""
        return self.prefix(lang) + path

    def of_path(self, path: str) -> str:
        """The language of a page written at ``path`` (relative to the output folder)."""
        first = path.split("/", 1)[0]
        return first if "/" in path and first in self.others else self.default

    def strip(self, path: str) -> str:
        """``path`` without its language folder: ``es/events/`` → ``events/``."""
        lang = self.of_path(path)
        return path.removeprefix(self.prefix(lang))


def site_languages(settings: Mapping) -> SiteLanguages:
    """The build's languages (``SITE_LANGUAGES``, set from chapter.yml on ``initialized``)."""
    return settings.get("SITE_LANGUAGES") or SiteLanguages(settings.get("DEFAULT_LANG", "en"))


@cache
def language_name(lang: str) -> str:
    """A language's name in itself, as a switcher shows it: English, español."""
    return Locale.parse(lang, sep="-").get_display_name(Locale.parse(lang, sep="-")) or lang


# -- the interface in each language -----------------------------------------------------


def N_(message: str) -> str:
    """Mark a string for the catalogs without translating it here (it is shown elsewhere)."""
    return message


@contextmanager
def use_language(lang: str, translations: NullTranslations) -> Iterator[None]:
    """Render (templates, labels) in ``lang`` with its catalog inside the block."""
    token = _current.set((lang, translations))
    try:
        yield
    finally:
        _current.reset(token)


def current_language(default: str = SOURCE_LANGUAGE) -> str:
    """The language of the page being rendered, or ``default`` outside a render."""
    current = _current.get()
    return current[0] if current else default


def _translations() -> NullTranslations:
    current = _current.get()
    return current[1] if current else _NO_TRANSLATION


_NO_TRANSLATION = NullTranslations()


@cache
def _compiled(folder: str, lang: str, stamp: tuple) -> NullTranslations:
    """Every ``<domain>.po`` of ``folder/<lang>/`` as one compiled catalog."""
    merged: NullTranslations = NullTranslations()
    for po in sorted(Path(folder, lang).glob("*.po")):
        with po.open("rb") as handle:
            messages = read_po(handle, locale=lang.replace("-", "_"))
        compiled = BytesIO()
        write_mo(compiled, messages)  # fuzzy entries are left out, as msgfmt does
        compiled.seek(0)
        translations = Translations(compiled)
        if isinstance(merged, Translations):
            merged.merge(translations)
        else:
            merged = translations
    return merged


def catalog(folder: Path, lang: str) -> NullTranslations:
    """The compiled interface catalog of ``lang`` in ``folder`` (the theme's ``translations``).

    Compiled once per content of its files (names, times, sizes), in any build of the process.
    """
    if lang == SOURCE_LANGUAGE:
        return _NO_TRANSLATION
    files = sorted(Path(folder, lang).glob("*.po"))
    stamp = tuple((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in files)
    return _compiled(str(folder), lang, stamp)


def gettext(message: str) -> str:
    """``message`` in the language being rendered."""
    return _translations().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``, in the language being rendered."""
    return _translations().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` as meant in ``context`` (a word with two senses), in the current language."""
    return _translations().pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    """:func:`ngettext` with a context."""
    return _translations().npgettext(context, singular, plural, n)


def lang_attr(text_lang: str | None) -> Markup:
    """`` lang="en"`` when a piece of text is not in the page's language (else nothing)."""
    if not text_lang or text_lang == current_language():
        return Markup("")
    return Markup(' lang="{}"').format(text_lang)


def in_language(text: str, text_lang: str | None) -> Markup:
    """``text`` as a fragment of the page: in ``<span lang="en">`` when its language is not the
    page's (an untranslated title on a Spanish page), else as it is; escaped unless Markup."""
    mark = lang_attr(text_lang)
    return Markup("<span{}>{}</span>").format(mark, text) if mark else escape(text)


def install(generator) -> None:
    """Give a generator's Jinja environment ``_()``, ``{% trans %}`` and ``lang_attr()``."""
    env = generator.env
    env.add_extension("jinja2.ext.i18n")
    env.policies["ext.i18n.trimmed"] = True  # as catalogs.py extracts: whitespace folded
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext, ngettext, newstyle=True, pgettext=pgettext, npgettext=npgettext
    )
    env.globals["lang_attr"] = lang_attr
    env.globals["in_language"] = in_language


# -- pages in several languages -----------------------------------------------------------


@dataclass
class Alternates:
    """Which pages are the same page in other languages (per build: ``Build.state``).

    Generators say, before anything is written, what they will write in which language
    (:meth:`add`, :meth:`add_everywhere`); the Writer gives each page its alternates
    (the switcher, ``hreflang``), the sitemap its ``xhtml:link``s.
    """

    groups: dict[str, dict[str, str]] = field(default_factory=dict)
    group_of: dict[str, str] = field(default_factory=dict)

    def add(self, key: str, lang: str, url: str) -> None:
        """``url`` (site-relative, as ``es/events/``) is page ``key`` in ``lang``."""
        self.groups.setdefault(key, {})[lang] = url
        self.group_of[url] = key

    def add_everywhere(self, languages: SiteLanguages, url: str) -> None:
        """A page written in every language at the same address under each language folder."""
        for lang in languages.all:
            self.add(url, lang, languages.url(lang, url))

    def of(self, url: str) -> dict[str, str]:
        """The page ``url`` in each language it exists in (itself included); {} if unknown."""
        key = self.group_of.get(url)
        return dict(self.groups[key]) if key is not None else {}


@dataclass(frozen=True)
class LanguageLink:
    """One entry of the language switcher and of the page's ``hreflang`` links."""

    lang: str
    name: str  # in that language: "español"
    url: str  # site-relative: the same page, or that language's home page
    exists: bool  # False: the page is not translated, the link goes to the home page
    current: bool
    note: str = ""  # in that language, when the page is not translated in it


def language_links(
    languages: SiteLanguages,
    alternates: Mapping[str, str],
    lang: str,
    catalogs: Mapping[str, NullTranslations],
) -> list[LanguageLink]:
    """The switcher of a page in ``lang`` whose versions are ``alternates``; a missing
    version's note in its own language (``catalogs``)."""
    return [
        LanguageLink(
            lang=other,
            name=language_name(other),
            url=alternates.get(other, languages.prefix(other)),
            exists=other in alternates,
            current=other == lang,
            note=""
            if other in alternates
            else catalogs[other].gettext("this page is not translated yet: home page"),
        )
        for other in languages.all
    ]
