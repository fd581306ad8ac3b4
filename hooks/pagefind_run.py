"""Pagefind's run over the copies of a build's indexed pages (ssp.searchcopy), shared by two hooks.

site.py starts it as soon as every indexed page is written — the pages the index does not read
(posters of past actions), the data files and the share pictures are still being written meanwhile,
on the cores Pagefind leaves idle — and search_index.py waits for it before the site is published.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import Abort

from ssp.api import link, searchcopy

BUNDLE = link("search_bundle").strip("/")
UNUSED = ("pagefind-ui", "pagefind-component-ui", "pagefind-modular-ui", "pagefind-highlight")  # Pagefind's own UIs: ours is search.js


class Indexing:
    """One build's Pagefind, started once its copies are all written."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None

    def start(self, site_dir: str) -> None:
        """Pagefind's index of the built site's pages (their copies) in `site_dir`/pagefind/, French
        stemming (the pages say lang="fr"), begun in the background."""
        command = [sys.executable, "-m", "pagefind", "--site", searchcopy.folder(site_dir),
                   "--output-path", str(Path(site_dir, BUNDLE)), "--force-language", "fr", "--silent"]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def finish(self, site_dir: str) -> None:
        """Wait for the index (started now if it was not) and leave in it only what search.js loads."""
        if self.process is None:
            self.start(site_dir)
        process, self.process = self.process, None
        assert process is not None
        output, errors = process.communicate()
        if process.returncode != 0:
            raise Abort(f"L'index de recherche (Pagefind) n'a pas pu être fait ; rien n'a été publié :\n"
                        f"{(errors or output).strip()[-2000:]}")
        bundle = Path(site_dir, BUNDLE)
        languages = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"].values()
        wasm = {f"wasm.{language['wasm']}.pagefind" for language in languages if language.get("wasm")}
        for path in bundle.iterdir():
            if path.name.startswith(UNUSED) and path.suffix in (".js", ".css"):
                path.unlink()
            elif path.suffix == ".pagefind" and path.name.startswith("wasm.") and len(wasm) == len(languages) and path.name not in wasm:
                path.unlink()  # « wasm.unknown »: loaded only for an index of no language, and ours says fr

    def stop(self) -> None:
        """The build failed: no index is wanted."""
        if self.process is not None:
            self.process.kill()
            self.process.communicate()
            self.process = None


INDEXING = Indexing()
