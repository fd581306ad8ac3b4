"""The listing's data (exports/data.py): its records in a day's order, their days, in columns."""

from __future__ import annotations

from ssp.exports.data import listing_order, row_days


def test_an_action_of_several_days_is_under_each_of_its_days_across_a_month_and_a_leap_day():
    assert row_days({"start": "2028-02-28T09:00:00+01:00", "end": "2028-03-01T17:00:00+01:00"}) == [
        "2028-02-28", "2028-02-29", "2028-03-01"]
    assert row_days({"start": "2030-09-16", "end": None}) == ["2030-09-16"]
    assert row_days({"start": "2030-09-16T23:00:00+04:00", "end": "2030-09-17T01:00:00+04:00"}) == [
        "2030-09-16", "2030-09-17"]  # the venue's own dates, never converted
    assert len(row_days({"start": "2030-01-01", "end": "2032-01-01"})) == 400  # bounded


def test_a_days_records_come_all_day_first_then_by_time_then_by_title():
    rows = [{"all_day": False, "start": "2030-09-16T14:00:00+02:00", "title": "b"},
            {"all_day": False, "start": "2030-09-16T09:30:00+02:00", "title": "Z"},
            {"all_day": True, "start": "2030-09-16", "title": "y"},
            {"all_day": False, "start": "2030-09-16T09:30:00+02:00", "title": "a"}]
    assert [row["title"] for row in sorted(rows, key=listing_order)] == ["y", "a", "Z", "b"]
