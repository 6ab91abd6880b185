""" "Did you mean …?": the one way every check suggests the word an editor probably meant."""

from __future__ import annotations

from collections.abc import Iterable
import difflib


def closest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The choice most like ``word``, or None when none is close enough."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=cutoff)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str], otherwise: str, cutoff: float = 0.6) -> str:
    """A hint: "did you mean 'x'?" for the closest choice, else ``otherwise``."""
    close = closest(word, choices, cutoff)
    return f"did you mean '{close}'?" if close else otherwise
