"""« Bilan de l'édition »: an edition's figures, counted from the records of its open data
(exports/data.py), and their charts, drawn at build as static SVG from a Vega-Lite specification by
vl-convert (no script sent to readers, no request). Each chart goes with a title, a sentence
saying what it shows, its data table (the accessible alternative) and that table as CSV."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from .cache import Cache
from .frenchdates import day_of_year
from .frenchnumbers import plural
from .models import Edition
from .text import fold
from .urls import link
from .vocab import ATTENDANCE, AUDIENCES, EVENT_TYPES, REGIONS

NOT_SAID = "Non précisé"


@dataclass(frozen=True)
class Table:
    slug: str  # its anchor and CSV name
    title: str
    summary: str  # what the chart shows, in a sentence
    label: str  # the header of its first column
    rows: tuple[tuple[str, int], ...]  # (label, number of actions), in the chart's order
    csv: str  # the CSV's address
    svg: str  # the chart


@dataclass(frozen=True)
class Bilan:
    actions: int
    slots: int
    establishments: int
    regions: int
    departements: int
    tables: tuple[Table, ...]


def edition_bilan(edition: Edition, cache: Cache) -> Bilan:
    """An edition's figures from its actions (each counted once, whatever its time slots);
    establishments told apart by their organiser's name (case and accents aside)."""
    by: dict[str, defaultdict[Any, set[str]]] = {name: defaultdict(set) for name in ("regions", "types", "publics", "jours", "participation")}
    for event in edition.events:
        action, meta = event.url, event.meta
        by["regions"][meta.region or "En ligne (sans lieu)"].add(action)
        by["types"][EVENT_TYPES[meta.type]].add(action)
        for public in [AUDIENCES[audience] for audience in meta.audience] or [NOT_SAID]:
            by["publics"][public].add(action)
        by["participation"][ATTENDANCE[event.attendance]].add(action)
        for occurrence in event.occurrences:
            for day in occurrence.days():
                by["jours"][day].add(action)
    order = {"regions": list(REGIONS), "types": list(EVENT_TYPES.values()), "publics": [*AUDIENCES.values(), NOT_SAID],
             "participation": list(ATTENDANCE.values())}
    titles = {"regions": ("Actions par région", "Région"), "types": ("Actions par type", "Type d'action"),
              "publics": ("Actions par public visé", "Public"), "jours": ("Actions par jour", "Jour"),
              "participation": ("Sur place ou en ligne", "Participation")}
    tables = []
    for slug, found in by.items():
        counts = {key: len(actions) for key, actions in found.items()}
        if slug == "jours":
            keys = sorted(counts)
            labelled = [(day_of_year(day).capitalize(), counts[day]) for day in keys]
            summary = busiest_day(labelled)
        else:
            keys = sorted(counts, key=lambda key: (-counts[key], order[slug].index(key) if key in order[slug] else 99, key))
            labelled = [(key, counts[key]) for key in keys]
            summary = leading(labelled, slug)
        table_title, label = titles[slug]
        tables.append(make_table(edition.year, slug, table_title, summary, label, labelled, cache))
    events = edition.events
    return Bilan(len(events), sum(len(event.occurrences) for event in events), len({fold(event.meta.organizer) for event in events}),
                 len({event.meta.region for event in events} - {None}), len({event.departement for event in events} - {None}),
                 tuple(tables))


def years_table(counts: list[tuple[int, int]], cache: Cache) -> Table:
    """The number of actions of each edition, oldest first (the archive page)."""
    labelled = [(str(year), count) for year, count in sorted(counts)]
    most = max(labelled, key=lambda item: item[1], default=None)
    summary = ("Aucune action n'est encore publiée sur ce site." if not most else
               f"Seule l'édition {most[0]} a ses actions publiées sur ce site ({plural(most[1], 'action')})." if len(labelled) == 1 else
               f"{plural(len(labelled), 'édition')} ont leurs actions publiées sur ce site, "
               f"{plural(sum(count for _, count in labelled), 'action')} en tout ; l'édition {most[0]} en compte le plus ({most[1]}).")
    return make_table(None, "actions-par-edition", "Actions publiées par édition", summary, "Édition", labelled, cache)


def leading(labelled: list[tuple[str, int]], slug: str) -> str:
    """Which comes first, and by how much; ties said as ties."""
    if not labelled:
        return "Aucune action."
    top = labelled[0][1]
    leaders = [label for label, count in labelled if count == top]
    rest = labelled[len(leaders):]
    if len(labelled) == 1:
        said = f"{leaders[0]} pour toutes les actions ({top})"
    elif len(leaders) == 1:
        said = f"{leaders[0]} en tête ({plural(top, 'action')}), devant {rest[0][0]} ({rest[0][1]})"
    else:
        each = "chacune" if slug == "regions" else "chacun"  # régions; types, publics, modes of attendance
        said = f"{', '.join(leaders[:-1])} et {leaders[-1]} à égalité ({plural(top, 'action')} {each})"
    if slug == "regions":
        reached = len([label for label, _ in labelled if label in REGIONS])
        said += f" ; {plural(reached, 'région')} sur {len(REGIONS)} avec au moins une action"
    return said + "."


def busiest_day(labelled: list[tuple[str, int]]) -> str:
    if not labelled:
        return "Aucune action."
    top = max(count for _, count in labelled)
    busiest = [label.lower() for label, count in labelled if count == top]
    days_said = plural(len(labelled), "jour") + " d'actions"
    if len(busiest) == len(labelled) > 1:
        return f"{days_said}, autant chaque jour ({plural(top, 'action')})."
    if len(busiest) == 1:
        return f"{days_said} ; le plus chargé : {busiest[0]} ({plural(top, 'action')})."
    return f"{days_said} ; les plus chargés : {', '.join(busiest[:-1])} et {busiest[-1]} ({plural(top, 'action')} chacun)."


def make_table(year: int | None, slug: str, title: str, summary: str, label: str, rows: list[tuple[str, int]],
               cache: Cache) -> Table:
    address = link("report_table", year=year, slug=slug) if year else link("editions_table", slug=slug)
    return Table(slug, title, summary, label, tuple(rows), address, chart(rows, label, cache))


# Drawn for a phone: about 350 px wide in all, so that a 390 px screen shows it at its own size (its
# words 13 px) and a wide one beside its table; bars across, one a line, so no label meets another.
# The labels are measured in vl-convert's own font; a reader's sans-serif may be wider (DejaVu Sans,
# by 10 %): room is left for it on the left (SLACK), or the start of a long label would be cut.
FONT_SIZE, LABEL_WIDTH, BAR_WIDTH, SLACK = 13, 150, 130, 24
FRENCH_NUMBERS = {"decimal": ",", "thousands": "\u202f", "grouping": [3], "currency": ["", "\u00a0€"]}


def spec(rows: list[tuple[str, int]], label: str) -> dict[str, Any]:
    """A Vega-Lite bar chart: one bar per row, its number written at its end, whole numbers only."""
    category = {"field": "label", "type": "nominal", "sort": None, "title": None,
                "axis": {"labelLimit": LABEL_WIDTH, "labelFontSize": FONT_SIZE}}
    ticks = whole_ticks(max((count for _, count in rows), default=0))
    value = {"field": "count", "type": "quantitative", "title": "Actions", "scale": {"domain": [0, ticks[-1]]},
             "axis": {"values": ticks, "format": ",d", "labelFontSize": FONT_SIZE, "titleFontSize": FONT_SIZE}}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "data": {"values": [{"label": text, "count": count} for text, count in rows]},
        "width": BAR_WIDTH, "height": {"step": 26}, "padding": {"left": SLACK, "top": 5, "right": 5, "bottom": 5},
        "layer": [{"mark": {"type": "bar", "color": "#3f51b5"}},
                  {"mark": {"type": "text", "fontSize": FONT_SIZE, "color": "#1b1b1b", "dx": 4, "align": "left"},
                   "encoding": {"text": {"field": "count", "type": "quantitative", "format": ",d"}}}],
        "encoding": {"y": category, "x": value},
        "config": {"font": "sans-serif", "view": {"stroke": None}, "background": "#ffffff"},
    }


def whole_ticks(top: int) -> list[int]:
    """At most five ticks of whole actions from 0 past `top`, 1, 2 or 5 times a power of ten apart."""
    step = 1
    while top > 4 * step:
        step = step * 5 // 2 if str(step)[0] == "2" else step * 2  # 1, 2, 5, 10, 20, 50…
    return list(range(0, -(-max(top, 1) // step) * step + 1, step))


def chart(rows: list[tuple[str, int]], label: str, cache: Cache) -> str:
    """The chart as SVG, made once for the same data (the live preview keeps it), hidden from screen
    readers: the table beside it says the same."""
    if not rows:
        return ""
    text = json.dumps(spec(rows, label), ensure_ascii=False, sort_keys=True)
    key = ("chart", hashlib.sha256(text.encode()).hexdigest())

    def draw() -> str:
        import vl_convert  # its engine starts on first use (about a second): only when a chart is drawn

        svg = vl_convert.vegalite_to_svg(json.loads(text), format_locale=FRENCH_NUMBERS).replace(' class="marks"', "", 1)
        return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" class="ssp-chart__svg" ', 1)
    return cache.get(key, draw)


def table_csv(table: Table) -> bytes:
    """A table for a spreadsheet: UTF-8 with BOM, « ; »."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([table.label, "Actions"])
    writer.writerows(table.rows)
    return out.getvalue().encode("utf-8-sig")
