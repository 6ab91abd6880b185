"""Content in several languages: which file translates which, and what a translation lacks.

A translation of a Markdown file is a file next to it named with the language before
the extension (``medicare-for-all.es.md`` translates ``medicare-for-all.md``): the
pairing is the file name, nothing else (:func:`pair_files`). Data files (events, a
questionnaire's questions) carry their translations in a ``translations:`` field. Either
way a translation records the digest of the source it was made from
(``Source-Hash:``, ``source_hash:``; :func:`source_digest`) and may say
``Translation-Status: draft`` (made by someone who is not a native speaker, or by a
machine: to be reviewed). Every capability records each translatable thing it reads
as a :class:`TranslationUnit` in the build's :class:`TranslationRecord`; ``invoke
translations`` prints them as the gap report (:func:`gap_report`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
import hashlib
from pathlib import Path
import re

from babel import Locale, UnknownLocaleError

from .i18n import SiteLanguages
from .problems import ProblemReport

#: The words of a translation's ``Translation-Status:`` (``translation_status:`` in YAML).
STATUSES = ("draft", "reviewed")
_LANGUAGE_SUFFIX = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)$")


def source_digest(*texts: str) -> str:
    """The digest a translation records of its source: 12 hex digits of SHA-256 of ``texts``
    (line endings and trailing spaces do not count)."""
    normal = "\0".join("\n".join(line.rstrip() for line in t.strip().splitlines()) for t in texts)
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:12]


def _is_language(code: str) -> bool:
    try:
        Locale.parse(code, sep="-")
    except (UnknownLocaleError, ValueError):
        return False
    return True


def language_of_file(path: Path, languages: SiteLanguages) -> tuple[Path, str | None]:
    """The file ``path`` translates and its language (``x.es.md`` → ``x.md``, ``"es"``), or
    ``path`` and None for a source file. A suffix that is a language the site does not
    have (``x.fr.md``) also gives its language: :func:`pair_files` reports it."""
    match = _LANGUAGE_SUFFIX.match(path.stem)
    if not match or not _is_language(match["lang"]):
        return path, None
    return path.with_name(match["stem"] + path.suffix), match["lang"]


@dataclass
class FileGroup:
    """A source file and its translations by language."""

    source: Path
    translations: dict[str, Path] = field(default_factory=dict)


def pair_files(
    paths: Iterable[Path], languages: SiteLanguages, report: ProblemReport, kind: str
) -> tuple[list[FileGroup], set[Path]]:
    """Group ``paths`` into sources and their translations; the refused files.

    Problems (each at the translation's line 1): a language the site does not have, a
    translation of a file that does not exist, a translation in the site's own language,
    two translations of one file into one language.
    """
    paths = sorted(paths)
    sources = {p: FileGroup(p) for p in paths if language_of_file(p, languages)[1] is None}
    refused: set[Path] = set()
    for path in paths:
        source, lang = language_of_file(path, languages)
        if lang is None:
            continue
        refused.add(path)
        if lang == languages.default:
            report.error(
                path, 1, "file name", f"names the site's own language ({lang})",
                f"this is the {kind} itself: name it {source.name}",
            )  # fmt: skip
        elif lang not in languages.others:
            report.error(
                path, 1, "file name", f"is a translation into {lang}, which the site is not in",
                "add the language under `translations:` in chapter.yml, or rename the file",
            )  # fmt: skip
        elif source not in sources:
            close = [p.name for p in sources if p.suffix == path.suffix]
            report.error(
                path, 1, "file name",
                f"translates {source.name}, which does not exist",
                "name a translation after the file it translates, with the language before"
                f" the extension ({close[0].removesuffix(path.suffix)}.{lang}{path.suffix})"
                if close else "add the original first",
            )  # fmt: skip
        elif lang in sources[source].translations:
            other = sources[source].translations[lang]
            report.error(
                path, 1, "file name",
                f"is a second {language_label(lang)} translation of {source.name}"
                f" (the first: {other.name})",
                "keep one of them",
            )  # fmt: skip
        else:
            sources[source].translations[lang] = path
            refused.discard(path)
    return list(sources.values()), refused


def language_label(lang: str) -> str:
    """A language's English name, for messages to editors: Spanish."""
    try:
        return Locale.parse(lang, sep="-").get_display_name("en") or lang
    except (UnknownLocaleError, ValueError):
        return lang


@dataclass(frozen=True)
class TranslationUnit:
    """One translatable thing (a page, an event, a guide chapter…) in one other language."""

    kind: str  # what it is, for the report: "page", "event", "guide chapter"…
    title: str
    source: str  # where the original is: "content/pages/about.md" or "…/canvasses.yml:12"
    lang: str
    current_hash: str  # source_digest of the original as it is now
    translation: str | None = None  # where the translation is; None: not translated
    recorded_hash: str | None = None  # the Source-Hash the translation records
    status: str | None = None  # the translation's Translation-Status

    @classmethod
    def of(
        cls,
        kind: str,
        title: str,
        source: str,
        lang: str,
        current_hash: str,
        translation: str | None = None,
        header: object | None = None,
    ) -> TranslationUnit:
        """A unit whose translation (if any) has ``header``: its ``source_hash`` and
        ``translation_status`` (a Markdown translation's ``Source-Hash:`` and
        ``Translation-Status:``)."""
        return cls(
            kind, title, source, lang, current_hash, translation,
            getattr(header, "source_hash", None), getattr(header, "translation_status", None),
        )  # fmt: skip

    @property
    def state(self) -> str:
        """``missing``, ``outdated`` (the original changed since), ``unstamped`` (no
        Source-Hash), ``draft``, or ``done``."""
        if self.translation is None:
            return "missing"
        if self.recorded_hash is None:
            return "unstamped"
        if self.recorded_hash != self.current_hash:
            return "outdated"
        return "draft" if self.status == "draft" else "done"


@dataclass
class TranslationRecord:
    """Every translatable thing of a build (``Build.state``), for ``invoke translations``."""

    units: list[TranslationUnit] = field(default_factory=list)

    def add(self, unit: TranslationUnit) -> None:
        """Record one thing in one language."""
        self.units.append(unit)


STATE_HEADINGS = {
    "missing": "Not translated",
    "outdated": "Changed in the original since it was translated (update, then stamp it)",
    "unstamped": "No Source-Hash: cannot tell whether the original changed (stamp it)",
    "draft": "Draft translations, to be reviewed by a native speaker",
}


def gap_report(units: Iterable[TranslationUnit], languages: SiteLanguages) -> str:
    """The gap report: per language, what is missing, outdated, unstamped or draft."""
    units = sorted(units, key=lambda u: (u.lang, u.kind, u.source))
    lines = []
    for lang in languages.others:
        mine = [u for u in units if u.lang == lang]
        done = sum(u.state == "done" for u in mine)
        lines.append(
            f"{language_label(lang)} ({lang}): {done} of {len(mine)} translated and current"
        )
        for state, heading in STATE_HEADINGS.items():
            found = [u for u in mine if u.state == state]
            if not found:
                continue
            lines.append(f"  {heading}: {len(found)}")
            for unit in found:
                where = unit.translation if unit.translation and state != "missing" else unit.source
                detail = (
                    f" (source hash now {unit.current_hash})"
                    if state in {"outdated", "unstamped"}
                    else ""
                )
                lines.append(f"    {unit.kind}: {unit.title}  [{where}]{detail}")
    return "\n".join(lines) if lines else "The site has one language: nothing to translate."
