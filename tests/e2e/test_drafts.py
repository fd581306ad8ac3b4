"""Drafts and embargo: absent from the published site, present in the preview with a banner."""

from __future__ import annotations

import gzip
import json

from test_serve import wait_for

from builds import build, engine
from helpers import front_matter, typeset


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
        assert typeset("Brouillon : cette page n&#39;est visible que dans la prévisualisation.") in draft
        embargo = wait_for(f"http://127.0.0.1:{port}/2017/evenements/embargo/", "Action sous embargo")
        assert typeset("Publication prévue le mercredi 15 novembre 2017") in embargo
        published = wait_for(f"http://127.0.0.1:{port}/2017/evenements/publiee/", "Action publiée")
        assert "ssp-draft" not in published
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_a_draft_of_every_publishable_kind_is_left_out_of_the_build(tmp_path):
    """Quiz, workshop, project sheet, call for projects (kinds.py): no page, no line in the sitemap
    or the search index, for the draft of each."""
    from builds import site_project
    from helpers import held_back
    from ssp.kinds import KINDS
    from ssp.urls import link

    project = site_project(tmp_path / "p", campaigns=None)
    held = held_back(project.root, "draft", "true")
    built = build(project.root)
    assert built.result.returncode == 0, built.result.stderr
    sitemap = built.text("sitemap.xml")
    index = "\n".join(gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
                      for path in (built.site / "pagefind/fragment").glob("*.pf_fragment"))
    for kind in KINDS:
        if kind.name in held:
            year = {"year": 2017} if kind.in_edition else {}  # the real content's one call is of 2017
            address = link(kind.item.kind, slug=held[kind.name], **year)
            assert not (built.site / address / "index.html").exists(), address
            assert address not in sitemap and f"/{address}" not in index, address
    assert (built.site / "partenariat/index.html").is_file()  # the rest is built
