"""The listing's data (exports/data.py): its records in the pages' order of a day, their days, in columns."""

from __future__ import annotations

import json

from helpers import front_matter, listing_rows
from ssp.exports.data import listing_json, records


def test_records_come_in_the_pages_order_and_a_several_days_action_ranks_each_of_its_days(project):
    project.edition()
    project.event("expo", front_matter(title="Exposition", start="2017-11-30", end="2017-12-01"))  # across a month
    project.event("tard", front_matter(title="b atelier", start="2017-11-20T14:00", end=None))
    project.event("tot", front_matter(title="Z atelier", start="2017-11-20T09:30", end=None))
    project.event("tot2", front_matter(title="a atelier", start="2017-11-20T09:30", end=None))
    project.event("jour", front_matter(title="y journée", start="2017-11-20", end=None))
    edition = project.load()[0]
    files = dict(listing_json(edition, records(edition, "https://example.org/"), "https://example.org/"))
    rows = listing_rows(files["2017/evenements/liste.json"].decode())
    assert [row["title"] for row in rows] == ["Exposition", "y journée", "a atelier", "Z atelier", "b atelier"]  # all-day, by time, by title
    assert [row["days"] for row in rows if row["title"] == "Exposition"] == [["2017-11-30", "2017-12-01"]]
    pages = [event.meta.title for day, items in edition.days for event, _ in items]  # the static pages' order
    assert [title for title in pages if title != "Exposition"] == [row["title"] for row in rows if row["title"] != "Exposition"]
    words = json.loads(files["2017/evenements/liste-mots-0.json"])["words"]
    assert len(words) == len(rows) and "journee" in words[1].split()
