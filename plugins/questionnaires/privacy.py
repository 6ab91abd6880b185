"""Find personal contact information in a candidate's answer, however it is written.

Chapters publish "all candidate responses, except personal contact information".
The guard reads what readers will read: the answer's sanitised HTML as text (with
the targets of mailto:/tel: links and the titles of links and abbreviations),
entities decoded, NFKC-normalised (full-width ＠ and digits become plain), invisible
characters removed, every dash a hyphen, every run of whitespace (line breaks too)
one space, a phone number spelt out in words ("six oh eight…", "seis cero ocho…") in
digits. Phone numbers are found by phonenumbers in the chapter's country, e-mail
addresses also when spelt out ("pat at example dot org", "pat arroba example punto
org"). Each find is traced back to the source line where it starts. What was found is
never echoed: build logs can be public.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import cache
from html import unescape
from html.parser import HTMLParser
import re
import unicodedata
from urllib.parse import unquote

import phonenumbers

from site_core.editor_html import render_markdown

EMAIL = "an e-mail address"
PHONE = "a phone number"
DEFAULT_REGION = "US"

#: Dashes and hyphens readers take for '-' (NFKC already maps the full-width and small ones).
DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2e3a"), "-")
#: Dots readers take for '.' in "608·555·0123" or "example·org".
DOTS = dict.fromkeys(map(ord, "\u00b7\u2022\u2027\u2219\u30fb"), ".")
#: Elements that end a run of text: what is on either side is not one word.
BLOCKS = frozenset(
    {"p", "br", "hr", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"}
    | {"table", "thead", "tbody", "tr", "td", "th", "div"}
)
#: Top-level domains a spelt-out address may end with ("pat at example dot org"); the
#: chapter's country code is added. Any TLD counts in a plain address (pat@example.xyz).
SPELT_TLDS = frozenset(
    {"com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "co", "me", "us", "app"}
)
#: Words after a bare "at" that make prose, not a domain: "worked at the dot com boom".
DETERMINERS = frozenset({"a", "an", "the", "this", "that", "my", "our", "your", "their", "her"})

#: Digits as words, in English and Spanish: a run of seven or more is a number spelt out.
DIGIT_WORDS = {
    **dict.fromkeys(("zero", "oh", "o", "cero"), "0"),
    **dict.fromkeys(("one", "uno", "una"), "1"),
    **dict.fromkeys(("two", "dos"), "2"),
    **dict.fromkeys(("three", "tres"), "3"),
    **dict.fromkeys(("four", "cuatro"), "4"),
    **dict.fromkeys(("five", "cinco"), "5"),
    **dict.fromkeys(("six", "seis"), "6"),
    **dict.fromkeys(("seven", "siete"), "7"),
    **dict.fromkeys(("eight", "ocho"), "8"),
    **dict.fromkeys(("nine", "nueve"), "9"),
}
_DIGIT_WORD = "|".join(sorted(DIGIT_WORDS, key=len, reverse=True))
SPELT_NUMBER = re.compile(
    rf"\b(?:{_DIGIT_WORD})(?:[\s,-]+(?:{_DIGIT_WORD})){{6,}}\b", re.IGNORECASE
)
DIGIT_WORD = re.compile(rf"\b(?:{_DIGIT_WORD})\b", re.IGNORECASE)

LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
#: "@" written as a word: English "at", Spanish "arroba"; "." as "dot", "punto".
AT = r"(?:\s?@\s?|\s?[\[({<]\s?(?:at|arroba)\s?[\])}>]\s?|\s(?:at|arroba)\s)"
DOT = r"(?:\s?\.\s?|\s?[\[({<]\s?(?:dot|punto)\s?[\])}>]\s?|\s(?:dot|punto)\s)"
ADDRESS = re.compile(
    rf"(?<![\w.%+-])(?P<local>[a-z0-9._%+-]+){AT}(?P<domain>{LABEL}(?:{DOT}{LABEL})*)"
    rf"{DOT}(?P<tld>[a-z]{{2,}})(?![\w-])",
    re.IGNORECASE,
)
PLAIN_ADDRESS = re.compile(r"[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}", re.IGNORECASE)
#: What makes a spelt-out address certain: "@", a bracketed "at", "arroba" (only ever "@").
AT_SIGN_OR_BRACKETED = re.compile(r"@|[\[({<]\s?(?:at|arroba)\s?[\])}>]|\barroba\b", re.IGNORECASE)
SPELT_DOT = re.compile(r"\b(?:dot|punto)\b", re.IGNORECASE)
SPELT_OR_SPACED_DOT = re.compile(DOT, re.IGNORECASE)
#: A local number without its area code (555-0123), where numbers have ten digits (NANP).
LOCAL_NUMBER = re.compile(r"(?<![\w$€£¥.,+-])[2-9]\d\d[-.]\d{4}(?![\w-]|[.,]\d)")


@dataclass(frozen=True, slots=True)
class Contact:
    """One contact found in a text: its kind, and a key that tells it from others."""

    kind: str
    key: str  # the digits as written, or the address in lower case; never printed


class _TextParser(HTMLParser):
    """Collect the text of sanitised HTML, plus what a reader sees in link targets and titles."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self.parts.append("\n")
        for name, value in attrs:
            if not value:
                continue
            if name == "title":
                self.parts.append(f" {value} ")
            elif name == "href" and not value.lower().startswith(("http:", "https:")):
                self.parts.append(f" {unquote(value)} ")

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def readable_text(html: str) -> str:
    """The text of an answer's HTML as the guard reads it: one line, every disguise undone."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    # unescape: the parser decoded entities once; "&amp;#64;" shows readers "&#64;", so again.
    text = unicodedata.normalize("NFKC", unescape("".join(parser.parts)))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    text = SPELT_NUMBER.sub(_digits, text)
    return " ".join(text.translate(DASHES).translate(DOTS).split())


def _digits(match: re.Match) -> str:
    """A number spelt out in words, in digits: "six oh eight five five five…" → 608555…"""
    return "".join(DIGIT_WORDS[word.lower()] for word in DIGIT_WORD.findall(match[0]))


class ContactGuard:
    """The finder of e-mail addresses and phone numbers, for one chapter's country."""

    def __init__(self, region: str = DEFAULT_REGION):
        self.region = region.upper()
        country_tld = "uk" if self.region == "GB" else self.region.lower()
        self.spelt_tlds = SPELT_TLDS | {country_tld}
        self.local_numbers = phonenumbers.country_code_for_region(self.region) == 1

    def scan(self, text: str) -> list[Contact]:
        """Every contact in ``text`` (already :func:`readable_text`), in order of position."""
        found: list[tuple[int, Contact]] = []
        phones = []
        for match in phonenumbers.PhoneNumberMatcher(text, self.region):
            found.append((match.start, Contact(PHONE, re.sub(r"\D", "", match.raw_string))))
            phones.append(range(match.start, match.end))
        if self.local_numbers:
            for match in LOCAL_NUMBER.finditer(text):
                if not any(match.start() in span for span in phones):
                    found.append((match.start(), Contact(PHONE, re.sub(r"\D", "", match[0]))))
        for match in ADDRESS.finditer(text):
            if self._is_address(match):
                key = "{}@{}.{}".format(
                    match["local"], SPELT_OR_SPACED_DOT.sub(".", match["domain"]), match["tld"]
                )
                found.append((match.start(), Contact(EMAIL, key.lower())))
        return [contact for _, contact in sorted(found, key=lambda item: item[0])]

    def _is_address(self, match: re.Match) -> bool:
        """A plain address always; a spelt-out one only as the disguise it must be.

        "pat at example dot org" and "pat [at] example.org" are addresses; "details at
        madisondsa.org" (a bare 'at' with plain dots) and "look at this dot product" (no
        usual top-level domain) and "at the dot com boom" are prose.
        """
        text = match[0]
        if PLAIN_ADDRESS.fullmatch(text):
            return True
        if match["tld"].lower() not in self.spelt_tlds:
            return False
        if AT_SIGN_OR_BRACKETED.search(text):
            return True
        first_label = SPELT_OR_SPACED_DOT.split(match["domain"])[0].lower()
        return bool(SPELT_DOT.search(text)) and first_label not in DETERMINERS


def find_contacts(
    markdown_text: str, region: str = DEFAULT_REGION, html: str | None = None
) -> list[tuple[int, str]]:
    """(line index from 0, kind) of each contact in an answer written in Markdown.

    ``html`` is the answer already rendered (saves rendering it twice). A contact's
    line is the last line from which the rest of the answer, rendered alone, still
    shows it: the line where it starts, even when it is wrapped over two lines.
    """
    guard = ContactGuard(region)
    rendered = render_markdown(markdown_text).html if html is None else html
    contacts = guard.scan(readable_text(rendered))
    if not contacts:
        return []
    lines = markdown_text.split("\n")

    @cache
    def keys_from(line: int) -> Counter:
        if line == 0:  # the whole answer, already scanned
            return Counter(c.key for c in contacts)
        rest = render_markdown("\n".join(lines[line:])).html
        return Counter(c.key for c in guard.scan(readable_text(rest)))

    total = Counter(c.key for c in contacts)
    seen: Counter = Counter()
    found = {}
    for contact in contacts:
        needed = total[contact.key] - seen[contact.key]  # this one and those after it
        seen[contact.key] += 1
        first_without = bisect_left(
            range(len(lines) + 1), True, key=lambda line: keys_from(line)[contact.key] < needed
        )
        # A link's text and its target (jane@… and mailto:jane@…) are one contact.
        found[max(first_without - 1, 0), contact.key] = contact.kind
    return sorted((line, kind) for (line, _), kind in found.items())


def chapter_region(settings: dict) -> str:
    """The chapter's country (ISO 3166 alpha-2) for phone numbers; US when it has none."""
    return getattr(settings.get("CHAPTER"), "country", None) or DEFAULT_REGION
