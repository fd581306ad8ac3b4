"""The map of France by region: shapes (hooks/ssp/data/france-regions.json) and event counts.

Metropolitan regions are drawn from their départements; the five overseas regions are
insets along the bottom. The template (overrides/partials/ssp/region-map.html) draws it,
each region a link to the listing filtered on it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .models import Edition
from .vocab import REGIONS

DATA = Path(__file__).parent / "data" / "france-regions.json"
OVERSEAS = ["Guadeloupe", "Martinique", "Guyane", "La Réunion", "Mayotte"]
# Sizes in the map's units: on a 390 px phone the map is drawn at 0.58 px a unit, so an overseas box
# is 47 px tall (a finger's 44) and its name, 21 units, 12 px.
INSET_TOP, INSET_HEIGHT, INSET_WIDTH, INSET_GAP = 600, 80, 114, 9
# Regions too small to tap on a phone's map: a wider, invisible target (a circle 76 units across,
# 44 px at 390 px) around their figure.
SMALL = {"Île-de-France", "Corse"}
SHADES = 4  # fill levels, from the fewest events to the most


@dataclass(frozen=True)
class MapRegion:
    name: str
    count: int
    shade: int  # 0: no event; 1..SHADES
    path: str = ""  # metropolitan shape
    label: tuple[int, int] = (0, 0)
    inset: tuple[int, int, int, int] | None = None  # x, y, width, height of an overseas box
    small: bool = False  # drawn with a wider target (SMALL)


@dataclass(frozen=True)
class RegionMap:
    view_box: str
    attribution: str
    regions: list[MapRegion]


@lru_cache(maxsize=1)
def shapes() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def region_counts(edition: Edition) -> dict[str, int]:
    counts = dict.fromkeys(REGIONS, 0)
    for event in edition.events:
        if event.meta.region:
            counts[event.meta.region] += 1
    return counts


def region_map(edition: Edition) -> RegionMap:
    data, counts = shapes(), region_counts(edition)
    top = max(counts.values()) or 1
    regions = []
    for name, count in counts.items():
        shade = 1 + (SHADES - 1) * (count - 1) // max(top - 1, 1) if count else 0
        common: dict[str, Any] = {"name": name, "count": count, "shade": shade}
        if name in OVERSEAS:
            index = OVERSEAS.index(name)
            x = INSET_GAP + index * (INSET_WIDTH + INSET_GAP)
            regions.append(MapRegion(**common, inset=(x, INSET_TOP, INSET_WIDTH, INSET_HEIGHT),
                                     label=(x + INSET_WIDTH // 2, INSET_TOP + INSET_HEIGHT // 2)))
        else:
            shape = data["regions"][name]
            regions.append(MapRegion(**common, path=shape["path"], label=tuple(shape["label"]), small=name in SMALL))
    width = data["viewBox"].split()[2]
    return RegionMap(f"0 0 {width} {INSET_TOP + INSET_HEIGHT + INSET_GAP}", data["attribution"], regions)
