"""Drafts and embargo: what the published site shows on a given day (the preview shows everything)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from .frenchdates import long_date
from .load import Campaigns


def published(campaigns: Campaigns, today: date) -> Campaigns:
    """The campaigns without drafts and without what is embargoed until after `today`."""
    editions = [replace(edition,
                        events=tuple(event for event in edition.events if event.meta.published(today)),
                        calls=tuple(call for call in edition.calls if call.meta.published(today)))
                for edition in campaigns.editions]
    partnership = campaigns.partnership
    partnership = replace(partnership,
                          quizzes=tuple(item for item in partnership.quizzes if item.meta.published(today)),
                          workshops=tuple(item for item in partnership.workshops if item.meta.published(today)),
                          sheets=tuple(item for item in partnership.sheets if item.meta.published(today)))
    return replace(campaigns, editions=editions, partnership=partnership)


def banner(meta, today: date) -> str:
    """What the preview says above an item the published site does not show yet ("" if it does)."""
    if meta.draft:
        return "Brouillon : cette page n'est visible que dans la prévisualisation."
    if meta.publish_from and meta.publish_from > today:
        return f"Publication prévue le {long_date(meta.publish_from)} : cette page n'est pas encore en ligne."
    return ""
