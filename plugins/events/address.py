"""An event's one-line address as the parts of a schema.org ``PostalAddress``.

Editors write an address the way it goes on an envelope, on one line:
``3527 Atwood Ave, Madison, WI 53714``. Read from the end: a last part that
names the chapter's country (``USA``) is dropped; then a part that is a region
of that country and/or a postal code (``WI 53714``, ``Wisconsin``, ``53714``;
with only two parts, only one that has a postal code); then the city; the
rest is the street. What the line does not say comes from the chapter file:
its city, region and country. Regions are ISO 3166-2 subdivisions (pycountry),
by code or by name.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry


@lru_cache(maxsize=64)
def _regions(country: str) -> frozenset[str]:
    """The codes and names of the country's subdivisions, in lower case: wi, wisconsin..."""
    names: set[str] = set()
    for region in pycountry.subdivisions.get(country_code=country) or ():
        names.add(region.code.split("-", 1)[1].lower())
        names.add(region.name.lower())
    return frozenset(names)


def _is_country(text: str, country: str) -> bool:
    """Whether ``text`` names ``country`` (its code, three-letter code or name)."""
    try:
        return pycountry.countries.lookup(text).alpha_2 == country
    except LookupError:
        return False


def _region_and_postal_code(text: str, country: str) -> tuple[str | None, str | None]:
    """Split ``WI 53714`` into region and postal code; (None, None) if it is neither."""
    words = text.split()
    cut = len(words)
    while cut and any(c.isdigit() for c in words[cut - 1]):
        cut -= 1
    region, postal_code = " ".join(words[:cut]), " ".join(words[cut:])
    if region and region.lower() not in _regions(country):
        return None, None
    return region or None, postal_code or None


@lru_cache(maxsize=4096)
def postal_address(line: str | None, city: str, region: str, country: str) -> dict[str, str]:
    """A schema.org PostalAddress from an address line and the chapter's city, region, country."""
    parts = [part.strip() for part in (line or "").split(",") if part.strip()]
    if len(parts) > 1 and _is_country(parts[-1], country):
        parts.pop()
    found_region = postal_code = None
    if len(parts) > 1:
        found_region, postal_code = _region_and_postal_code(parts[-1], country)
        if postal_code or (found_region and len(parts) > 2):
            parts.pop()
        else:
            found_region = None
    locality = parts.pop() if len(parts) > 1 else None
    address = {"@type": "PostalAddress"}
    if parts:
        address["streetAddress"] = ", ".join(parts)
    address["addressLocality"] = locality or city
    address["addressRegion"] = found_region or region
    if postal_code:
        address["postalCode"] = postal_code
    address["addressCountry"] = country
    return address
