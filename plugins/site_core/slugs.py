"""The one slug function: the address part made from a title, for every kind of content.

Pages and news posts (through :func:`slug_pelican_content`), events, guide
chapters, charters and candidate races all get their slugs from
:func:`slugify`, and every ``slug:`` an editor writes is checked against
:data:`SLUG` (lower-case ASCII letters and digits, words joined by hyphens).
Why this shape, and what happens to titles in other scripts: docs/architecture.md.
"""

from __future__ import annotations

import hashlib
import os
import re
from typing import Annotated
import unicodedata

from pelican.contents import Article, Page
from pydantic import AfterValidator, WithJsonSchema
from slugify import slugify as _transliterate

#: A slug: lower-case ASCII letters and digits, words joined by single hyphens.
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: Apostrophes join words ("don't" is "dont", "Madison’s" is "madisons"), as Pelican's did.
_APOSTROPHES = [["'", ""], ["\u2019", ""]]


def _ascii(text: str, max_length: int) -> str:
    return _transliterate(
        text,
        max_length=max_length,
        replacements=_APOSTROPHES,
        backend="text-unidecode",  # python-slugify's own dependency: the same in every install
    )


def slugify(text: str, max_length: int = 0) -> str:
    """``"Señoras: ¿qué?"`` gives ``senoras-que``; ``"集会"`` gives ``ji-hui``; never empty.

    Letters of any script are transliterated. Text with none (emoji, symbols) is
    spelt by its characters' Unicode names (``"🎉"`` gives ``party-popper``);
    text with nothing nameable gets a short hash of itself. The same text always
    gives the same slug. Titles that differ only in case or punctuation share one:
    the second file to claim it is reported (``addresses.AddressBook``), never
    given a suffix that would depend on the order files are read in.
    """
    slug = _ascii(text, max_length)
    if slug:
        return slug
    names = " ".join(unicodedata.name(c, "") for c in text if not c.isspace())
    return _ascii(names, max_length) or hashlib.sha256(text.encode()).hexdigest()[:8]


def slug_problem(value: str) -> tuple[str, str] | None:
    """(what is wrong, a slug to write instead) for a slug an editor wrote; None if it is one."""
    if SLUG.match(value):
        return None
    example = slugify(value) if value.strip() else "about-us"
    return (
        f"must be lower-case letters, digits and hyphens (got {value!r})",
        f"write e.g. {example!r}",
    )


def check_slug(value: str) -> str:
    """Accept a slug an editor wrote (a pydantic validator); else raise with one to write."""
    text = value.strip()
    problem = slug_problem(text)
    if problem:
        raise ValueError("; ".join(problem))  # validation.py: message; hint
    return text


#: The type of every ``slug`` field of the content models.
Slug = Annotated[
    str, AfterValidator(check_slug), WithJsonSchema({"type": "string", "pattern": SLUG.pattern})
]


def address_field(fields, *names: str) -> tuple[str, int | None]:
    """The first of ``names`` a header has (``slug``, else ``title``...) and its line.

    A problem with an address is reported where the address comes from: the
    ``Slug:`` line, or the title's when the slug is made from the title.
    """
    name = next((n for n in names if n in fields), names[-1])
    return name, fields.line_of(name)


def slug_pelican_content(content) -> None:
    """Give a page or news post without a ``Slug:`` the slug :func:`slugify` makes.

    Pelican's ``content_object_init``: Pelican has just made a slug with its own
    function, which drops letters it cannot spell in ASCII (an all-Chinese title
    gave an empty slug, that is the home page's address).
    """
    if not isinstance(content, Article | Page) or "slug" in content.metadata:
        return
    source = content.settings.get("SLUGIFY_SOURCE", "title")
    if source == "title" and getattr(content, "title", None):
        content.slug = slugify(content.title)
    elif source == "basename" and content.source_path:
        content.slug = slugify(os.path.splitext(os.path.basename(content.source_path))[0])
