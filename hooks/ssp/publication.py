"""Drafts and embargo: what the published site shows on a given day (the preview shows everything)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from .frenchdates import long_date
from .kinds import IN_EDITION, SHARED
from .load import Campaigns


def published(campaigns: Campaigns, today: date) -> Campaigns:
    """The campaigns without drafts and without what is embargoed until after `today`: events and
    every publishable kind (kinds.py), wherever its items are kept."""
    def kept(items: tuple) -> tuple:
        return tuple(item for item in items if item.meta.published(today))

    def without_held_back(container: Any, kinds: tuple) -> dict[str, Any]:
        return {kind.field: kept(getattr(container, kind.field)) for kind in kinds if kind.publishable}

    editions = [replace(edition, events=kept(edition.events), **without_held_back(edition, IN_EDITION))
                for edition in campaigns.editions]
    partnership = replace(campaigns.partnership, **without_held_back(campaigns.partnership, SHARED))
    return replace(campaigns, editions=editions, partnership=partnership)


def banner(meta, today: date) -> str:
    """What the preview says above an item the published site does not show yet ("" if it does)."""
    if meta.draft:
        return "Brouillon : cette page n'est visible que dans la prévisualisation."
    if meta.publish_from and meta.publish_from > today:
        return f"Publication prévue le {long_date(meta.publish_from)} : cette page n'est pas encore en ligne."
    return ""
