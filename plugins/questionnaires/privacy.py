"""Find personal contact information in a candidate's answers before it is published.

Chapters publish "all candidate responses, except personal contact
information". :func:`find_contacts` finds e-mail addresses and US phone
numbers ((608) 555-0123, 608-555-0123, 608.555.0123, 608 555 0123,
+1 608 555 0123, 6085550123, 555-0123) line by line, so the build can name the line.
It does not echo what it found: build logs can be public.
"""

from __future__ import annotations

import re

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
PHONE = re.compile(
    r"(?<![\w+])"  # not the end of a longer number or word
    r"(?:(?:\+?1[\s.-]?)?"  # optional country code
    r"(?:\(\d{3}\)\s?|\d{3}[\s.-]?)"  # area code
    r"\d{3}[\s.-]?\d{4}"
    r"|\d{3}[.-]\d{4})"  # or a local number, 555-0123
    r"(?![\w-])"
)
KINDS = (("an e-mail address", EMAIL), ("a phone number", PHONE))


def find_contacts(text: str) -> list[tuple[int, str]]:
    """Return (line index from 0, "an e-mail address" / "a phone number") for each find."""
    found = []
    for index, line in enumerate(text.split("\n")):
        for kind, pattern in KINDS:
            found.extend((index, kind) for _ in pattern.finditer(line))
    return found
