"""`make lighthouse`: Lighthouse's mobile scores for every page template and a national listing.

Builds the site (real campaigns, the test edition of the quality gates, and a synthetic edition of
2,000 actions), serves it on 127.0.0.1 compressed as GitHub Pages serves it (gzip), and runs
Lighthouse 12 (npm, tools/lighthouse/) in Debian's Chromium with its default mobile settings:
a mid-range phone (CPU slowed 4×) on a slow 4G network, simulated. Prints one line per page:
performance, accessibility, best practices, SEO, and the paint and blocking-time figures.

Usage: python bench/lighthouse.py [page ...]   (default: every template of tests/gates/pages.py)
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "gates")]

from generate import copy_site, generate  # noqa: E402
from pages import TEMPLATES  # noqa: E402

LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run"
NATIONAL = {"liste-nationale": "2026/evenements/", "edition-nationale": "2026/"}
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".ics", ".csv", ".txt")


def build(folder: Path) -> Path:
    copy_site(folder, "campaigns")
    shutil.copytree(ROOT / "tests" / "fixtures" / "gates" / "campaigns", folder / "campaigns", dirs_exist_ok=True)
    generate(folder, 2000, editions=1)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1/"}
    subprocess.run([sys.executable, "-m", os.environ.get("SSP_ENGINE", "properdocs"), "build", "-d", "site"], cwd=folder, env=env, check=True,
                   capture_output=True)
    return folder / "site"


class Gzipped(http.server.SimpleHTTPRequestHandler):
    """Text files gzip-compressed, as GitHub Pages sends them."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if path.suffix not in COMPRESSED or not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # GitHub Pages' own
        self.end_headers()
        self.wfile.write(body)
        return None


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Gzipped, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def audit(url: str, output: Path) -> dict:
    subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={output}",
                    f"--chrome-flags={CHROME_FLAGS}", "--only-categories=performance,accessibility,best-practices,seo"],
                   env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, check=True, capture_output=True, timeout=300)
    report = json.loads(output.read_text(encoding="utf-8"))
    scores = {name: round(100 * category["score"]) for name, category in report["categories"].items()}
    figures = {name: report["audits"][name]["displayValue"] for name in
               ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")}
    failing = sorted(name for name, item in report["audits"].items() if item.get("score") == 0
                     and item.get("scoreDisplayMode") == "binary")
    return {"scores": scores, "figures": figures, "failing": failing}


def main(names: list[str]) -> None:
    # The 404 page is audited at its own address: Lighthouse refuses a page answered with « 404 ».
    pages = {**TEMPLATES, "404": "404.html", **NATIONAL}
    pages = {name: pages[name] for name in names} if names else pages
    print(f"Mesuré le {date.today().isoformat()}, Lighthouse 12 (mobile simulé : processeur 4×, 4G lente), "
          "site servi compressé\n")
    print("| page | performance | accessibilité | bonnes pratiques | SEO | FCP | LCP | TBT | CLS | audits échoués |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory() as folder:
        server, base = serve(build(Path(folder)))
        for name, path in pages.items():
            try:
                result = audit(base + path, Path(folder) / "rapport.json")
            except subprocess.CalledProcessError as error:
                print(f"| {name} (`/{path}`) | échec de Lighthouse : {error.stderr.decode()[-200:].strip()} |", flush=True)
                continue
            scores, figures = result["scores"], result["figures"]
            print(f"| {name} (`/{path}`) | {scores['performance']} | {scores['accessibility']} | "
                  f"{scores['best-practices']} | {scores['seo']} | " + " | ".join(figures.values()) +
                  f" | {', '.join(result['failing']) or '—'} |", flush=True)
        server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1:])
