"""Gate 7: two builds of the same sources with the same SOURCE_DATE_EPOCH are byte-identical."""

from __future__ import annotations

from builds import build, site_project


def files(site):
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_two_builds_in_different_folders_are_identical(tmp_path):
    first = build(site_project(tmp_path / "premier").root, SITE_URL="https://example.org/ssp/")
    second = build(site_project(tmp_path / "second").root, SITE_URL="https://example.org/ssp/")
    assert first.result.returncode == second.result.returncode == 0
    one, two = files(first.site), files(second.site)
    assert sorted(one) == sorted(two)
    assert [path for path in one if one[path] != two[path]] == []
