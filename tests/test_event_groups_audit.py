"""benchmarks/event_groups_audit.py and the merge reason of event groups (``why``)."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest
from test_event_groups import INFO, RUS_JETS, article, event

from dateline.analyses.events import event_groups
from dateline.store import Store


def _script() -> Any:
    """benchmarks/event_groups_audit.py as a module (the benchmarks are no package)."""
    if "event_groups_audit" not in sys.modules:
        path = Path(__file__).resolve().parent.parent / "benchmarks" / "event_groups_audit.py"
        spec = importlib.util.spec_from_file_location("event_groups_audit", path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules["event_groups_audit"] = module   # its dataclasses look themselves up
        spec.loader.exec_module(module)
    return sys.modules["event_groups_audit"]


RUS = {"text": "Moscow", "country": "RUS", "sector": None}
TUR = {"text": "Ankara", "country": "TUR", "sector": "GOV"}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store with: a strike on 4 Sept told by three articles (one naming no sector
    and no place), the same strike dated two days late by a fourth's own clause (out
    of the one-day window of such a date), one in Hama the same
    day, a Turkish statement that day (other type) and a strike on 20 Sept."""
    path = tmp_path / "audit.db"
    arts = [
        article("a", "2018-09-04", ["Russian jets struck Idlib on Tuesday."],
                [event(0, "struck", 13, actor=RUS_JETS)], source="One"),
        article("b", "2018-09-04", ["Jets of Russia bombed Idlib on Tuesday."],
                [event(0, "bombed", 15, actor=RUS_JETS)], source="Two"),
        article("c", "2018-09-05", ["Moscow hit the province on Tuesday."],
                [event(0, "hit", 7, actor=RUS, place=None)], source="Three"),
        article("d", "2018-09-07", ["The raids by Russian jets went on."],
                [event(0, "raids", 4, actor=RUS_JETS, date="2018-09-06")], source="Four"),
        article("e", "2018-09-04", ["Russian jets also struck Hama.",
                                    "Ankara condemned the raids."],
                [event(0, "struck", 18, actor=RUS_JETS, place="Hama"),
                 event(1, "condemned", 7, type="DISAPPROVE", actor=TUR, mode=None,
                       quad="verbal conflict", intensity=-2.0)], source="Five"),
        article("f", "2018-09-20", ["Russian jets struck Idlib again."],
                [event(0, "struck", 13, actor=RUS_JETS, date="2018-09-20")], source="Six"),
    ]
    with Store(path) as s:
        s.write([(r, INFO) for r in arts])
    return path


def test_groups_say_how_many_mentions_they_merged_and_on_what(db):
    with Store(db, readonly=True) as s:
        groups = {(g.date, g.place, g.type): g for g in event_groups(s)}
    big = groups[("2018-09-04", "Idlib", "ASSAULT")]
    assert big.num_mentions == 3
    # a and b name the sector MIL and Idlib; c names neither and joins both.
    assert big.why == ("3 mentions share date 2018-09-04, type ASSAULT, actor country RUS, "
                       "target country none; actor sector MIL (2 named it, 1 naming none "
                       "joined); place Idlib (2 named it, 1 naming none joined)")
    assert groups[("2018-09-04", "Hama", "ASSAULT")].why == "1 mention, nothing merged"


def test_the_sample_lists_merged_groups_with_their_unmerged_neighbours(db, tmp_path):
    audit = _script()
    out = tmp_path / "sample.tsv"
    assert audit.main(["--db", str(db), "--sample", "5", "--seed", "1", "--out",
                       str(out)]) == 0
    rows = list(csv.DictReader(out.open(), delimiter="\t"))
    assert len(rows) == 1   # only one group merged two mentions or more
    [row] = rows
    assert (row["date"], row["type"], row["place"], row["num_mentions"]) == (
        "2018-09-04", "ASSAULT", "Idlib", "3")
    assert row["mentions"] == "a#0 b#0 c#0"
    assert (row["verdict"], row["missed"], row["note"]) == ("", "", "")
    # Neighbours: the same type within 3 days, not merged: the late-dated strike
    # (shares all four of actor and target country, sector and place) before the Hama
    # one (same day, shares three); the DISAPPROVE and the 20 Sept strike are none.
    near = [cell.split()[1:] for cell in row["neighbours"].split(" | ")]
    assert near == [["2018-09-06", "RUS>-", "MIL", "Idlib", "n=1"],
                    ["2018-09-04", "RUS>-", "MIL", "Hama", "n=1"]]
    assert "struck Idlib" not in out.read_text()   # no sentence text
    # the same seed draws the same sample
    again = tmp_path / "again.tsv"
    audit.main(["--db", str(db), "--sample", "5", "--seed", "1", "--out", str(again)])
    assert again.read_text() == out.read_text()


def test_show_prints_the_sentences_for_the_judge(db, capsys):
    audit = _script()
    assert audit.main(["--db", str(db), "--sample", "1", "--seed", "3", "--show"]) == 0
    shown = capsys.readouterr().out
    assert "c#0 [2018-09-05] {hit: Moscow > -} Moscow hit the province on Tuesday." in shown
    assert "The raids by Russian jets went on." in shown   # the neighbour's sentence


def test_verdicts_are_counted(tmp_path, db, capsys):
    audit = _script()
    out = tmp_path / "judged.tsv"
    audit.main(["--db", str(db), "--out", str(out)])
    rows = list(csv.DictReader(out.open(), delimiter="\t"))
    late = rows[0]["neighbours"].split(" | ")[0].split()[0]
    rows[0].update(verdict="merged-right", missed=late, note="the late copy is the same")
    extra = dict(rows[0], n="2", verdict="merged-wrong", missed="")
    blank = dict(rows[0], n="3", verdict="", missed="")
    with out.open("w", newline="") as f:
        w = csv.DictWriter(f, audit.COLUMNS, delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows([rows[0], extra, blank])
    assert audit.main(["--verdicts", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "judged groups: 2 (6 mentions)" in printed
    assert "merged-right: 1 (0.500)" in printed
    assert "merged-wrong: 1 (0.500)" in printed
    assert "should-have-merged: 1 (0.500) groups" in printed and "(1 neighbours)" in printed


def test_a_bad_verdict_or_missed_id_is_named(tmp_path, db, capsys):
    audit = _script()
    out = tmp_path / "bad.tsv"
    audit.main(["--db", str(db), "--out", str(out)])
    text = out.read_text().splitlines()
    head, row = text[0].split("\t"), text[1].split("\t")
    row[head.index("verdict")] = "right"
    out.write_text("\n".join(["\t".join(head), "\t".join(row)]) + "\n")
    assert audit.main(["--verdicts", str(out)]) == 2
    assert "row 1: verdict 'right' is not one of merged-right, merged-wrong" in (
        capsys.readouterr().err)
    row[head.index("verdict")] = "merged-right"
    row[head.index("missed")] = "0123456789abcdef"
    out.write_text("\n".join(["\t".join(head), "\t".join(row)]) + "\n")
    assert audit.main(["--verdicts", str(out)]) == 2
    assert "is not one of the row's neighbours" in capsys.readouterr().err


def test_dates_of_months_and_years_are_spans():
    audit = _script()
    assert audit.distance("2018-09-04", "2018-09-07") == 3
    assert audit.distance("2018-09", "2018-09-30") == 0
    assert audit.distance("2018-08", "2018-09-03") == 3   # from 31 August
    assert audit.distance("2018", "2019-01-02") == 2
