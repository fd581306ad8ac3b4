"""What templates may use: French formatting filters and the labels of controlled lists."""

from __future__ import annotations

from . import frenchdates, frenchnumbers, poster, vocab
from .content import MATERIAL_KINDS
from .fields import is_link, link_text
from .pages import day_slug, ordinal
from .text import capfirst, script_json


def status_badge(status: str) -> str:
    """The classes of a status's badge (« Annulée »…): the DSFR's, and ssp-status--<status> that « neutre » colours."""
    return f"ssp-status ssp-status--{status} fr-badge fr-badge--sm fr-badge--{vocab.STATUS_BADGES[status]}"


FILTERS = {
    "status_badge": status_badge,
    "plural": frenchnumbers.plural,
    "number": frenchnumbers.number,
    "capfirst": capfirst,
    "fr_date": frenchdates.long_date,
    "fr_range": frenchdates.date_range,
    "fr_span": frenchdates.time_span,
    "ordinal": ordinal,
    "day_slug": day_slug,
    "fr_size": frenchnumbers.file_size,
    "fr_clock": frenchdates.clock_text,
    "fr_euros": frenchnumbers.euros,
    "qr_svg": poster.qr_svg,
    "poster_fit": poster.fit,
    "fr_ages": frenchnumbers.age_range,
    "fr_list": frenchnumbers.french_list,
    "fr_held": frenchdates.held,  # when a past action took place (its page, its poster): « le vendredi 24 novembre 2017 »
    "link_text": link_text,
}

LABELS = {
    "types": vocab.EVENT_TYPES,
    "statuses": vocab.STATUSES,
    "status_badges": vocab.STATUS_BADGES,
    "audiences": vocab.AUDIENCES,
    "departements": vocab.DEPARTEMENTS,
    "timezones": vocab.TIMEZONE_LABELS,
    "material_kinds": MATERIAL_KINDS,
    "accessibility": vocab.ACCESSIBILITY,
    "attendance": vocab.ATTENDANCE,
}


LABELS_JSON = script_json(LABELS)  # for the listing's filters, inside a <script> element


def when(event, occurrence) -> str:
    """An occurrence in the venue's local time, in French."""
    return frenchdates.occurrence_text(occurrence.start, occurrence.end, event.timezone)


FUNCTIONS = {
    "ssp_when": when,
    "ssp_labels": LABELS,
    "ssp_is_link": is_link,
    "ssp_labels_json": LABELS_JSON,
}

# What else a template may read beyond its page's view (views.py), FILTERS and FUNCTIONS: the
# globals and the filter the adapter (hooks/site.py) adds at each build, from the build's state,
# and the context of a framed page. One list: tests/unit/test_views.py holds the templates to it.
BUILD_GLOBALS = {
    "ssp_problems": "the content's problems: the preview shows them instead of the site",
    "ssp_share_image": "a page's share picture (build.Site.share_image)",
    "ssp_card": "an event's card, kept in the adapter's cache",
    "ssp_sitemap": "the framed pages' sitemap lines (framed_pages.FramedPages.addresses)",
    "ssp_lastmod": "the docs/ pages' last commit, for the sitemap",
    "ssp_presentation": "etat or neutre (extra.presentation): a printed poster's text size depends on its font",
}
BUILD_FILTERS = {"link": "an address of the URL table (urls.permalinks()), relative to the page"}
FRAME_CONTEXT = {"ssp_slot": "a framed page's own parts (hooks/framed_pages.py)"}
