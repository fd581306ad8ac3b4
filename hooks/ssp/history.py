"""When each content file last changed, from the project's git history (its last commit's date).

The sitemap's `lastmod` and the feed's `updated` say when a page's content changed, never the
build date. Outside a git checkout (or with git missing) nothing is known, and the sitemap says
nothing. The publishing workflow fetches the whole history for this.
"""

from __future__ import annotations

import subprocess
from datetime import datetime
from pathlib import Path


def last_changes(project_dir: Path) -> dict[str, datetime]:
    """{path relative to the project: date of the last commit that changed it} for campaigns/ and docs/."""
    try:
        result = subprocess.run(["git", "-C", str(project_dir), "log", "--relative", "--no-renames", "--name-only",
                                 "--format=@%cI", "--", "campaigns", "docs"],
                                capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return {}
    if result.returncode:
        return {}
    changes: dict[str, datetime] = {}
    current = None
    for line in result.stdout.splitlines():
        if line.startswith("@"):
            current = datetime.fromisoformat(line[1:])
        elif line and current:
            changes.setdefault(line, current)  # newest first: the first date seen is the last change
    return changes
