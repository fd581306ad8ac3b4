"""Build hooks/ssp/data/communes.json from the npm package @etalab/decoupage-administratif.

Run by hand when the official data changes (`python tools/make_communes.py`); the result is
committed so that building the site needs no npm. It holds, for every commune of the campaign's
départements (current communes, and former communes now delegated or associated, under their own
name with the postal codes of the commune they belong to): its name, its département and its
postal codes. The site serves the same file to the home page's « près de chez vous » box
(hooks/ssp/communes.py checks events' towns against it).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from ssp.vocab import REGION_OF_DEPARTEMENT  # noqa: E402

PACKAGE = ROOT / "node_modules" / "@etalab" / "decoupage-administratif"
TARGET = ROOT / "hooks" / "ssp" / "data" / "communes.json"


def communes_data() -> dict:
    version = json.loads((PACKAGE / "package.json").read_text(encoding="utf-8"))["version"]
    source = json.loads((PACKAGE / "data" / "communes.json").read_text(encoding="utf-8"))
    current = {row["code"]: row for row in source if row["type"] == "commune-actuelle"}
    communes = set()
    for row in source:
        if row.get("departement") not in REGION_OF_DEPARTEMENT or row["type"] == "arrondissement-municipal":
            continue  # Paris, Lyon, Marseille: the commune carries every postal code of its arrondissements
        owner = row if row["type"] == "commune-actuelle" else current.get(row.get("chefLieu", ""), {})
        communes.add((row["nom"], row["departement"], " ".join(sorted(owner.get("codesPostaux", [])))))
    return {"source": f"Communes et codes postaux : @etalab/decoupage-administratif {version} "
                      "(Insee, La Poste), via le paquet npm du même nom",
            "communes": sorted(communes)}


def serialised(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def main() -> None:
    TARGET.write_text(serialised(communes_data()), encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)} : {len(communes_data()['communes'])} communes, {TARGET.stat().st_size // 1024} Ko")


if __name__ == "__main__":
    main()
