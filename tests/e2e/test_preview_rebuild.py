"""A rebuild of the live preview redoes only what changed, and ends with the site a full build makes."""

from __future__ import annotations

import re

from builds import build
from helpers import EVENT


def test_a_preview_rebuild_rewrites_only_what_changed(fixture_project, tmp_path, monkeypatch):
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.delenv("SITE_URL", raising=False)
    project, preview = fixture_project, tmp_path / "apercu"
    project.edition()
    for slug in ("a", "b", "c"):
        project.event(slug, EVENT.replace("title: Portes ouvertes", f"title: Action {slug}"))

    def rebuild(first: bool = False) -> None:  # what `mkdocs serve` does after each change
        config = load_config(config_file=str(project.root / "mkdocs.yml"), site_dir=str(preview))
        if first:
            config.plugins.on_startup(command="serve", dirty=False)
        mkdocs_build(config, serve_url="http://127.0.0.1:8000/")

    def stamp(rel: str) -> tuple[int, int]:
        status = (preview / rel).stat()
        return status.st_ino, status.st_mtime_ns

    rebuild(first=True)
    kept = ["2017/evenements/a/index.html", "2017/evenements/a.ics", "2017/evenements/c/index.html"]
    before = {rel: stamp(rel) for rel in kept}
    project.event("b", EVENT.replace("title: Portes ouvertes", "title: Action modifiée"))
    rebuild()

    assert {rel: stamp(rel) for rel in kept} == before  # neither made nor written again
    assert "Action modifiée" in (preview / "2017/evenements/b/index.html").read_text(encoding="utf-8")
    assert "Action modifiée" in (preview / "2017/agenda.ics").read_text(encoding="utf-8")

    full = build(project.root)
    assert full.result.returncode == 0, full.result.stderr
    def engine_neutral(content: bytes) -> bytes:  # the preview here runs MkDocs in-process, the build ProperDocs
        return re.sub(rb'<meta name="generator" content="[^"]*">', b"", content)

    made = {path.relative_to(preview).as_posix(): engine_neutral(path.read_bytes()) for path in preview.rglob("*") if path.is_file()}
    expected = {path.relative_to(full.site).as_posix(): engine_neutral(path.read_bytes())
                for path in full.site.rglob("*") if path.is_file() and path.relative_to(full.site).parts[0] != "pagefind"}
    assert (full.site / "pagefind/pagefind.js").is_file()  # the search index: made by a build, not by the preview
    assert made.keys() == expected.keys()
    assert [rel for rel in made if made[rel] != expected[rel]] == []


def test_what_a_preview_rebuild_did_not_use_is_forgotten(fixture_project, tmp_path, monkeypatch):
    """Each save of a template changes every page: the preview keeps this build's copies, not all of them."""
    import sys

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.delenv("SITE_URL", raising=False)
    project, preview = fixture_project, tmp_path / "apercu"
    project.edition()
    project.event("a")
    template = project.root / "overrides" / "partials" / "ssp" / "event-page.html"
    original = template.read_text(encoding="utf-8")

    def cache_after_save(number: int) -> dict:
        template.write_text(original + f"\n<!-- enregistrement {number} -->\n", encoding="utf-8")
        config = load_config(config_file=str(project.root / "mkdocs.yml"), site_dir=str(preview))
        if number == 0:
            config.plugins.on_startup(command="serve", dirty=False)
        mkdocs_build(config, serve_url="http://127.0.0.1:8000/")
        assert f"enregistrement {number}" in (preview / "2017/evenements/a/index.html").read_text(encoding="utf-8")
        return sys.modules["hooks/site.py"].CACHE.entries

    first = sorted(key[0] for key in cache_after_save(0))
    assert "page" in first and "event" in first
    for number in range(1, 4):
        kept = cache_after_save(number)
        assert [key[0] for key in kept].count("page") == 2  # one copy of the action's page and of its poster: this build's
        assert sorted(key[0] for key in kept) == first  # and of everything else
    # Stopping the preview keeps what its last rebuild used, for the next session (ssp.diskcache), pages aside
    sys.modules["hooks/site.py"].on_shutdown()
    import pickle
    with open(project.root / ".cache/ssp/contenu.pickle", "rb") as file:
        pickle.load(file)
        kinds = {key[0] for key in pickle.load(file)}
    assert "event" in kinds and "page" not in kinds and "file" not in kinds


def test_the_cycle_collector_is_tuned_for_a_build_not_for_the_preview(fixture_project, monkeypatch):
    """A build keeps its objects to its end: the collector goes through them less often (bench/MESURES.md). The
    preview keeps Python's own setting: each rebuild's cycles piled up otherwise (2.6 GB after 20 template saves)."""
    import gc
    import sys

    from mkdocs.config import load_config

    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    fixture_project.edition()
    load_config(config_file=str(fixture_project.root / "mkdocs.yml"))  # imports the hooks
    hooks, before = sys.modules["hooks/site.py"], gc.get_threshold()
    try:
        hooks.on_startup(command="serve", dirty=False)
        assert gc.get_threshold() == before
        hooks.on_startup(command="build", dirty=False)
        assert gc.get_threshold() == (50_000, 20, 100) != before
    finally:
        gc.set_threshold(*before)
