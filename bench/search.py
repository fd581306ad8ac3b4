"""What a reader's first search downloads (README, « Recherche ») — an edition of 2,000 and 10,000
actions built as published, Pagefind's index made, the search page opened in Chromium and a town
(« Lyon », one action in eighteen), a common word (« hygiène ») and a word searched in three forms (« hôpital »:
« hospitalier », « CHU », search.js ALSO).
Run: .venv/bin/python bench/search.py [2000 10000]"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from readers import build, serve

from checks import launch, wait_until
from ssp import searchcopy


def first_search(page, base: str, words: str) -> tuple[int, int, float]:
    """(bytes downloaded from the index, results, seconds until they show) for a first search."""
    sizes: dict[str, int] = {}
    page.on("response", lambda response: sizes.__setitem__(response.url, len(response.body()))
            if "/pagefind/" in response.url else None)
    page.goto(base + "recherche/")
    start = time.perf_counter()
    page.fill("#ssp-search-query", words)
    page.keyboard.press("Enter")
    # the status is typeset as the pages are (ssp.text.french_spacing): « and » hold their word with no-break spaces
    wait_until(page, f"document.querySelector('[data-ssp-search-status]').textContent.includes('«\\u00a0{words}\\u00a0»')", timeout=60)
    seconds = time.perf_counter() - start
    return sum(sizes.values()), page.locator("[data-ssp-search-results] li").count(), seconds


def main(sizes: list[int]) -> None:
    from playwright.sync_api import sync_playwright

    print("| actions | pages HTML | index entier | Pagefind (durée) | 1re recherche « Lyon » | 1re recherche « hygiène » "
          "| 1re recherche « hôpital » |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for size in sizes:
            with tempfile.TemporaryDirectory() as folder:
                site = build(Path(folder), size)
                pages = sum(1 for _ in site.rglob("*.html"))
                searchcopy.start(str(site))
                for path in site.rglob("*.html"):  # the pages' copies, as the build makes them (ssp.searchcopy)
                    searchcopy.write(str(site), str(path), path.read_text(encoding="utf-8"))
                start = time.perf_counter()  # the index again, alone, to time it (elsewhere: the site keeps its own)
                subprocess.run([sys.executable, "-m", "pagefind", "--site", searchcopy.folder(str(site)), "--output-path",
                                str(Path(folder, "index-chronometre")), "--force-language", "fr", "--silent"], check=True)
                indexing = time.perf_counter() - start
                whole = sum(path.stat().st_size for path in (site / "pagefind").rglob("*") if path.is_file()
                            and not path.name.startswith("pagefind-") or path.name in ("pagefind.js", "pagefind-entry.json"))
                server, base = serve(site)
                cells = []
                for words in ("Lyon", "hygiène", "hôpital"):
                    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="fr-FR")
                    downloaded, results, seconds = first_search(context.new_page(), base, words)
                    cells.append(f"{downloaded / 1000:.0f} Ko ({results} résultats affichés, {seconds:.1f} s)")
                    context.close()
                server.shutdown()
            print(f"| {size} | {pages} | {whole / 1e6:.1f} Mo | {indexing:.1f} s | {' | '.join(cells)} |", flush=True)
        browser.close()


if __name__ == "__main__":
    main([int(size) for size in sys.argv[1:]] or [2000, 10000])
