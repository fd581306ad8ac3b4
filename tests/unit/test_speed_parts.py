"""The parts that make large builds and the live preview fast give the same results as the slow way."""

from __future__ import annotations

import os
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar.parser.string import _foldline

from helpers import EVENT, front_matter
from ssp.exports import ics
from ssp.parallel import MIN_ITEMS, parallel_map


def test_parallel_map_keeps_order_and_runs_in_other_processes():
    items = list(range(MIN_ITEMS * 3))
    offset = 7  # a closure: workers inherit it, nothing is pickled but results
    results = parallel_map(lambda item: (item + offset, os.getpid()), items, workers=2)
    assert [value for value, _ in results] == [item + offset for item in items]
    assert os.getpid() not in {pid for _, pid in results}


def test_small_jobs_stay_in_this_process():
    results = parallel_map(lambda item: os.getpid(), list(range(MIN_ITEMS - 1)), workers=2)
    assert set(results) == {os.getpid()}


FOLD_ALPHABET = st.sampled_from("ab ,;:\\^é€😀\u00a0x")
# Random lines, and lines whose random end falls on a fold (73 to 77 octets, one or two folds in):
# multi-byte characters, « \\ » and « ^ » right at the boundary.
FOLD_LINES = st.one_of(
    st.text(alphabet=FOLD_ALPHABET, max_size=400),
    st.builds(lambda size, end: "a" * size + end, st.sampled_from([70, 71, 72, 73, 74, 75, 145, 146, 147, 148, 149]),
              st.text(alphabet=FOLD_ALPHABET, min_size=1, max_size=10)))


@settings(max_examples=500)
@given(FOLD_LINES)
def test_calendar_lines_are_folded_exactly_as_icalendar_folds_them(line):
    assert ics.fold(line) == _foldline(line).encode()


@pytest.mark.parametrize("character", ["é", "€", "😀", "\\;", "^^", "\u00a0"])
@pytest.mark.parametrize("before", range(68, 80))
def test_folding_at_the_75_octet_boundary(before, character):
    line = "a" * before + character + "b" * 90  # 160 octets or more: two folds, the character at the first
    assert len(line.encode()) > 150
    folded = ics.fold(line)
    assert folded == _foldline(line).encode()
    assert max(len(part) for part in folded.split(b"\r\n")) <= 75
    assert folded.replace(b"\r\n ", b"") == line.encode()


def test_the_preview_reloads_only_changed_event_files(project):
    project.edition()
    for slug in ("a", "b", "c"):
        project.event(slug, front_matter(title=f"Action {slug}"))
    first = {event.slug: event for event in project.load()[0].events}
    first["a"].memo["made"] = "kept"

    project.event("b", front_matter(title="Autre titre"))
    (project.root / "campaigns/2017/events/c.md").unlink()
    second = {event.slug: event for event in project.load()[0].events}

    assert second["a"] is first["a"] and second["a"].memo["made"] == "kept"
    assert second["b"] is not first["b"] and second["b"].meta.title == "Autre titre"
    assert set(second) == {"a", "b"}

    project.write("campaigns/contacts/ars.yml", "name: ARS\n")  # what events may refer to changed
    assert {event.slug: event for event in project.load()[0].events}["a"] is not first["a"]


def test_what_is_kept_with_an_event_depends_on_the_site_address(project):
    project.edition()
    project.event("a", EVENT)
    event = project.load()[0].events[0]
    one = ics.Calendars("https://un.example/", date(2017, 11, 1)).event_calendar(event)
    two = ics.Calendars("https://deux.example/", date(2017, 11, 1)).event_calendar(event)
    assert b"https://un.example/2017/evenements/a/" in one
    assert b"https://deux.example/2017/evenements/a/" in two and b"un.example" not in two


def test_structured_data_carries_a_summary_of_long_descriptions():
    from ssp.text import summary

    long = " ".join(["patients"] * 100)
    cut = summary(long)
    assert len(cut) <= 301 and cut.endswith("patients…") and long.startswith(cut[:-1])
    assert summary("Une  action\ncourte.") == "Une action courte."


def test_a_worker_killed_by_the_system_ends_the_wait_with_a_french_message():
    import subprocess
    import sys
    import textwrap

    from helpers import ROOT

    script = textwrap.dedent("""
        import os, signal, sys
        sys.path.insert(0, "hooks")
        from ssp.parallel import WorkerLost, parallel_map
        def work(item):
            if item == 300:
                os.kill(os.getpid(), signal.SIGKILL)  # what the out-of-memory killer does
            return item
        try:
            parallel_map(work, list(range(1000)), 2, "lecture des actions")
        except WorkerLost as error:
            print(error)
    """)
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.stdout.startswith("un processus de travail s'est arrêté brutalement pendant « lecture des actions »")


def test_parallel_results_keep_their_order():
    from ssp.parallel import parallel_map

    assert parallel_map(lambda item: item * 2, list(range(1000)), 2) == [item * 2 for item in range(1000)]
