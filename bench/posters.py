"""`make verifier-affiches`: do the posters of a big edition print whole?

Builds one edition of N synthetic actions (bench/generate.py) in each presentation, serves it on
127.0.0.1, and prints a sample of its action posters in Debian's Chromium (an A4 sheet within its
margins, print media): a poster whose last line runs below its part of the sheet lost it on paper
(ssp.poster.fit estimated its text too short). Prints, per presentation, the sizes the build chose
(100 %, 90 %…) and the posters cut; exits 1 if any is.

Usage: python bench/posters.py [N [SAMPLE]]   (default: 2000 actions, 600 posters each)
"""

from __future__ import annotations

import random
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from readers import build, launch, serve

SHEET = {"width": 718, "height": 1047}  # an A4 sheet within its 10 mm margins, in CSS pixels


def cut_posters(site: Path, sample: int) -> tuple[Counter, list[str]]:
    posters = sorted(path.parent.relative_to(site).as_posix() + "/" for path in site.glob("*/evenements/*/affiche/index.html"))
    sizes = Counter(int(found[1]) if (found := re.search(r"ssp-poster--fit-(\d+)", (site / path / "index.html").read_text())) else 100
                    for path in posters)
    cut = []
    server, base = serve(site)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport=SHEET)
        page.emulate_media(media="print")
        for path in random.Random(1).sample(posters, min(sample, len(posters))):
            page.goto(base + path)
            last, text = (page.locator(part).last.bounding_box() for part in (".ssp-poster__text > *", ".ssp-poster__text"))
            if last["y"] + last["height"] > text["y"] + text["height"] + 0.5:
                cut.append(path)
        browser.close()
    server.shutdown()
    return sizes, cut


def main(events: int, sample: int) -> int:
    failed = False
    for presentation in ("etat", "neutre"):
        with tempfile.TemporaryDirectory() as folder:
            sizes, cut = cut_posters(build(Path(folder), events, presentation), sample)
        total = sum(sizes.values())
        said = ", ".join(f"{size} % : {100 * count / total:.0f} %" for size, count in sorted(sizes.items(), reverse=True))
        print(f"{presentation} — {total} affiches ({said}) ; {min(sample, total)} imprimées, {len(cut)} coupées"
              + (f" : {', '.join(cut[:10])}" if cut else ""))
        failed = failed or bool(cut)
    return 1 if failed else 0


if __name__ == "__main__":
    arguments = [int(arg) for arg in sys.argv[1:]]
    sys.exit(main(*(arguments + [2000, 600][len(arguments):])))
