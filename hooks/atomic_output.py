"""MkDocs hook: a build writes into a folder beside site/, which takes site/'s place only once complete.

`mkdocs build` empties its output folder first, then fills it page by page: a build killed
midway would leave a half site. Here MkDocs writes into `<site>.partiel`; at the very end the two
folders are exchanged in one step (renameat2 RENAME_EXCHANGE on Linux; elsewhere two renames),
and the old one is removed. A build killed at any moment leaves the previous site/ whole.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import shutil

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from engine import ENGINE_LOG

SUFFIX = ".partiel"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
state: dict = {}


def on_startup(command: str, dirty: bool) -> None:
    state["command"] = command


class _Warnings(logging.Handler):
    """Counts MkDocs' warnings: in strict mode they fail the build after on_post_build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def on_config(config):
    if state.get("command") == "build":  # the live preview keeps writing where it serves
        state["site_dir"], config.site_dir = config.site_dir, staging(config.site_dir)
        if "warnings" in state:
            logging.getLogger(ENGINE_LOG).removeHandler(state["warnings"])
        state["warnings"] = _Warnings()
        logging.getLogger(ENGINE_LOG).addHandler(state["warnings"])
    return config


@event_priority(-100)  # after every other plugin has written its files
def on_post_build(config):
    if state.get("command") != "build":
        return
    if config.strict and state["warnings"].count:  # MkDocs is about to fail the build
        discard(config.site_dir)
    else:
        publish(config.site_dir, state["site_dir"])


def on_build_error(error):
    if state.get("command") == "build" and "site_dir" in state:
        discard(state["site_dir"].rstrip("/\\") + SUFFIX)


def staging(site_dir: str) -> str:
    """The folder a build writes into; what a killed build left there is removed. A symbolic link in
    the way stops the build (site.py names it first): MkDocs would empty the folder it points to."""
    partial = site_dir.rstrip("/\\") + SUFFIX
    for path in (site_dir.rstrip("/\\"), partial, site_dir.rstrip("/\\") + ".ancien"):
        if os.path.islink(path):
            raise Abort(f"{path} est un lien symbolique : la construction effacerait le dossier qu'il désigne ; "
                        "supprimez le lien (git rm), rien n'a été publié")
    shutil.rmtree(partial, ignore_errors=True)
    return partial


def publish(partial: str, site_dir: str) -> None:
    """Put the complete build in site_dir's place, then remove the previous site."""
    if os.path.isdir(site_dir) and _exchange(partial, site_dir):
        shutil.rmtree(partial)  # now holds the previous site
        return
    previous = site_dir.rstrip("/\\") + ".ancien"
    shutil.rmtree(previous, ignore_errors=True)
    if os.path.exists(site_dir):
        os.rename(site_dir, previous)
    os.rename(partial, site_dir)
    shutil.rmtree(previous, ignore_errors=True)


def discard(partial: str) -> None:
    shutil.rmtree(partial, ignore_errors=True)


def _exchange(first: str, second: str) -> bool:
    """Swap two folders atomically (Linux ≥ 3.15); False where the system cannot."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    done = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    return done == 0
