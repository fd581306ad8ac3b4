"""A sheet from French Excel, imported then built: what the office typed is what readers see."""

from __future__ import annotations

import json

from builds import build
from helpers import excel_csv, row, ssp, typeset


def test_an_imported_excel_sheet_is_published_as_typed(fixture_project):
    fixture_project.edition()
    rows = [row(title='Journée "sécurité" ; 2e édition', at="10h00", until="11h30", text="Texte; suite\navec « guillemets »"),
            row(title='Journée "sécurité" ; 2e édition', at="14h00", until="16h30", status="Annulé"),
            row(title="Stand RU", type_="Stand d'information", start="22/11/2017", town="Lille", postal="59000",
                audience="Usagers et représentants des usagers")]
    result = ssp(fixture_project, "importer", str(excel_csv(fixture_project, rows)), "--edition", "2017")
    assert result.returncode == 0, result.stderr
    built = build(fixture_project.root)
    assert built.result.returncode == 0, built.result.stderr
    records = json.loads(built.text("2017/evenements.json"))["events"]
    by_start = {record["start"]: record for record in records}
    assert set(by_start) == {"2017-11-24T10:00:00+01:00", "2017-11-24T14:00:00+01:00", "2017-11-22"}
    morning = by_start["2017-11-24T10:00:00+01:00"]
    assert morning["title"] == 'Journée "sécurité" ; 2e édition' and morning["end"] == "2017-11-24T11:30:00+01:00"
    assert morning["description"] == "Texte; suite avec « guillemets »"
    assert by_start["2017-11-24T14:00:00+01:00"]["status"] == "cancelled"
    assert by_start["2017-11-22"]["type"] == "stand" and by_start["2017-11-22"]["audience"] == ["usagers"]
    page = built.html(morning["url"].split("127.0.0.1:8000/")[-1] + "index.html")
    assert page.h1.get_text(strip=True) == typeset('Journée "sécurité" ; 2e édition')
