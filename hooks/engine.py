"""The engine running the hooks: ProperDocs (a maintained MkDocs 1.6) logs under « properdocs »,
MkDocs under « mkdocs ». Our messages and the warning count go to the running one's logger; Stop
ends a build with our French message."""

from __future__ import annotations

import sys

from click import echo
from mkdocs.exceptions import Abort

ENGINE_LOG = "properdocs" if "properdocs" in sys.modules else "mkdocs"


class Stop(Abort):
    """Stops a build with our French message, on the error output, as it is: no « Aborted with a
    BuildError! » after it (MkDocs adds that line to its other errors)."""

    def show(self, *args, **kwargs) -> None:
        echo("\n" + self.format_message(), err=True)
