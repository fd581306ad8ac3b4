"""Drafts and embargo: absent from the published site, present in the preview with a banner."""

from __future__ import annotations

import gzip
import json

from test_serve import wait_for

from builds import build, engine
from helpers import front_matter


def write_content(project):
    project.edition()
    project.event("publiee", front_matter(title="Action publiée"))
    project.event("brouillon", front_matter(title="Action en brouillon", draft="true"))
    project.event("embargo", front_matter(title="Action sous embargo", publish_from="2017-11-15"))


def test_drafts_and_embargoed_events_are_left_out_of_the_build(fixture_project):
    write_content(fixture_project)
    built = build(fixture_project.root, SOURCE_DATE_EPOCH="1510000000")  # 2017-11-06, before the embargo
    assert (built.site / "2017/evenements/publiee/index.html").is_file()
    assert not (built.site / "2017/evenements/brouillon").exists()
    assert not (built.site / "2017/evenements/embargo").exists()
    titles = [event["title"] for event in json.loads(built.text("2017/evenements.json"))["events"]]
    assert titles == ["Action publiée"]
    assert b"Action en brouillon" not in (built.site / "2017/agenda.ics").read_bytes()
    index = "\n".join(gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
                      for path in (built.site / "pagefind/fragment").glob("*.pf_fragment"))
    assert "Action publiée" in index and "brouillon" not in index and "embargo" not in index


def test_the_nightly_build_publishes_on_the_day(fixture_project):
    write_content(fixture_project)
    built = build(fixture_project.root, SOURCE_DATE_EPOCH="1510704000")  # 2017-11-15
    assert (built.site / "2017/evenements/embargo/index.html").is_file()
    assert not (built.site / "2017/evenements/brouillon").exists()


def test_the_preview_shows_drafts_with_a_banner(fixture_project):
    import socket
    import subprocess

    from builds import mkdocs_env

    write_content(fixture_project)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(engine("serve", "-a", f"127.0.0.1:{port}"),
                               cwd=fixture_project.root, env=mkdocs_env(SOURCE_DATE_EPOCH="1510000000"),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        draft = wait_for(f"http://127.0.0.1:{port}/2017/evenements/brouillon/", "Action en brouillon")
        assert "Brouillon : cette page n&#39;est visible que dans la prévisualisation." in draft
        embargo = wait_for(f"http://127.0.0.1:{port}/2017/evenements/embargo/", "Action sous embargo")
        assert "Publication prévue le mercredi 15 novembre 2017" in embargo
        published = wait_for(f"http://127.0.0.1:{port}/2017/evenements/publiee/", "Action publiée")
        assert "ssp-draft" not in published
    finally:
        process.terminate()
        process.wait(timeout=20)
