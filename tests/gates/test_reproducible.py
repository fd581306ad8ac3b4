"""Gate 7: two builds of the same sources with the same SOURCE_DATE_EPOCH are byte-identical; so is
a build that reads what the previous one kept (ssp.diskcache) and one that does not."""

from __future__ import annotations

from builds import build, site_project


def files(site):
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def same(one: dict, two: dict) -> None:
    assert sorted(one) == sorted(two)
    assert [path for path in one if one[path] != two[path]] == []


def test_two_builds_in_different_folders_are_identical_and_so_is_one_made_from_the_cache(tmp_path):
    first = build(site_project(tmp_path / "premier").root, SITE_URL="https://example.org/ssp/")
    second = build(site_project(tmp_path / "second").root, SITE_URL="https://example.org/ssp/", SSP_CACHE="non")
    assert first.result.returncode == second.result.returncode == 0
    assert (tmp_path / "premier/.cache/ssp/contenu.pickle").is_file() and not (tmp_path / "second/.cache").exists()
    one, two = files(first.site), files(second.site)
    same(one, two)
    again = build(tmp_path / "premier", SITE_URL="https://example.org/ssp/")  # from what the first build kept
    assert again.result.returncode == 0, again.result.stderr
    same(files(again.site), two)


def test_what_the_cache_kept_is_made_again_when_its_source_or_the_settings_change(tmp_path):
    kept, fresh = site_project(tmp_path / "garde"), site_project(tmp_path / "neuf")
    assert build(kept.root, SITE_URL="https://example.org/ssp/").result.returncode == 0  # DSFR, one address
    event = "campaigns/2017/events/portes-ouvertes-maternite-douai.md"
    for project in (kept, fresh):
        path = project.root / event
        path.write_text(path.read_text(encoding="utf-8").replace("ouvre ses portes", "ouvre grand ses portes", 1), encoding="utf-8")
    settings = {"SITE_URL": "https://semaine.example.fr/", "SSP_PRESENTATION": "neutre"}  # Material, another address
    after = build(kept.root, **settings)
    reference = build(fresh.root, SSP_CACHE="non", **settings)
    assert after.result.returncode == reference.result.returncode == 0, after.result.stderr
    made = files(after.site)
    same(made, files(reference.site))
    assert b"ouvre grand ses portes" in made["2017/evenements/portes-ouvertes-maternite-douai/index.html"]
