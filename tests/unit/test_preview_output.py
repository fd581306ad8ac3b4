"""The live preview's output folder: editions' files kept across rebuilds, rewritten only when changed."""

from __future__ import annotations

import os
import shutil

from preview_output import KeptOutput


def rebuild(kept: KeptOutput, site, written: dict[str, bytes], mkdocs_written: dict[str, bytes]) -> None:
    """What one rebuild does, in MkDocs' order: set aside, empty the folder, put back, write."""
    kept.set_aside(str(site))
    for entry in site.iterdir() if site.exists() else ():  # MkDocs empties its output folder
        (os.remove if entry.is_file() else shutil.rmtree)(entry)
    kept.put_back()
    for rel, content in mkdocs_written.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(content)
    for rel, content in written.items():
        kept.write(str(site / rel), content)
    kept.finish([str(site / rel) for rel in mkdocs_written])


def test_unchanged_files_are_kept_changed_ones_rewritten_and_stale_ones_removed(tmp_path):
    site, kept = tmp_path / "site", KeptOutput()
    page, calendar = b"<h1>A</h1>", b"BEGIN:VCALENDAR"
    mkdocs = {"index.html": b"accueil", "2017/index.html": b"edition"}
    rebuild(kept, site, {"2017/evenements/a/index.html": page, "2017/evenements/b/index.html": b"<h1>B</h1>",
                         "2017/agenda.ics": calendar, "agenda/occitanie.ics": b"region"}, mkdocs)
    inode = (site / "2017/evenements/a/index.html").stat().st_ino

    rebuild(kept, site, {"2017/evenements/a/index.html": page, "2017/agenda.ics": b"BEGIN:VCALENDAR\r\nchanged",
                         "agenda/occitanie.ics": b"region"}, mkdocs)

    assert (site / "2017/evenements/a/index.html").stat().st_ino == inode  # not written again
    assert (site / "2017/agenda.ics").read_bytes().endswith(b"changed")
    assert not (site / "2017/evenements/b").exists()  # the deleted event's page and folder are gone
    assert (site / "agenda/occitanie.ics").read_bytes() == b"region"  # outside editions: written each time
    assert (site / "2017/index.html").read_bytes() == b"edition" and (site / "index.html").exists()
    assert not os.path.exists(str(site) + ".editions")


def test_a_rebuild_that_failed_midway_starts_again_from_an_empty_folder(tmp_path):
    site, kept = tmp_path / "site", KeptOutput()
    rebuild(kept, site, {"2017/evenements/a/index.html": b"A"}, {})
    kept.set_aside(str(site))  # …and the rebuild stops before putting the editions back
    rebuild(kept, site, {"2017/evenements/a/index.html": b"A"}, {})
    assert (site / "2017/evenements/a/index.html").read_bytes() == b"A"
