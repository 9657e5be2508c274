"""The README's command examples on the bundled sample corpus do what they promise.

Every ``dateline ...`` line of the README's ``sh`` blocks that works on ``idlib.db``
is run against a store built from ``samples/idlib`` by the README's own ingest line
(``serve`` is left to tests/test_server.py, as it does not return); each must exit 0
and print or write something. The searches and timelines the README names are then
checked for what they promise (hits for Lavrov, Sochi, MOBILIZE by Russia ...).
"""

from __future__ import annotations

import json
import os
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from dateline.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
#: The command-line pages the README links whose examples use the sample store.
CLI_DOCS = ("docs/export.md", "docs/stories.md")


def _examples(text: str = README) -> list[str]:
    """The ``dateline`` command lines of ``text``'s ``sh`` blocks that use the sample store,
    comments cut."""
    lines: list[str] = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            command = re.split(r"\s#", line)[0].strip()
            if (command.startswith("dateline ") and "idlib.db" in command
                    and " serve" not in command and "--config" not in command):
                lines.append(command)
    return lines


EXAMPLES = _examples()
DOC_EXAMPLES = [c for doc in CLI_DOCS
                for c in _examples((ROOT / doc).read_text(encoding="utf-8"))
                if c not in EXAMPLES and not c.startswith("dateline ingest")]


def _run(args: list[str]) -> Result:
    return CliRunner().invoke(cli, args, catch_exceptions=False)


@pytest.fixture(scope="module")
def sample_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding ``idlib.db``, built by the README's own ingest example."""
    where = tmp_path_factory.mktemp("readme")
    (ingest,) = [c for c in EXAMPLES if c.startswith("dateline ingest samples/idlib")
                 and "--set" not in c]
    args = [str(ROOT / a) if a.startswith("samples/") else a for a in shlex.split(ingest)[1:]]
    cwd = os.getcwd()
    os.chdir(where)
    try:
        result = _run([*args, "--workers", "1"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    return where


def test_the_readme_has_examples_for_every_command() -> None:
    verbs = {shlex.split(c)[1] for c in EXAMPLES if not shlex.split(c)[1].startswith("-")}
    assert {"ingest", "stats", "search", "timeline", "export"} <= verbs


@pytest.mark.parametrize("command", EXAMPLES)
def test_each_readme_example_runs_on_the_sample(command: str, sample_dir: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(sample_dir)
    args = shlex.split(command)[1:]
    if args[0] == "ingest":   # the store is there: a second ingest stores nothing new
        args = [str(ROOT / a) if a.startswith("samples/") else a for a in args]
    result = _run(args)
    assert result.exit_code == 0, f"{command}\n{result.output}"
    if "--out" in args:
        out = sample_dir / args[args.index("--out") + 1]
        assert out.stat().st_size > 0, command
    else:
        assert result.output.strip(), command


def test_the_searches_the_readme_names_find_what_they_promise(sample_dir: Path,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    monkeypatch.chdir(sample_dir)
    lavrov = _run(["search", "--entity", "Lavrov", "--db", "idlib.db", "--json"])
    hits = [json.loads(line) for line in lavrov.output.splitlines() if line.strip()] \
        if not lavrov.output.lstrip().startswith("[") else json.loads(lavrov.output)
    assert hits and all("Lavrov" in json.dumps(h) for h in hits)
    for args, word in ((["--place", "Sochi"], "Sochi"),
                       (["Sochi AND (zone OR buffer)"], "Sochi"),
                       (["--entity", "Putin"], "Putin")):
        result = _run(["search", *args, "--db", "idlib.db"])
        assert result.exit_code == 0 and word in result.output, (args, result.output)
    russia = _run(["search", "--event", "MOBILIZE", "--country", "RUS", "--db", "idlib.db"])
    assert russia.exit_code == 0 and russia.output.strip()


def test_the_timelines_the_readme_names_keep_their_bounds(sample_dir: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    monkeypatch.chdir(sample_dir)
    sochi = _run(["timeline", "Sochi", "--db", "idlib.db", "--max-dates", "5",
                  "--sentences-per-date", "2", "--format", "json"])
    data = json.loads(sochi.output)
    assert 1 <= len(data["entries"]) <= 5
    assert all(1 <= len(e["sentences"]) <= 2 for e in data["entries"])
    ranged = _run(["timeline", "--db", "idlib.db", "--start", "2018-09-01", "--end",
                   "2018-09-10", "--format", "json"])
    days = [e["date"] for e in json.loads(ranged.output)["entries"]]
    assert days and all("2018-09-01" <= d <= "2018-09-10" for d in days)


@pytest.mark.parametrize("command", DOC_EXAMPLES)
def test_each_example_of_the_linked_cli_pages_runs_on_the_sample(command: str, sample_dir: Path,
                                                                 monkeypatch: pytest.MonkeyPatch
                                                                 ) -> None:
    monkeypatch.chdir(sample_dir)
    args = shlex.split(command)[1:]
    result = _run(args)
    assert result.exit_code == 0, f"{command}\n{result.output}"
    if "--out" in args:
        assert (sample_dir / args[args.index("--out") + 1]).stat().st_size > 0, command
    else:
        assert result.output.strip(), command


def test_the_stories_page_shows_what_the_sample_gives(sample_dir: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/stories.md prints the output of `dateline stories --db idlib.db --top 3`."""
    monkeypatch.chdir(sample_dir)
    page = (ROOT / "docs/stories.md").read_text(encoding="utf-8")
    shown = re.search(r"\$ dateline stories --db idlib.db --top 3\n(.*?)```", page, flags=re.S)
    assert shown, "docs/stories.md no longer shows the sample's stories"
    result = _run(["stories", "--db", "idlib.db", "--top", "3"])
    assert result.output.strip() == shown.group(1).strip()
