"""The parts that make large builds and the live preview fast give the same results as the slow way."""

from __future__ import annotations

import os
import re
import time
from datetime import date

import jinja2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar.parser.string import _foldline

from helpers import EVENT, front_matter
from ssp.exports import ics
from ssp.parallel import MIN_ITEMS, parallel_map


def shifted(offset: int, item: int) -> tuple[int, int]:
    return item + offset, os.getpid()


def test_parallel_map_keeps_order_and_runs_in_other_processes():
    items = list(range(MIN_ITEMS * 3))
    results = parallel_map(shifted, 7, items, 2, "essai")  # the context (7) is inherited, nothing pickled but results
    assert [value for value, _ in results] == [item + 7 for item in items]
    assert os.getpid() not in {pid for _, pid in results}


def test_small_jobs_stay_in_this_process():
    results = parallel_map(shifted, 0, list(range(MIN_ITEMS - 1)), 2, "essai")
    assert {pid for _, pid in results} == {os.getpid()}


def test_parallel_work_is_a_module_level_function():
    with pytest.raises(TypeError, match="module-level"):
        parallel_map(lambda context, item: item, None, list(range(MIN_ITEMS)), 2, "essai")


def stuck(seconds: float, item: int) -> int:
    if item == MIN_ITEMS:
        time.sleep(seconds)
    return item


@pytest.mark.parametrize("said", ["argument", "SSP_WORKER_TIMEOUT"])
def test_a_stuck_worker_ends_the_wait_with_a_french_message_naming_the_step(said, monkeypatch):
    """The step's limit given by its caller, or by SSP_WORKER_TIMEOUT (read when the step starts)."""
    from ssp.parallel import WorkerLost, start_map

    monkeypatch.setenv("SSP_WORKER_TIMEOUT", "2" if said == "SSP_WORKER_TIMEOUT" else "600")
    started = time.monotonic()
    with pytest.raises(WorkerLost) as caught:
        start_map(stuck, 600, list(range(MIN_ITEMS * 2)), 2, "écriture des pages d'actions",
                  wait=2 if said == "argument" else None)()
    assert time.monotonic() - started < 30  # not the 600 s the worker sleeps: it was stopped
    assert str(caught.value).startswith("L'étape « écriture des pages d'actions » de la construction n'a pas fini en 2 s")


@pytest.mark.parametrize(("value", "limit"), [("", 900), ("45", 45), ("0", 900), ("-5", 900), ("dix", 900)])
def test_a_step_s_limit_is_900_s_unless_ssp_worker_timeout_says_a_positive_number(value, limit, monkeypatch):
    from ssp.parallel import step_limit

    monkeypatch.setenv("SSP_WORKER_TIMEOUT", value)
    assert step_limit() == limit


def slept(seconds: float, item: int) -> int:
    time.sleep(seconds)
    return item


def test_work_no_longer_wanted_is_not_finished():
    """A build the content stops while share pictures are drawn in the background (build.py): its workers
    are ended at once, instead of drawing every picture."""
    import multiprocessing

    from ssp.parallel import start_map

    before = set(multiprocessing.active_children())
    start_map(slept, 0.02, list(range(MIN_ITEMS * 4)), 2, "essai").cancel()  # 16 s of work
    started = time.monotonic()
    while set(multiprocessing.active_children()) - before and time.monotonic() - started < 15:
        time.sleep(0.1)
    assert time.monotonic() - started < 3 and not set(multiprocessing.active_children()) - before

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


@pytest.mark.parametrize("character", ["é", "€", "😀", "\\;", "^^", "\u00a0", "X;"])
@pytest.mark.parametrize("before", range(68, 80))
def test_folding_at_the_75_octet_boundary(before, character):
    line = "a" * before + character + "b" * 90  # 160 octets or more: two folds, the character at the first
    assert len(line.encode()) > 150
    folded = ics.fold(line)
    assert folded == _foldline(line).encode()
    assert max(len(part) for part in folded.split(b"\r\n")) <= 75
    assert folded.replace(b"\r\n ", b"") == line.encode()


def test_the_preview_reloads_only_changed_event_files(project):
    from ssp.cache import Cache
    from ssp.load import load_all

    cache = Cache()

    def load() -> dict:  # what the preview does at each rebuild
        events = load_all(project.root / "campaigns", project.root, cache=cache).editions[0].events
        cache.sweep()
        return {event.slug: event for event in events}

    project.edition()
    for slug in ("a", "b", "c"):
        project.event(slug, front_matter(title=f"Action {slug}"))
    first = load()
    project.event("b", front_matter(title="Autre titre"))
    (project.root / "campaigns/2017/events/c.md").unlink()
    second = load()

    assert second["a"] is first["a"]
    assert second["b"] is not first["b"] and second["b"].meta.title == "Autre titre"
    assert set(second) == {"a", "b"}
    assert sorted(cache.entries) == sorted(("event", event.digest) for event in second.values())  # old b and c forgotten

    project.write("campaigns/contacts/ars.yml", "name: ARS\n")  # what events may refer to changed
    assert load()["a"] is not first["a"]


def test_what_is_made_from_an_event_is_keyed_by_its_content(project):
    from ssp.cache import Cache

    cache = Cache()
    maker = ics.Calendars("https://ssp.example/", date(2017, 11, 1), cache=cache)
    project.edition()
    project.event("a", front_matter(title="Premier titre"))
    assert b"SUMMARY:Premier titre" in maker.event_calendar(project.load()[0].events[0])
    cache.sweep()  # a build ends
    project.event("a", front_matter(title="Second titre"))
    event = project.load()[0].events[0]
    assert b"SUMMARY:Second titre" in maker.event_calendar(event)
    assert all(key[1] == event.digest for key in cache.used)  # this build used the new content's entries only
    cache.sweep()
    assert {key[0] for key in cache.entries} == {"vevents", "calendar"} and len(cache.entries) == 2


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
        def work(context, item):
            if item == 300:
                os.kill(os.getpid(), signal.SIGKILL)  # what the out-of-memory killer does
            return item
        try:
            parallel_map(work, None, list(range(1000)), 2, "lecture des actions")
        except WorkerLost as error:
            print(error)
    """)
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.stdout.startswith("L'étape « lecture des actions » de la construction s'est arrêtée : un processus de travail "
                                    "a été tué (mémoire insuffisante ?) : rien n'a été publié")


def test_a_full_disk_or_a_temporary_folder_that_cannot_be_made_ends_the_step_with_a_french_message(tmp_path, monkeypatch):
    """The workers' results go through files of the temporary folder: a full disk there (or a page that cannot be
    written) stops the build with what failed and where, in French, not a traceback (site.py makes it a Stop)."""
    from ssp import parallel

    def full(*args, **options):
        raise OSError(28, "No space left on device", str(tmp_path / "0.pickle"))
    monkeypatch.setattr(parallel.pickle, "dump", full)  # in the forked workers too
    with pytest.raises(parallel.WorkerLost) as lost:
        parallel.parallel_map(marked, tmp_path, list(range(MIN_ITEMS * 2)), 2, "écriture des pages d'actions")
    assert str(lost.value).startswith("L'étape « écriture des pages d'actions » de la construction n'a pas pu écrire ou lire "
                                      f"un fichier (No space left on device : {tmp_path / '0.pickle'} ; disque plein ?")
    assert "rien n'a été publié" in str(lost.value)
    monkeypatch.undo()
    monkeypatch.setattr(parallel.tempfile, "tempdir", str(tmp_path / "absent"))
    with pytest.raises(parallel.WorkerLost, match="n'a pas pu écrire ou lire un fichier"):
        parallel.parallel_map(marked, tmp_path, list(range(MIN_ITEMS * 2)), 2, "lecture des actions")


def timed_result(_: None, item: int) -> tuple[float, bytes]:
    return time.monotonic(), os.urandom(200_000)


def test_workers_hand_their_results_over_while_this_process_is_busy():
    """A worker's results (a share picture: 50 KB) no longer go through the pool's pipe, which only a thread
    of this process holding the interpreter's lock reads: while this process was busy in Python, a worker
    sending megabytes waited, its core idle (parallel.py). Here this process keeps the lock for 50 ms at a time
    (sorting), as it does rendering pages, for 4 s: through the pipe, the workers' 80 MB of results were not all
    made by then (checked: this test fails with the pipe)."""
    from ssp.parallel import start_map

    started = time.monotonic()
    pending = start_map(timed_result, None, list(range(MIN_ITEMS * 2)), 2, "essai")
    numbers = [float(n) for n in os.urandom(300_000)]
    while time.monotonic() - started < 4:
        sorted(numbers)  # C code: the lock is not let go while it runs
    made = [moment for moment, _ in pending()]
    assert max(made) - started < 3  # every item made while this process was busy (a few tenths of a second)


def niceness(_: None, item: int) -> int:
    return os.nice(0)


def test_work_wanted_only_at_the_end_runs_at_a_low_priority():
    """Items from `idle_from` on (the posters of past actions, the share pictures) give way to the rest of
    the build: the search index, the pages MkDocs renders."""
    from ssp.parallel import start_map

    items = list(range(MIN_ITEMS * 4))
    here = os.nice(0)
    found = start_map(niceness, None, items, 2, "essai", idle_from=MIN_ITEMS * 2)()
    assert set(found[:MIN_ITEMS]) == {here}  # the chunk across `idle_from` may run either way
    assert set(found[-MIN_ITEMS:]) == {min(here + 10, 19)}
    assert set(start_map(niceness, None, items, 2, "essai")()) == {here}


def marked(folder, item: int) -> int:
    if item >= MIN_ITEMS:
        time.sleep(0.002)
    (folder / str(item)).touch()
    return item


@pytest.mark.parametrize("workers", [1, 2])
def test_waiting_for_the_first_items_only(tmp_path, workers):
    """The search index begins as soon as the pages it reads, written first, are (framed_pages.py): wait_for(n)
    returns once the first n items are done, in other processes or in this one."""
    from ssp.parallel import start_map

    pending = start_map(marked, tmp_path, list(range(MIN_ITEMS * 3)), workers, "essai")
    pending.wait_for(MIN_ITEMS)
    assert {str(item) for item in range(MIN_ITEMS)} <= {path.name for path in tmp_path.iterdir()}
    assert pending() == list(range(MIN_ITEMS * 3))


def late_last(folder, item: int) -> int:
    """The last item ends long after the others, and says when."""
    if item == MIN_ITEMS * 3 - 1:
        time.sleep(1)
        (folder / "fin").write_text(repr(time.time()))
    return item


def test_the_results_of_the_first_chunks_are_read_while_the_last_are_made(tmp_path, monkeypatch):
    """The main process reads each chunk's results as soon as it is done (5,000 actions: 0.3 s of reading that left
    both cores idle at the end of the loading), in order."""
    from ssp import parallel

    read: list[float] = []
    load = parallel.pickle.load
    monkeypatch.setattr(parallel.pickle, "load", lambda file: read.append(time.time()) or load(file))
    assert parallel.parallel_map(late_last, tmp_path, list(range(MIN_ITEMS * 3)), 2, "essai") == list(range(MIN_ITEMS * 3))
    assert len(read) > 2 and read[0] < float((tmp_path / "fin").read_text()) - 0.5


def test_share_pictures_drawn_in_the_background_are_the_last_files(project):
    """The adapter asks for the share pictures at the end of the build (site.py: on_post_build), drawn meanwhile
    on the cores the build leaves idle; the core's other callers get them with the rest."""
    from ssp.build import build_site

    project.edition()
    project.event("a", front_matter(title="Atelier"))
    picture = "2017/evenements/a/partage.jpg"
    late = build_site(project.root, today=date(2017, 11, 1), background=True)
    assert picture not in late.files and "2017/evenements/a.ics" in late.files
    assert list(late.finish()) == [picture] and late.files[picture][:2] == b"\xff\xd8"
    assert build_site(project.root, today=date(2017, 11, 1)).files[picture] == late.files[picture]


def test_the_results_a_killed_build_left_are_removed_by_the_next(tmp_path, monkeypatch):
    """Results come back through files (parallel.py), removed once read, when the work is cancelled, or when the
    process exits; a build killed outright leaves its folder, which the next build removes."""
    import subprocess
    import sys
    import tempfile

    from ssp.parallel import start_map

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    left = tmp_path / f"ssp-{gone.stdout.strip()}-k1ll3d"  # a process no longer running
    running = tmp_path / f"ssp-{os.getppid()}-running"  # another build's, running
    for folder in (left, running):
        folder.mkdir()
        (folder / "0.pickle").write_bytes(b"")
    pending = start_map(shifted, 0, list(range(MIN_ITEMS * 2)), 2, "essai")
    assert not left.exists() and running.exists()
    assert [value for value, _ in pending()] == list(range(MIN_ITEMS * 2))
    assert [path.name for path in tmp_path.iterdir()] == [running.name]  # its own, removed once read


def test_parallel_results_keep_their_order():
    from ssp.parallel import parallel_map

    assert [value for value, _ in parallel_map(shifted, 0, list(range(1000)), 2, "essai")] == list(range(1000))


def test_a_build_of_another_day_remakes_the_calendars_but_keeps_the_share_picture(project, monkeypatch):
    from ssp.build import build_site
    from ssp.cache import Cache
    from ssp.exports import shareimage

    project.edition()
    project.event("a", front_matter(title="Atelier"))
    drawn: list[str] = []
    draw = shareimage.event_image
    monkeypatch.setattr(shareimage, "event_image", lambda year, title, *rest: drawn.append(title) or draw(year, title, *rest))
    kept = Cache()
    first = build_site(project.root, today=date(2017, 11, 1), site_url="https://ssp.example/", cache=kept)
    second = build_site(project.root, today=date(2017, 11, 2), site_url="https://ssp.example/", cache=kept)  # the next day
    assert drawn == ["Atelier"]  # drawn once, in the background (build.draw_picture), then kept
    picture = "2017/evenements/a/partage.jpg"
    assert first.files[picture] == second.files[picture] and first.files[picture][:2] == b"\xff\xd8"  # a JPEG
    calendar = "2017/evenements/a.ics"
    assert b"DTSTAMP:20171101" in first.files[calendar] and b"DTSTAMP:20171102" in second.files[calendar]


def test_templates_read_the_environment_s_globals_from_a_plain_dict_as_they_read_them_from_jinja_s():
    """framed_pages.plain_globals: the templates loaded before it and after it see what they saw without it, each
    template its own globals (get_template(name, globals=…) changes that template's only), from a dict Jinja
    copies quickly."""
    from framed_pages import plain_globals

    def renders(plain: bool) -> tuple[list[str], set[type]]:
        env = jinja2.Environment(loader=jinja2.DictLoader({"a.html": "{{ g }}-{{ h }}", "b.html": "{% include 'a.html' %}+{{ g }}",
                                                           "c.html": "{{ g }}-{{ h }}"}))
        env.globals.update(g="1", h="2")
        loaded = env.get_template("a.html", globals={"h": "propre"})
        if plain:
            plain_globals(env)
        seen = [loaded.render(), env.get_template("b.html").render(), env.get_template("c.html").render(g="3")]
        env.get_template("c.html", globals={"g": "changé"})
        seen += [env.get_template(name).render() for name in ("a.html", "b.html", "c.html")]
        return seen, {type(template.globals) for template in env.cache.values()}

    assert renders(plain=True)[0] == renders(plain=False)[0] == ["1-propre", "1-2+1", "3-2", "1-propre", "1-2+1", "changé-2"]
    assert renders(plain=True)[1] == {dict}


@given(st.dictionaries(st.sampled_from(["text", "details", "location", "body", "subject"]), st.text(), max_size=5))
def test_calendar_links_encode_their_fields_as_urlencode_does(fields):
    """ics._query encodes each value once for both « Ajouter à mon agenda » links: what urlencode gives."""
    from urllib.parse import urlencode
    assert ics._query(fields, {}) == urlencode(fields)
    quoted: dict[str, str] = {}
    assert ics._query(fields, quoted) == ics._query(fields, quoted) == urlencode(fields)  # reused


@pytest.mark.parametrize("url", ["https://a.fr/", "https://semaine.example.gouv.fr/2026/evenements/portes-ouvertes-de-la-maternite/",
                                 "https://x.fr/" + "chemin-très-long/" * 40])
def test_a_qr_code_s_path_draws_its_dark_modules_and_no_other(url):
    """poster.qr_svg writes each row's runs, all rows read at once: the path's strokes are the code's dark modules."""
    import zxingcpp

    from ssp.poster import QUIET, qr_svg

    image = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M").to_image(scale=1, add_quiet_zones=False)
    height, width = image.shape
    modules = memoryview(image).tobytes()
    dark = {(x, y) for y in range(height) for x in range(width) if modules[y * width + x] == 0}
    drawn = set()
    for row in re.findall(r"M[^M]+", re.search(r'stroke="#000" d="([^"]+)"', qr_svg(url)).group(1)):
        x, y = (float(number) for number in re.match(r"M(\d+) ([\d.]+)", row).groups())
        for move, length in re.findall(r"(m|h)(\d+)", row):
            if move == "h":
                drawn |= {(int(x) - QUIET + step, int(y - 0.5) - QUIET) for step in range(int(length))}
            x += int(length)
    assert drawn == dark and len(dark) > 100
