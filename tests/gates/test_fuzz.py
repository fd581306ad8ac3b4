"""Gate 6: whatever an editor writes, the loader accepts it or answers in French with file and line."""

from __future__ import annotations

import string
import tempfile
from datetime import date, datetime
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import EDITION_2017, EVENT, Project
from ssp.models import EditionMeta, EventMeta, Slot, Venue
from ssp.problems import ContentError

KEYS = sorted(set(EventMeta.model_fields) | set(EditionMeta.model_fields) | set(Venue.model_fields) | set(Slot.model_fields))
YAML_WORDS = ["yes", "no", "on", "off", "~", "null", "0612", "14:00", "2017-11-31", "2017-02-29T25:61", "1e3", ".inf",
              "&a x", "*a", "!!python/object:os.system", "---", "...", "|", ">", "- x", "{a: b}", "[x", "'", '"', "#",
              "@", "`", "%YAML 1.1", "\t", "ÎLE-DE-FRANCE", "la réunion", "javascript:alert(1)", "https://example.org",
              "9999-12-31T23:59", "0001-01-01T00:00", "2100-12-31T23:59", "Guadeloupe", "97100", "2A", "20000"]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
    st.dates(min_value=date(1, 1, 1)), st.datetimes(min_value=datetime(1, 1, 1)),
    st.text(max_size=40), st.sampled_from(YAML_WORDS),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=12)), inner, max_size=4)),
    max_leaves=12)
mappings = st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=12)), values, max_size=10)
raw_yaml = st.lists(st.one_of(st.sampled_from(YAML_WORDS), st.text(string.printable + "éÎ«»\u00a0\u2028\ufeff", max_size=20)),
                    max_size=12).map(lambda parts: "\n".join(f"{part}" if i % 3 else f"{KEYS[i % len(KEYS)]}: {part}"
                                                                for i, part in enumerate(parts)))

FUZZ = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])


def dump(mapping) -> str:
    return yaml.safe_dump(mapping, allow_unicode=True, sort_keys=False)


def assert_accepted_or_explained(write) -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = Project(Path(folder))
        written = write(project)
        try:
            project.load()
        except ContentError as error:
            assert error.problems
            for problem in error.problems:
                assert problem.path in written, problem
                assert isinstance(problem.line, int) and problem.line >= 0, problem
                assert problem.message and "Input should" not in problem.message and "Field required" not in problem.message


@FUZZ
@given(mappings)
def test_event_front_matter_from_yaml_values(mapping):
    def write(project):
        project.edition(text=EDITION_2017)
        project.write("campaigns/2017/events/x.md", "---\n" + dump(mapping) + "---\nTexte\n")
        return {"campaigns/2017/events/x.md"}
    assert_accepted_or_explained(write)


@FUZZ
@given(raw_yaml)
def test_event_front_matter_from_raw_text(text):
    def write(project):
        project.edition(text=EDITION_2017)
        project.write("campaigns/2017/events/x.md", "---\n" + text + "\n---\nTexte\n")
        return {"campaigns/2017/events/x.md"}
    assert_accepted_or_explained(write)


@FUZZ
@given(mappings, raw_yaml)
def test_edition_files(mapping, text):
    def write(project):
        project.edition(text=dump(mapping))
        project.write("campaigns/2018/edition.yml", text)
        project.event("x", EVENT)
        return {"campaigns/2017/edition.yml", "campaigns/2018/edition.yml", "campaigns/2017/events/x.md", "campaigns/2018"}
    assert_accepted_or_explained(write)


@FUZZ
@given(st.binary(max_size=200))
def test_any_bytes(data):
    def write(project):
        project.edition(text=EDITION_2017)
        project.write("campaigns/2017/events/x.md", data)
        return {"campaigns/2017/events/x.md"}
    assert_accepted_or_explained(write)
