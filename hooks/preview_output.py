"""The live preview's output folder, kept from one rebuild to the next.

Before each rebuild MkDocs empties its output folder: at 5 000 events that is 10 000 files
deleted and written again — seconds on a slow disk — for one edited event. In the preview the
editions' folders are set aside before MkDocs empties the folder and put back just after; then
only files whose content changed are written, and files no longer produced are removed.
"""

from __future__ import annotations

import os
import re
import shutil
from urllib.parse import urlsplit

from mkdocs.utils import write_file

EDITION_FOLDER = re.compile(r"\d{4}")


class KeptOutput:
    def __init__(self) -> None:
        self.site_dir = ""
        self.written: dict[str, bytes] = {}  # what is in the kept folders, by absolute path
        self.produced: set[str] = set()  # every file of the editions' folders after the last rebuild
        self.current: set[str] = set()

    def set_aside(self, site_dir: str) -> None:
        """Before MkDocs empties `site_dir`: move the editions' folders out of its way."""
        aside = self._aside(site_dir)
        if site_dir != self.site_dir or os.path.exists(aside):  # first build, or a rebuild that failed midway
            shutil.rmtree(aside, ignore_errors=True)
            self.written, self.produced = {}, set()
        self.site_dir, self.current = site_dir, set()
        if self.written and os.path.isdir(site_dir):
            os.makedirs(aside)
            for name in os.listdir(site_dir):
                if EDITION_FOLDER.fullmatch(name):
                    os.rename(os.path.join(site_dir, name), os.path.join(aside, name))

    def put_back(self) -> None:
        """After MkDocs emptied the folder."""
        aside = self._aside(self.site_dir)
        if os.path.isdir(aside):
            for name in os.listdir(aside):
                os.rename(os.path.join(aside, name), os.path.join(self.site_dir, name))
            os.rmdir(aside)

    def write(self, path: str, content: bytes) -> None:
        if not self._in_edition_folder(path):  # emptied by MkDocs: written every time
            write_file(content, path)
            return
        if self.written.get(path) is not content and self.written.get(path) != content:
            write_file(content, path)
            self.written[path] = content
        self.current.add(path)

    def finish(self, mkdocs_outputs: list[str]) -> None:
        """Remove what the previous rebuild produced and this one did not."""
        self.current.update(path for path in mkdocs_outputs if self._in_edition_folder(path))
        for path in sorted(self.produced - self.current):
            self.written.pop(path, None)
            if os.path.isfile(path):
                os.remove(path)
                parent = os.path.dirname(path)
                while parent != self.site_dir and not os.listdir(parent):
                    os.rmdir(parent)
                    parent = os.path.dirname(parent)
        self.produced = self.current

    def _in_edition_folder(self, path: str) -> bool:
        """site_dir/2017/… (a plain string test: it is asked for every file written)."""
        start = len(self.site_dir.rstrip(os.sep)) + 1
        folder = path[start:start + 5]
        return path.startswith(self.site_dir) and folder[4:] == os.sep and bool(EDITION_FOLDER.fullmatch(folder[:4]))

    @staticmethod
    def _aside(site_dir: str) -> str:
        return site_dir.rstrip(os.sep) + ".editions"


PREVIEW_HOSTS = {"127.0.0.1", "localhost", "::1"}


def host_guard(app):
    """The preview answers only requests addressed to this machine by name: a page of another site
    whose name is made to point here (DNS rebinding) gets « 403 », never the drafts."""
    def guarded(environ, start_response):
        try:
            name = urlsplit("//" + environ.get("HTTP_HOST", "")).hostname or ""
        except ValueError:
            name = ""
        if name not in PREVIEW_HOSTS:
            start_response("403 Forbidden", [("Content-Type", "text/plain; charset=utf-8")])
            return ["La prévisualisation ne répond qu'aux adresses http://127.0.0.1 et http://localhost.\n".encode()]
        return app(environ, start_response)
    return guarded
