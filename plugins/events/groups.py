"""Working groups' events: the check that an event's ``working_group`` names a charter,
and the per-group listing pages (``events/group/<slug>/``)."""

from __future__ import annotations

from site_core.problems import ProblemReport
from site_core.suggest import did_you_mean

from .event import Event

GROUPS_URL = "events/group/"


def group_url(slug: str) -> str:
    """The listing page of one working group's events."""
    return f"{GROUPS_URL}{slug}/"


def check_working_groups(events: list[Event], charters: list, report: ProblemReport) -> None:
    """Report every event whose ``working_group`` is not the slug of a charter."""
    slugs = sorted(c.slug for c in charters)
    for event in events:
        if event.working_group is None or event.working_group in slugs:
            continue
        otherwise = (
            f"write the slug of a charter: {', '.join(slugs)}"
            if slugs
            else "add the group's charter to content/charters/, or remove this line"
        )
        report.error(
            report.root / event.source,
            event.group_line,
            f"'{event.title}'.working_group",
            f"'{event.working_group}' is not the slug of a working group's charter",
            did_you_mean(event.working_group, slugs, otherwise),
        )
