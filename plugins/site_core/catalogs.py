"""The interface's translation catalogs: extracted from the code, one ``.po`` per domain.

Every user-facing string in the templates (``_()``, ``{% trans %}``) and in Python
(``gettext``, ``N_``) is a message id. Each capability owns a domain (``pyproject.toml``,
``[tool.site-kit.catalogs]``: domain → the files whose strings it holds; ``site`` takes
every template and plugin file no other domain names), so translators and the people
changing one plugin touch one file: ``theme/translations/<lang>/<domain>.po``.
:func:`update` (``invoke catalogs``) re-extracts and merges into the ``.po`` files
(Babel's own merge: new ids added empty, changed ones marked fuzzy, gone ones dropped);
:func:`gaps` lists what a language still lacks; the build compiles the ``.po`` files
(``i18n.catalog``). There is no ``.pot`` file: extraction is in memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
import tomllib

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract
from babel.messages.pofile import PoFileError, read_po, write_po
from jinja2.ext import babel_extract

from .problems import ProblemReport

#: Where each kind of file's strings are found.
SOURCES = ("theme/templates/**/*.html", "plugins/**/*.py", "pelicanconf.py")
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None}
#: Fixed header dates, so a catalog only changes when its messages do.
EPOCH = datetime(2026, 1, 1, tzinfo=UTC)
CATCH_ALL = "site"


@dataclass(frozen=True)
class Gap:
    """A message a language's catalog does not translate (yet)."""

    domain: str
    msgid: str
    reason: str  # "untranslated", "fuzzy" (its English changed), "missing" (run invoke catalogs)


def domains(root: Path) -> dict[str, list[Path]]:
    """Each domain's source files (every one in exactly one domain)."""
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    patterns: dict[str, list[str]] = config["tool"]["site-kit"]["catalogs"]
    claimed: dict[Path, str] = {}
    for domain, globs in patterns.items():
        for pattern in globs:
            for path in sorted(root.glob(pattern)):
                claimed.setdefault(path, domain)
    files: dict[str, list[Path]] = {domain: [] for domain in [CATCH_ALL, *patterns]}
    for pattern in SOURCES:
        for path in sorted(root.glob(pattern)):
            files[claimed.get(path, CATCH_ALL)].append(path)
    return files


def _messages(root: Path, path: Path):
    """(lineno, msgid, comments, context) of one source file."""
    with path.open("rb") as handle:
        if path.suffix == ".html":
            options = {"extensions": "jinja2.ext.i18n", "trimmed": "true", "silent": "false"}
            method = babel_extract
        else:
            options, method = {}, "python"
        yield from extract(method, handle, KEYWORDS, ["Translators:"], options)


def extract_domain(root: Path, files: list[Path]) -> Catalog:
    """The message ids of ``files``, as a template catalog."""
    template = Catalog(creation_date=EPOCH, revision_date=EPOCH, fuzzy=False)
    for path in files:
        for lineno, message, comments, context in _messages(root, path):
            template.add(
                message,
                locations=[(path.relative_to(root).as_posix(), lineno)],
                auto_comments=comments,
                context=context,
            )
    return template


def po_path(root: Path, lang: str, domain: str) -> Path:
    """Where a domain's catalog for ``lang`` is."""
    return root / "theme" / "translations" / lang / f"{domain}.po"


def _read(path: Path, lang: str, domain: str) -> Catalog:
    if path.exists():
        with path.open("rb") as handle:
            return read_po(handle, locale=lang.replace("-", "_"), domain=domain)
    return Catalog(
        locale=lang.replace("-", "_"),
        domain=domain,
        header_comment=f"# The site kit's interface in {lang}: {domain} (invoke catalogs).",
        project="Medicare for All site kit",
        version="1",
        copyright_holder="",
        msgid_bugs_address="",
        last_translator="the chapter's translation team",
        language_team=lang,
        creation_date=EPOCH,
        revision_date=EPOCH,
        fuzzy=False,
    )


def _text(catalog: Catalog) -> bytes:
    out = BytesIO()
    write_po(out, catalog, width=100, sort_output=True, include_lineno=False, ignore_obsolete=True)
    return out.getvalue()


def updated(root: Path, lang: str) -> dict[Path, bytes]:
    """The ``.po`` files of ``lang`` that the code's messages change, with their new text."""
    changed = {}
    for domain, files in domains(root).items():
        path = po_path(root, lang, domain)
        catalog = _read(path, lang, domain)
        catalog.update(extract_domain(root, files), update_header_comment=False)
        text = _text(catalog)
        if not path.exists() or path.read_bytes() != text:
            changed[path] = text
    return changed


def update(root: Path, lang: str) -> list[Path]:
    """Bring ``lang``'s catalogs up to date with the code; the files that changed."""
    changed = updated(root, lang)
    for path, text in changed.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text)
    return list(changed)


def gaps(root: Path, lang: str) -> list[Gap]:
    """Every message ``lang`` does not translate: untranslated, fuzzy, or not in its catalog."""
    found = []
    for domain, files in domains(root).items():
        path = po_path(root, lang, domain)
        catalog = _read(path, lang, domain)
        for message in extract_domain(root, files):
            if not message.id:
                continue
            have = catalog.get(message.id, message.context)
            if have is None:
                found.append(Gap(domain, _id(message.id), "missing"))
            elif have.fuzzy:
                found.append(Gap(domain, _id(message.id), "fuzzy"))
            elif not have.string or (isinstance(have.string, tuple) and not all(have.string)):
                found.append(Gap(domain, _id(message.id), "untranslated"))
    return found


def catalog_problems(folder: Path, lang: str, report: ProblemReport) -> None:
    """Report what in ``lang``'s catalogs would break a page, at its line: a file that is not
    a catalog, a translation whose placeholders differ from the English (``%(city)s``)."""
    for path in sorted(Path(folder, lang).glob("*.po")):
        try:
            with path.open("rb") as handle:
                catalog = read_po(handle, locale=lang.replace("-", "_"), abort_invalid=True)
        except (PoFileError, UnicodeDecodeError, ValueError) as broken:
            report.error(
                path, getattr(broken, "lineno", None), "catalog", f"cannot be read ({broken})",
                "compare it with another language's file, or run `invoke catalogs`",
            )  # fmt: skip
            continue
        for message, errors in catalog.check():
            for error in errors:
                report.error(
                    path, message.lineno, "msgstr", f"{_id(message.id)!r}: {error}",
                    "keep every %(name)s of the English text, spelt as it is there",
                )  # fmt: skip


def _id(msgid: str | tuple) -> str:
    return msgid if isinstance(msgid, str) else msgid[0]
