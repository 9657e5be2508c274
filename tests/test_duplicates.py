"""Near-duplicate articles (dateline.analyses.duplicates): grouped at ingest whatever the
order, joined by later ingests, counted once by search, timelines, event groups and
stats unless asked, and left consistent by a kill -9 during grouping. Texts of our own."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import dateline
from dateline.analyses.duplicates import DuplicateIndex, shingles, signature, similarity
from dateline.store import Store
from dateline_testing import run_cli, write_jsonl

# One flood story in four paragraphs; the copies below reorder, trim and add to it.
P1 = ("The river Kell burst its banks in the market town of Aldmere early on Tuesday, "
      "flooding more than two hundred homes and forcing the closure of the main bridge. "
      "Emergency crews worked through the night to move elderly residents from the lower "
      "streets to a sports hall on the hill, the county council said.")
P2 = ("Rainfall over the weekend was nearly three times the monthly average, according to "
      "the regional weather office, which had issued an amber warning on Sunday. Police "
      "arrested two men on Monday for stealing sandbags from the flood barrier, the county "
      "police said.")
P3 = ("The mayor of Aldmere, Janet Oduya, said the town had not seen water this high since "
      "1968 and called on the government to pay for new flood walls. A spokesman for the "
      "environment ministry said engineers would inspect the old defences once the water "
      "had gone down.")
P4 = ("Schools in the district will stay shut until Friday. Residents were told to boil tap "
      "water until further notice and to avoid walking through the flooded streets.")
ORIGINAL = "\n\n".join([P1, P2, P3, P4])
# a byline added and two paragraphs swapped
REORDERED = "By a staff reporter\n\n" + "\n\n".join([P1, P3, P2, P4])
# the last paragraph trimmed, a newsletter line added
TRIMMED = ("\n\n".join([P1, P2, P3])
           + "\n\nSign up for our newsletter to get the morning's top stories in your inbox.")
ELECTION = ("Voters in the coastal city of Brennport chose a new council on Thursday after a "
            "campaign dominated by the cost of housing. Turnout was just over forty per cent, "
            "slightly higher than at the last election four years ago, officials said.\n\n"
            "The Green list won eleven of the thirty seats and will need partners to govern, "
            "its leader told supporters late at night.")

ROWS = [
    {"id": "a1", "published": "2021-03-02", "title": "Floods hit Aldmere", "text": ORIGINAL},
    {"id": "b1", "published": "2021-03-03", "title": "Aldmere under water", "text": REORDERED},
    {"id": "c1", "published": "2021-03-02", "title": "Town flooded", "text": TRIMMED},
    {"id": "d1", "published": "2021-03-02", "title": "Brennport votes", "text": ELECTION},
]
# The copies share most shingles with the original, the election none: a1 is the
# representative (published first with c1; "a1" < "c1"), b1 and c1 its duplicates.
GROUP = {"a1": "a1", "b1": "a1", "c1": "a1"}


def groups(db: Path) -> dict[str, str]:
    """``{id: representative}`` as the store holds it."""
    con = sqlite3.connect(db)
    try:
        return dict(con.execute("SELECT id, representative FROM duplicates").fetchall())
    finally:
        con.close()


def test_shingles_and_signatures():
    assert shingles("One two three four five six") == {b"one two three four five",
                                                     b"two three four five six"}
    assert shingles("Too short, really.") == {b"too short really"}
    assert shingles("  ") == set()
    # the same text always gives the same signature; copies are close, other stories far
    assert (signature(ORIGINAL) == signature(ORIGINAL)).all()
    assert similarity(signature(ORIGINAL), signature(REORDERED)) > 0.6
    assert similarity(signature(ORIGINAL), signature(TRIMMED)) > 0.6
    assert similarity(signature(ORIGINAL), signature(ELECTION)) < 0.1


def _record(row: dict[str, Any]) -> dict[str, Any]:
    """A bare record of ``row`` (no sentences or items), enough for the groups."""
    return {**row, "url": None, "source": None, "sentences": [], "tone": None}


def _write(db: Path, batches: list[list[dict[str, Any]]]) -> dict[str, str]:
    """Write ``batches`` of rows into ``db`` as ingest does (one index per call, each
    batch planned then written in one transaction); return the groups."""
    with Store(db) as store:
        index = DuplicateIndex(store)
        for batch in batches:
            plan = index.plan((r["id"], r["published"], r["text"]) for r in batch)
            store.write([(_record(r), {"text_hash": r["id"], "origin": "test",
                                       "extractor_version": "x"}) for r in batch], plan)
    return groups(db)


@pytest.mark.parametrize("order", [[0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2], [2, 1, 3, 0]])
def test_the_same_groups_in_any_order(tmp_path, order):
    rows = [ROWS[i] for i in order]
    # all in one batch, one by one, and one per ingest (a new index each time)
    assert _write(tmp_path / "one.db", [rows]) == GROUP
    assert _write(tmp_path / "each.db", [[r] for r in rows]) == GROUP
    for r in rows:
        _write(tmp_path / "apart.db", [[r]])
    assert groups(tmp_path / "apart.db") == GROUP


def test_an_earlier_copy_arriving_later_becomes_the_representative(tmp_path):
    db = tmp_path / "d.db"
    assert _write(db, [ROWS]) == GROUP
    earlier = {"id": "z9", "published": "2021-03-01", "title": "Kell rising", "text": ORIGINAL}
    assert _write(db, [[earlier]]) == {"a1": "z9", "b1": "z9", "c1": "z9", "z9": "z9"}


def test_a_replaced_article_leaves_its_group_and_the_rest_is_split_again(tmp_path):
    db = tmp_path / "d.db"
    assert _write(db, [ROWS]) == GROUP
    # b1 re-extracted with other text (--update): a1 and c1 stay together, and b1, now
    # a copy of the election story, joins d1, published a day before it
    assert _write(db, [[{**ROWS[1], "text": ELECTION + " A recount was refused."}]]) == {
        "a1": "a1", "c1": "a1", "b1": "d1", "d1": "d1"}
    db2 = tmp_path / "d2.db"
    assert _write(db2, [ROWS]) == GROUP
    # the representative replaced by an unrelated text: b1 and c1 still share most of
    # the story (one paragraph moved, one trimmed), and c1 is published first
    assert _write(db2, [[{**ROWS[0], "text": "Nothing to do with floods at all, a short note "
                                             "about a village fete and its cake stall."}]]
                  ) == {"b1": "c1", "c1": "c1"}


def test_texts_without_words_are_nobodys_duplicates(tmp_path):
    rows = [{"id": f"w{i}", "published": "2021-03-02", "text": t}
            for i, t in enumerate(["...", "!!! ???", "-- --"])]
    assert _write(tmp_path / "d.db", [rows, [{**ROWS[0], "id": "w9"}]]) == {}


def test_an_old_store_is_upgraded_and_its_articles_grouped_by_the_next_ingest(tmp_path):
    db = tmp_path / "old.db"
    with Store(db) as store:   # articles stored before signatures were kept
        store.write([(_record(r), {"text_hash": r["id"], "origin": "t",
                                   "extractor_version": "x"}) for r in ROWS[:2]])
        store.db.execute("DELETE FROM minhashes")
        store.db.commit()
    assert groups(db) == {}
    assert _write(db, [[ROWS[2]]]) == GROUP


def test_an_ingest_that_stores_nothing_new_groups_the_unsigned_articles(tmp_path):
    from dateline.article import text_hash

    db = tmp_path / "old.db"
    with Store(db) as store:   # as stored before signatures were kept: no groups given
        store.write([(_record(r), {"text_hash": text_hash(r["text"]), "origin": "t",
                                   "extractor_version": "x"}) for r in ROWS])
    assert groups(db) == {}
    with dateline.Dateline(db) as d:
        summary = d.ingest([write_jsonl(tmp_path / "same.jsonl", ROWS)], workers=1)
        assert (summary.stored, summary.duplicates) == (0, 4)
    assert groups(db) == GROUP


@pytest.fixture(scope="module")
def dl(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("dups")
    db = folder / "d.db"
    with dateline.Dateline(db) as d:
        first = d.ingest([write_jsonl(folder / "one.jsonl", [ROWS[0], ROWS[3]])])
        assert (first.stored, first.near_duplicates) == (2, 0)
        # the copies come in a later ingest and join the stored original's group
        later = d.ingest([write_jsonl(folder / "two.jsonl", ROWS[1:3])])
        assert (later.stored, later.near_duplicates) == (2, 2)
        yield d


def test_a_later_ingest_joins_the_stored_group(dl):
    assert groups(dl.path) == GROUP
    assert dl.duplicate_group("b1") == {"representative": "a1", "members": ["a1", "b1", "c1"]}
    assert dl.duplicate_group("d1") is None
    assert dl.record("c1")["text"] == TRIMMED   # stored whole, nothing thrown away


def test_search_finds_a_group_once(dl):
    assert [(h.id, h.text) for h in dl.search("sandbags")] == [
        ("a1", "Police arrested two men on Monday for stealing sandbags from the flood "
               "barrier, the county police said.")]
    assert sorted(h.id for h in dl.search("sandbags", include_duplicates=True)) == [
        "a1", "b1", "c1"]
    assert [h.id for h in dl.search("Brennport")] == ["d1"]


def test_timeline_votes_once_per_group(dl):
    tl = dl.timeline("Aldmere")
    assert tl.matching == 1
    assert {s.article for e in tl.entries for s in e.sentences} == {"a1"}
    assert dl.timeline("Aldmere", include_duplicates=True).matching == 3


def test_event_groups_count_a_group_once(dl):
    arrests = [g for g in dl.events() if g.trigger == "arrested"]
    assert [(g.num_mentions, g.article_ids) for g in arrests] == [(1, ["a1"])]
    arrests = [g for g in dl.events(include_duplicates=True) if g.trigger == "arrested"]
    assert [(g.num_mentions, sorted(g.article_ids)) for g in arrests] == [
        (3, ["a1", "b1", "c1"])]


def test_stats_count_a_group_once(dl):
    once, all_ = dl.stats(), dl.stats(include_duplicates=True)
    assert (once.articles, all_.articles) == (2, 4)
    assert (once.duplicates, once.duplicate_groups) == (2, 1)
    assert once.sources == {"(none)": 2} and all_.sources == {"(none)": 4}
    # one arrest in each copy of the flood story (P2), none in the election
    assert (once.counts["events"], all_.counts["events"]) == (1, 3)


def test_cli_and_http_take_include_duplicates(dl):
    db = str(dl.path)
    r = run_cli("search", "sandbags", "--db", db, "--json")
    assert r.returncode == 0, r.stderr
    assert [json.loads(line)["id"] for line in r.stdout.splitlines()] == ["a1"]
    r = run_cli("search", "sandbags", "--db", db, "--json", "--include-duplicates")
    assert sorted(json.loads(line)["id"] for line in r.stdout.splitlines()) == ["a1", "b1", "c1"]
    r = run_cli("stats", "--db", db)
    assert b"2 articles" in r.stdout.splitlines()[0]
    assert b"2 near-duplicate article(s) in 1 group(s)" in r.stdout
    r = run_cli("stats", "--db", db, "--json", "--include-duplicates")
    assert json.loads(r.stdout)["articles"] == 4
    r = run_cli("timeline", "Aldmere", "--db", db, "--format", "json", "--include-duplicates")
    assert r.returncode == 0, r.stderr

    from fastapi.testclient import TestClient

    from dateline.server import create_app

    with TestClient(create_app(dl.path, allowed_hosts=("testserver",))) as client:
        def ids(path: str, **params: Any) -> list[str]:
            return sorted(h["id"] for h in client.get(path, params=params).json()["results"])

        assert ids("/api/search", q="sandbags") == ["a1"]
        assert ids("/api/search", q="sandbags", include_duplicates="true") == ["a1", "b1", "c1"]
        assert client.get("/api/stats").json()["articles"] == 2
        assert client.get("/api/stats", params={"include_duplicates": "true"}
                          ).json()["articles"] == 4
        ev = client.get("/api/events", params={"type": "COERCE"}).json()["groups"]
        assert [g["num_mentions"] for g in ev] == [1]
        ev = client.get("/api/events", params={"type": "COERCE", "include_duplicates": 1}
                        ).json()["groups"]
        assert [g["num_mentions"] for g in ev] == [3]
        tl = client.get("/api/timeline", params={"q": "Aldmere", "include_duplicates": 1})
        assert tl.json()["matching"] == 3


#: Ingests ARGV[1] into ARGV[2] in batches of 2, killing itself (SIGKILL) when the
#: groups of the batch holding the second copy are being written, inside its transaction.
KILLER = """
import os, signal, sys
from dateline.analyses import duplicates
from dateline.store import Store
from dateline.ingest import ingest

plan = duplicates.DuplicateIndex.plan

class Dying(list):
    def __iter__(self):
        os.kill(os.getpid(), signal.SIGKILL)
        return super().__iter__()

def planned(self, batch):
    changes = plan(self, batch)
    if any(k == "c1" for k, _ in changes.groups):
        changes.groups = Dying(changes.groups)
    return changes

duplicates.DuplicateIndex.plan = planned
if __name__ == "__main__":
    with Store(sys.argv[2]) as store:
        ingest([sys.argv[1]], store, workers=1, batch_size=2)
"""


def test_kill_minus_nine_during_grouping_then_resume(tmp_path):
    rows = [ROWS[0], ROWS[3], ROWS[1], ROWS[2]]   # batches: (a1, d1), (b1, c1)
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    db = tmp_path / "d.db"
    script = tmp_path / "killer.py"
    script.write_text(KILLER, encoding="utf-8")
    r = subprocess.run([sys.executable, str(script), str(src), str(db)], capture_output=True,
                       timeout=300)
    assert r.returncode == -9, r.stderr
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # the first batch and its signatures are committed, the second batch not at all
    assert sorted(i for (i,) in con.execute("SELECT id FROM articles")) == ["a1", "d1"]
    assert sorted(i for (i,) in con.execute("SELECT id FROM minhashes")) == ["a1", "d1"]
    assert con.execute("SELECT count(*) FROM duplicates").fetchone()[0] == 0
    con.close()
    r = run_cli("ingest", str(src), "--db", str(db), "--json", "--workers", "1")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["stored"] == 2 and json.loads(r.stdout)["duplicates"] == 2
    assert groups(db) == GROUP
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (4, 4)
    assert con.execute("SELECT count(*) FROM minhashes").fetchone()[0] == 4
    con.close()
