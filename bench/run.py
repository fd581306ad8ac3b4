"""`make bench`: build synthetic campaigns of several sizes and a plain Material site of the same
page count, in the same run, in turn: ours without its disk cache (ssp.diskcache: a first build, as
in CI), the plain site, ours again with the cache its previous build kept (a second build, as on an
editor's machine). Each twice; the faster counts. Print the table (ratios are what counts: times
vary by machine).

Usage: python bench/run.py [N ...]   (default: 500 5000 20000)
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import SENTENCES, copy_site, generate  # noqa: E402

PLAIN_CONFIG = """site_name: Référence Material
theme:
  name: material
  language: fr
  font: false
plugins:
  - search:
      lang: fr
nav:
  - Accueil: index.md
not_in_nav: |
  /pages/*
"""


RUNS = 2  # each build is made twice, in turn with the others; the faster counts (noise only slows)


def measure(config: Path, site: Path, memory: bool = False, **extra: str) -> dict:
    """{"seconds": …} of a build, or {"rss_mb": …} of another (sampling memory slows a build: not timed)."""
    shutil.rmtree(site, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000", **extra}
    output = subprocess.run([sys.executable, str(ROOT / "bench" / "measure.py"), str(config), str(site)] + ["--memory"] * memory,
                            cwd=config.parent, env=env, capture_output=True, text=True)
    if output.returncode:
        sys.exit(f"La construction de {config.parent} a échoué :\n{output.stderr}")
    return json.loads(output.stdout.strip().splitlines()[-1])


def ours(folder: Path, events: int) -> Path:
    copy_site(folder)
    generate(folder, events)
    return folder / "mkdocs.yml"


def our_figures(site: Path) -> dict:
    event_pages = sorted(site.glob("*/evenements/action-*/index.html"))
    listings = sorted(site.glob("*/evenements/index.html")) + sorted(site.glob("*/evenements/jour-*/index.html"))
    editions = sorted(site.glob("20*/index.html"))
    return dict(
        event_kb=max(path.stat().st_size for path in event_pages) / 1024,
        listing_kb=max(path.stat().st_size for path in listings) / 1024,
        edition_kb=max(path.stat().st_size for path in editions) / 1024,
        search_mb=sum(path.stat().st_size for path in (site / "pagefind").rglob("*") if path.is_file()) / 1024 / 1024,
        pages=len(list(site.rglob("*.html"))),
        present=len(event_pages))


def plain(folder: Path, pages: int) -> Path:
    docs = folder / "docs" / "pages"
    docs.mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# Accueil\n", encoding="utf-8")
    for index in range(pages):
        (docs / f"page-{index:05d}.md").write_text(
            f"# Action n° {index}\n\n{' '.join(SENTENCES[:3])}\n\n{' '.join(SENTENCES[3:])}\n", encoding="utf-8")
    (folder / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    return folder / "mkdocs.yml"


def fastest(runs: list[dict]) -> dict:
    return {"seconds": min(run["seconds"] for run in runs)}


def main(sizes: list[int]) -> None:
    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory() as first, tempfile.TemporaryDirectory() as second, \
                tempfile.TemporaryDirectory() as kept:
            mine_config = ours(Path(first), size)
            cold, warm = {"SSP_CACHE": "non"}, {"SSP_CACHE_DIR": kept}
            measure(mine_config, Path(first) / "site", **warm)  # fills the cache: not counted
            mine = our_figures(Path(first) / "site")
            plain_config = plain(Path(second), mine["pages"])
            mine_runs, plain_runs, warm_runs = [], [], []
            for _ in range(RUNS):
                mine_runs.append(measure(mine_config, Path(first) / "site", **cold))
                plain_runs.append(measure(plain_config, Path(second) / "site"))
                warm_runs.append(measure(mine_config, Path(first) / "site", **warm))
            mine.update(fastest(mine_runs), **measure(mine_config, Path(first) / "site", memory=True, **cold))
            mine["warm"] = fastest(warm_runs)["seconds"]
            reference = fastest(plain_runs)
            reference["search_mb"] = (Path(second) / "site" / "search" / "search_index.json").stat().st_size / 1024 / 1024
        assert mine["present"] == size, f"{mine['present']} pages d'actions sur {size}"
        rows.append((size, mine, reference))
        print(f"… {size} actions mesurées", file=sys.stderr)
    print(f"Mesuré le {date.today().isoformat()} sur {platform.machine()}, {os.cpu_count()} cœurs, Python {platform.python_version()}\n")
    print("| actions | pages | construction (sans cache) | ms/action | mémoire max (PSS) | page d'action | liste (max) "
          "| page d'édition (max) | index de recherche | Material seul (même nb de pages) | ms/page | index | rapport "
          "| construction avec le cache | rapport avec le cache |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size, mine, reference in rows:
        print(f"| {size} | {mine['pages']} | {mine['seconds']:.1f} s | {1000 * mine['seconds'] / size:.1f} | {mine['rss_mb']:.0f} Mo "
              f"| {mine['event_kb']:.1f} Ko | {mine['listing_kb']:.0f} Ko | {mine['edition_kb']:.0f} Ko | {mine['search_mb']:.2f} Mo "
              f"| {reference['seconds']:.1f} s | {1000 * reference['seconds'] / mine['pages']:.1f} | {reference['search_mb']:.2f} Mo "
              f"| {mine['seconds'] / reference['seconds']:.2f} | {mine['warm']:.1f} s | {mine['warm'] / reference['seconds']:.2f} |")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [500, 5000, 20000])
