"""The share image of a candidate's page: name, office, and the chapter's decision."""

from __future__ import annotations

from site_core.share_images import ShareCard

from .model import Candidate

SHARE_FILE = "share.png"  # in the candidate's folder, beside the page


def candidate_card(candidate: Candidate, footer: str) -> ShareCard:
    """The card of a candidate: the endorsement status (a rescinded one says so), name, race."""
    endorsement = candidate.endorsement
    election = candidate.questionnaire.fields.election.name if candidate.questionnaire else ""
    return ShareCard(
        label=endorsement.label,
        title=candidate.name,
        details=tuple(filter(None, (candidate.race, election))),
        footer=footer,
        tone=endorsement.badge or "neutral",
    )
