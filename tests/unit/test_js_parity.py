"""What Python and the site's scripts both compute, computed alike: the town key of every commune
(hooks/ssp/communes.py ↔ places.js), the words and the hours of the listing (text.py, frenchdates.py ↔
filters.js), and the JavaScript's own unit tests (tests/js/, `node --test`)."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date, datetime, timedelta, timezone

from helpers import ROOT
from ssp.communes import DATA, town_key
from ssp.frenchdates import time_span
from ssp.text import french_spaced, search_words
from ssp.vocab import DEPARTEMENTS

NODE = shutil.which("node") or "node"  # installed by `make test` (Debian's npm brings it): never skipped

KEYS = """
const { load } = require("./tests/js/load");
const places = load("places.js").sspPlaces("");
const names = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(names.map(places.townKey)));
"""


def js_town_keys(names: list[str]) -> list[str]:
    result = subprocess.run([NODE, "-e", KEYS], input=json.dumps(names), cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_every_commune_and_departement_has_the_same_town_key_in_python_and_in_the_browser():
    names = [commune[0] for commune in json.loads(DATA.read_text(encoding="utf-8"))["communes"]]
    names += list(DEPARTEMENTS.values()) + ["St-Étienne Cedex 2", "Lyon 3e Arrondissement", "Paris 16ème", "L'Haÿ-les-Roses",
                                            "Œuvre-sur-Mer", "Villeneuve-d’Ascq", "Ste-Foy-lès-Lyon", "Château-Thierry CEDEX", "  Douai  "]
    assert len(names) > 34000
    differ = [(name, python, javascript) for name, python, javascript in
              zip(names, map(town_key, names), js_town_keys(names)) if python != javascript]
    assert not differ, differ[:20]


WORDS = """
const { load } = require("./tests/js/load");
const L = load("filters.js").sspListing;
const texts = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(texts.map((text) => [...new Set(L.fold(text).split(/\\s+/).filter(Boolean))].join(" "))));
"""


def test_the_listings_words_are_folded_at_build_as_the_browser_folds_a_search():
    texts = ["Hôpital Saint-Éloi ÉTÉ — l’hôpital", "Œuvre  CŒUR\u00a0cœur\tÇà et là", "İstanbul ΟΔΟΣ ẞ Straße",
             "Noël, Noël ; « Noël » 1er 2e", "\ufeffA\u202fb\u2009c d\u3000e", "ﬁche ＡＢＣ ① x²", "Ελληνικά Ἀθῆναι", ""]
    texts += list(DEPARTEMENTS.values())
    result = subprocess.run([NODE, "-e", WORDS], input=json.dumps(texts), cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [search_words(text) for text in texts]


SPANS = """
const { load } = require("./tests/js/load");
const L = load("filters.js").sspListing;
const records = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(records.map(L.span)));
"""


def test_a_cards_hours_are_written_alike_by_the_build_and_by_the_listings_script():
    reunion = timezone(timedelta(hours=4))
    moments = [datetime(2030, 9, 16, 9, tzinfo=reunion), datetime(2030, 9, 16, 14, 30, tzinfo=reunion),
               datetime(2030, 9, 16, 23, 5, tzinfo=reunion), datetime(2030, 9, 17, 0, 45, tzinfo=reunion),
               datetime(2030, 10, 1, 10, tzinfo=reunion)]
    spans: list[tuple] = [(start, end) for start in moments for end in [None, *moments] if end is None or end > start]
    spans += [(date(2030, 9, 16), None), (date(2030, 9, 16), date(2030, 9, 16)), (date(2030, 9, 16), date(2030, 10, 1))]
    records = [{"all_day": not isinstance(start, datetime), "start": start.isoformat(), "end": end.isoformat() if end else ""}
               for start, end in spans]
    result = subprocess.run([NODE, "-e", SPANS], input=json.dumps(records), cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [time_span(start, end) for start, end in spans]
    assert "14\u00a0h\u00a030 – 23\u00a0h\u00a005" in json.loads(result.stdout)  # never cut on a narrow line


def test_the_javascript_unit_tests_pass():
    tests = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "tests" / "js").glob("*.test.js"))
    assert len(tests) >= 2
    result = subprocess.run([NODE, "--test", *tests], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout


SPACED = """
const { load } = require("./tests/js/load");
const L = load("filters.js").sspListing;
const texts = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(texts.map(L.spaced)));
"""


def test_the_cards_drawn_in_the_browser_are_spaced_as_the_pages_written_at_build():
    """filters.js draws the cards the build also writes (a test compares both): its French spacing is the pages' (french_spacing)."""
    texts = ["Le lundi 1er septembre 2030, 14 h – mardi 2 septembre 2030 à 9 h 30 (heure de La Réunion)", "21 actions : « Portes ouvertes »",
             "Organisateur : CH de Douai ; 2e étage ! Pourquoi ?", "« \n Déjà »", "H1N1 grippe, 3 Ça, 10:30, https://a.fr/?q=1 ; 12 / an",
             "2es rencontres, 1re fois, 4 ÉTÉ, 5\tx, 6\u00a0y", "Ελληνικά 3 Ἀθῆναι", "Prix : 1 500 €", "Atelier n° 1387, N°\n2, n° x", ""]
    result = subprocess.run([NODE, "-e", SPACED], input=json.dumps(texts), cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [french_spaced(text) for text in texts]
