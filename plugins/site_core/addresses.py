"""Who writes which address: no two files get one, and no page takes a plugin's folder.

:class:`AddressBook` is the one "this address is taken" rule; :func:`check_addresses`
runs it over Pelican's pages and news once everything is read, against the top-level
names the site writes itself (:func:`reserved_roots`); :func:`path_problem` is the rule
for a path an editor writes (``Save_as:``, ``URL:``).
"""

from __future__ import annotations

from pathlib import Path

from pelican.contents import Article

from .i18n import site_languages
from .problems import ProblemReport
from .slugs import address_field

#: What site_core writes at the top of the site, besides the theme's folder.
SITE_FILES = {
    "sitemap.xml": "the sitemap",
    "robots.txt": "robots.txt",
    "_headers": "the hosting headers file",
}
#: The endings of Pelican's settings that name a file it writes.
_PATH_SETTINGS = ("_SAVE_AS", "FEED_ATOM", "FEED_RSS", "FEED_ALL_ATOM", "FEED_ALL_RSS")


def path_problem(value: str) -> str | None:
    """What is wrong with a path an editor wrote for an address; None if it is inside the site."""
    if "\\" in value:
        return f"must use '/' between folders, not '\\' (got {value!r})"
    if value.startswith("/") or "://" in value:
        return f"must be a path inside the site, without a leading '/' or a host (got {value!r})"
    if ".." in value.split("/"):
        return f"must not go up a folder with '..' (got {value!r})"
    return None


def top_level(url: str) -> str:
    """The top-level name of an address setting: ``guide`` for ``guide/``."""
    return url.strip("/").split("/", 1)[0]


def shown(save_as: str) -> str:
    """An output path as readers see its address: ``/about/`` for ``about/index.html``."""
    return "/" + save_as.removesuffix("index.html")


class AddressBook:
    """The output paths claimed so far, each with who claimed it."""

    def __init__(self, report: ProblemReport):
        self.report = report
        self.owners: dict[str, str] = {}

    def claim(self, save_as: str, owner: str, path, line, field, hint: str) -> bool:
        """Give ``save_as`` to ``owner``; if it is taken, report it at ``path:line`` and say no."""
        if save_as in self.owners:
            first = self.owners[save_as]
            self.report.error(
                path, line, field, f"{shown(save_as)} is already the address of {first}", hint
            )
            return False
        self.owners[save_as] = owner
        return True


def _root(path: str) -> str | None:
    """The top-level name of an output path; None when a placeholder makes it vary."""
    root = path.split("/", 1)[0]
    return None if not root or "{" in root else root


def _kind(setting: str) -> str | None:
    """Which of Pelican's content a setting's files are: 'news', 'pages' or neither."""
    if setting.startswith(("PAGE_", "DRAFT_PAGE_")):
        return "pages"
    if setting.startswith(("ARTICLE_", "INDEX_", "DRAFT_")):
        return "news"
    return None


def _whose(setting: str, kind: str | None) -> str:
    """How a message names what Pelican writes for a setting."""
    if kind:
        return {"news": "the news posts", "pages": "the pages"}[kind]
    return "the feeds" if "FEED" in setting else f"Pelican's {setting}"


def _content_kind(item) -> str:
    return "news" if isinstance(item, Article) else "pages"


def _path_settings(settings: dict) -> list[tuple[str, str]]:
    """(setting, path) of every Pelican setting that names a file it writes."""
    return [
        (key, value)
        for key, value in sorted(settings.items())
        if key.endswith(_PATH_SETTINGS) and isinstance(value, str) and value
    ]


def reserved_roots(settings: dict, generators, static_files) -> dict[str, tuple[set[str], str]]:
    """Every top-level name the site writes: name -> (the content allowed in it, whose it is).

    Pelican's pages or news posts may be in a folder its settings give them
    (``news/`` for ``ARTICLE_SAVE_AS``, ``drafts/`` for both); nothing else may. A
    language's folder (``es/``) is its translations' (checked by what is inside it).
    """
    taken: dict[str, tuple[set[str], str]] = {}
    for key, value in _path_settings(settings):
        root, kind = _root(value), _kind(key)
        if root:
            kinds, _ = taken.setdefault(root, (set(), _whose(key, kind)))
            kinds.update([kind] if kind else [])
    taken[settings["THEME_STATIC_DIR"]] = (set(), "the theme's files")
    for static in static_files:
        taken.setdefault(_root(static.save_as), (set(), f"a static file ({static.save_as})"))
    taken.update((name, (set(), what)) for name, what in SITE_FILES.items())
    for lang in site_languages(settings).others:  # each language's folder: its own pages
        taken[lang] = (set(), f"the site in {lang} (/{lang}/)")
    for generator in generators:
        if hasattr(generator, "top_level_paths"):
            taken.update((n, (set(), w)) for n, w in generator.top_level_paths().items())
    return taken


def _hint(key: str | None, item, where: str = "") -> str:
    """How to give a page or post another address, in the field it comes from."""
    if key == "save_as":
        return f"write another 'Save_as:'{where}"
    example = f"Slug: {getattr(item, 'slug', '')}-page"
    return f"write a 'Slug:' line with another address{where}, e.g. '{example}'"


def check_addresses(generators, headers: dict[Path, dict], report: ProblemReport) -> None:
    """Report pages and news posts whose address is another's, or in a folder the site writes.

    ``headers``: each Markdown file's header (with lines), to report at the
    ``Save_as:``, ``Slug:`` or ``Title:`` line the address comes from.
    """
    settings, context = generators[0].settings, generators[0].context
    taken = reserved_roots(settings, generators, context.get("staticfiles", ()))
    book = AddressBook(report)
    languages = site_languages(settings)
    for key, value in _path_settings(settings):
        if "{" not in value:  # one file at a fixed path: the news index, the feed
            book.claim(value, f"Pelican's {key} file", None, None, None, "")
    content = context.get("generated_content", {}).values()
    items = [i for i in content if i is not None]  # None: a file Pelican failed to read
    for item in sorted(items, key=lambda i: i.source_path):
        save_as = item.save_as
        if not save_as or path_problem(save_as):  # not written, or reported at its field
            continue
        header = headers.get(Path(item.source_path))
        key, line = address_field(header, "save_as", "slug", "title") if header else (None, None)
        field = "Save_as" if key == "save_as" else "Slug"  # at the title's line if made from it
        prefix = languages.prefix(item.lang) if item.lang in languages.others else ""
        root = _root(save_as.removeprefix(prefix))
        kinds, owner = taken.get(root, ({_content_kind(item)}, ""))
        if _content_kind(item) not in kinds:
            place = f"/{prefix}{root}/" if prefix + root != save_as else f"/{root}"
            where = "" if shown(save_as) == place else f" is inside {place}, which"
            report.error(
                item.source_path,
                line,
                field,
                f"{shown(save_as)}{where} is the address of {owner}",
                _hint(key, item),
            )
            continue
        owner = report.relative(item.source_path)
        hint = _hint(key, item, " in one of them")
        book.claim(save_as, owner, item.source_path, line, field, hint)
