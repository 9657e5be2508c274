"""The web page's views in a real headless browser, on a store of the sample corpus.

The other server tests check the HTTP API; only a browser runs the page's script. This
builds a store from ``samples/idlib`` and runs ``benchmarks/web_check.py`` against it:
it serves the store on a loopback port and drives Debian's Chromium (through Playwright)
through every view (search and its paging in the URL, facets, an article with its
highlights, timeline, events, the map with markers at Idlib, Damascus and Sochi, the
chart and a drag that narrows the results, the network with its RUS-TUR edge, a shared
URL that restores a view, ``/docs`` and ``/redoc`` offline), failing on any step that
does not show what it should, or on any request for something from outside. The README's
test command installs Chromium (Debian's ``chromium``) and the map's country outlines
(``npm ci --prefix dateline/web``) first.

Screenshots of each view are written to ``$DATELINE_SHOTS`` when set (else into the
test's temporary folder), for people to look at.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from dateline.cli import cli

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def test_every_view_works_in_headless_chromium(tmp_path: Path) -> None:
    db = tmp_path / "idlib.db"
    result = CliRunner().invoke(cli, ["ingest", str(ROOT / "samples" / "idlib"), "--db", str(db),
                                      "--workers", "1"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    shots = Path(os.environ.get("DATELINE_SHOTS") or tmp_path / "shots")
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "web_check.py"), "--db", str(db),
         "--query", "Sochi", "--chromium", CHROMIUM, "--shots", str(shots)],
        capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.rstrip().endswith("ok"), run.stdout
    for view in ("map", "chart", "network"):
        assert (shots / f"{view}.png").stat().st_size > 10_000, view
