"""Extraction on a Dask cluster: same records, same order, bounded in flight, clear failures."""

from __future__ import annotations

import datetime as dt
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dateline.article import Article
from dateline.distributed import DaskError
from dateline.ingest import ingest
from dateline.pipeline import extract_records
from dateline.store import Store
from dateline_testing import run_cli, write_jsonl

STORIES = [
    {"id": "geneva", "published": "2018-09-07",
     "text": "Envoys from Russia, Turkey and Iran met in Geneva on Friday. "
             "\"We made progress,\" the UN envoy said on Saturday."},
    {"id": "sochi", "published": "2018-09-04",
     "text": "Talks resumed in Sochi on Monday after a pause of two weeks."},
    {"id": "ankara", "published": "2018-09-10",
     "text": "Turkey warned on Sunday that more than 3 million refugees could reach its border."},
]

HARBOUR = ("date 2018-09-03\n"
           "Harbour reopens\n\n"
           "The port of Latakia reopened on Sunday, officials said.")


#: No dashboard, and the scheduler's HTTP server on a free loopback port (not 8787).
NO_DASHBOARD = {"dashboard_address": "127.0.0.1:0", "scheduler_kwargs": {"dashboard": False}}


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """A small in-process cluster (one worker thread) on loopback, closed after the tests.

    TCP rather than in-process comms, so batches and results are really pickled.
    """
    from distributed import LocalCluster
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp://",
                      host="127.0.0.1", **NO_DASHBOARD) as cluster:
        yield cluster


@pytest.fixture
def scheduler(cluster: Any) -> str:
    return cluster.scheduler_address


def _tasks_run(cluster: Any) -> int:
    """Tasks the cluster's workers have executed so far."""
    return sum(w.state.executed_count for w in cluster.workers.values())


def _inputs(tmp_path: Path) -> list[str]:
    jsonl = write_jsonl(tmp_path / "stories.jsonl", STORIES)
    txt = tmp_path / "harbour.txt"
    txt.write_text(HARBOUR, encoding="utf-8")
    return [str(jsonl), str(txt)]


def _dead_address() -> str:
    """A loopback address nobody listens on (a port the OS just handed out and took back)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"tcp://127.0.0.1:{port}"


def _records(store: Store) -> dict[str, dict]:
    return {i: store.record(i) for i in store.ids()}


def test_dask_stores_the_same_records_as_one_process(tmp_path, cluster, scheduler):
    paths = _inputs(tmp_path)
    with Store(tmp_path / "plain.db") as plain, Store(tmp_path / "dask.db") as dask:
        one = ingest(paths, plain, workers=1, batch_size=2)
        tasks_before = _tasks_run(cluster)
        many = ingest(paths, dask, batch_size=2, dask=scheduler)
        assert _tasks_run(cluster) - tasks_before == 2   # 4 articles in batches of 2
        assert one.as_dict() == many.as_dict() == {"read": 4, "stored": 4, "updated": 0,
                                                   "duplicates": 0, "rejected": 0}
        assert list(dask.ids()) == list(plain.ids())
        assert list(dask.ids())[:3] == ["geneva", "sochi", "ankara"]
        assert _records(dask) == _records(plain)
        assert dask.record("sochi")["dates"][0]["value"] == "2018-09-03"   # Monday before
        # rerunning on Dask skips everything, as a local rerun does
        again = ingest(paths, dask, batch_size=2, dask=scheduler)
        assert (again.stored, again.duplicates) == (0, 4)
        assert _tasks_run(cluster) - tasks_before == 2   # deduped before submission


def _numbered_stories(taken: list[int]) -> Iterator[Article]:
    """Six one-line stories, s0 to s5; each index goes into ``taken`` as it is read."""
    for i in range(6):
        taken.append(i)
        yield Article(text=f"Story {i}: envoys met in Ankara on Monday.",
                      published=dt.date(2018, 9, 1 + i), id=f"s{i}")


def test_results_come_back_in_input_order_with_few_in_flight(scheduler):
    taken: list[int] = []
    got: list[list[str]] = []
    taken_at_result: list[int] = []
    for results in extract_records(_numbered_stories(taken), batch_size=1, dask=scheduler):
        taken_at_result.append(len(taken))
        got.append([article.id for article, record, error in results])
        assert all(error is None and record["id"] == article.id
                   for article, record, error in results)
    assert got == [["s0"], ["s1"], ["s2"], ["s3"], ["s4"], ["s5"]]
    # one worker thread: two batches in flight, so the first result is awaited after
    # reading two articles, each later one after reading one more, then the tail drains
    assert taken_at_result == [2, 3, 4, 5, 6, 6]


def test_unreachable_scheduler_fails_at_once_and_keeps_the_store(tmp_path):
    paths = _inputs(tmp_path)
    address = _dead_address()
    with Store(tmp_path / "d.db") as s:
        ingest([paths[1]], s)
        before = _records(s)
        with pytest.raises(DaskError) as err:
            ingest(paths, s, dask=address)
        assert str(err.value).startswith(f"cannot reach the Dask scheduler at {address}")
        assert _records(s) == before and list(before) == list(s.ids())
        assert len(before) == 1


def test_cli_unreachable_scheduler_is_one_clear_line(tmp_path):
    paths = _inputs(tmp_path)
    address = _dead_address()
    db = tmp_path / "d.db"
    r = run_cli("ingest", *paths, "--db", str(db), "--dask", address)
    assert r.returncode == 2
    lines = r.stderr.decode().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"dateline: cannot reach the Dask scheduler at {address}")
    with Store(db) as s:
        assert s.count() == 0


def test_cli_local_cluster_stores_the_same_records(tmp_path):
    paths = _inputs(tmp_path)
    r = run_cli("ingest", *paths, "--db", str(tmp_path / "local.db"), "--dask", "local",
                "--workers", "1", "--batch-size", "3", "--json")
    assert r.returncode == 0, r.stderr
    with Store(tmp_path / "local.db") as local, Store(tmp_path / "plain.db") as plain:
        ingest(paths, plain, workers=1)
        assert _records(local) == _records(plain)
        assert len(_records(local)) == 4


def test_missing_distributed_names_the_extra(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)   # as if not installed
    article = Article(text="Talks resumed in Sochi on Monday.", published=dt.date(2018, 9, 4))
    with pytest.raises(DaskError, match=r"pip install 'dateline\[dask\]'"):
        next(extract_records([article], dask="local"))


def test_two_threads_per_worker_keep_order_and_allow_four_in_flight():
    from distributed import LocalCluster

    plain = {article.id: record
             for results in extract_records(_numbered_stories([]), batch_size=1)
             for article, record, error in results}
    taken: list[int] = []
    got: list[str] = []
    taken_at_result: list[int] = []
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp://",
                      host="127.0.0.1", **NO_DASHBOARD) as two:
        for results in extract_records(_numbered_stories(taken), batch_size=1,
                                       dask=two.scheduler_address):
            taken_at_result.append(len(taken))
            for article, record, error in results:
                # batches run side by side in one process give the records one gives alone
                assert error is None and record == plain[article.id]
                got.append(article.id)
    assert got == [f"s{i}" for i in range(6)]
    # two threads: four batches in flight before the first result is awaited
    assert taken_at_result == [4, 5, 6, 6, 6, 6]
