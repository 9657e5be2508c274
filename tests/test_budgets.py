"""Per-article budgets (time, memory) and worker processes that die with their parent."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import select
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from dateline import pipeline
from dateline.article import Article
from dateline.settings import Settings

DAY = dt.date(2018, 9, 7)


class _FakeNLP:
    """Stands in for the spaCy pipeline: the tests below replace build_record."""

    def pipe(self, texts: list[str], batch_size: int = 1) -> list[str]:
        return list(texts)

    def __call__(self, text: str) -> str:
        return text


@pytest.fixture
def fake_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    """build_record spins for a text holding "slow", fails for "huge", else returns its id."""
    import dateline.extract
    import dateline.nlp

    def build_record(doc: Any, article: Article, configs: Any = None, norm: Any = None) -> dict:
        if "slow" in article.text:
            while True:
                pass
        if "huge" in article.text:
            raise MemoryError
        return {"id": article.key}

    monkeypatch.setattr(dateline.nlp, "load_model", lambda name=None: _FakeNLP())
    monkeypatch.setattr(dateline.extract, "build_record", build_record)


def test_budget_interrupts_a_busy_block() -> None:
    start = time.process_time()
    with pytest.raises(pipeline.OverBudget), pipeline.article_budget(0.2):
        while True:
            pass
    assert time.process_time() - start < 5
    with pipeline.article_budget(0):   # no limit: the block runs to its end
        total = sum(range(1000))
    assert total == 499500


def test_article_over_time_is_skipped_and_the_rest_goes_on(fake_extraction: None) -> None:
    settings = Settings(article_seconds=0.3)
    slow = Article("A slow one.", DAY, id="slow")
    fine = Article("Envoys met in Geneva.", DAY, id="fine")
    results = pipeline._extract_batch([slow, fine], settings)
    assert [(a.key, rec, err) for a, rec, err in results] == [
        ("slow", None, "extraction took longer than 0.3 s; the article was skipped"),
        ("fine", {"id": "fine"}, None),
    ]


def test_article_out_of_memory_is_skipped(fake_extraction: None) -> None:
    settings = Settings(worker_memory_mb=512)
    results = pipeline._extract_batch([Article("A huge one.", DAY, id="huge"),
                                       Article("Envoys met.", DAY, id="fine")], settings)
    assert [err for _, _, err in results] == [
        "extraction needed more than 512 MB of memory; the article was skipped", None]


def test_memory_ceiling_turns_a_big_allocation_into_memory_error() -> None:
    code = textwrap.dedent("""
        from dateline.pipeline import limit_memory
        limit_memory(400)
        try:
            block = bytearray(800 * 1024 * 1024)
        except MemoryError:
            print("refused")
        else:
            print("allocated", len(block))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "refused", out.stderr


def _gone(pid: int) -> bool:
    """Whether process ``pid`` no longer runs (absent, or a zombie nobody reaped yet)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] in ("Z", "X")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_pool_workers_exit_when_their_parent_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "parent.py"
    script.write_text(textwrap.dedent("""
        import multiprocessing as mp, os, sys, time
        from dateline.pipeline import die_with_parent

        if __name__ == "__main__":
            pool = mp.get_context("spawn").Pool(2, initializer=die_with_parent,
                                                initargs=(os.getpid(),))
            pool.map(time.sleep, [0.1, 0.1])   # both workers started and initialised
            print(*[p.pid for p in pool._pool], flush=True)
            time.sleep(120)
    """))
    # a session of its own, so that whatever it spawned can be killed with it if it stalls
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True,
                              start_new_session=True)
    left: list[int] = []
    try:
        assert parent.stdout is not None
        # never wait forever for the workers' ids: a worker that stalls at start-up on a
        # loaded machine would hang the suite
        ready, _, _ = select.select([parent.stdout], [], [], 120)
        assert ready, "the parent printed no worker ids within 120 s"
        workers = [int(p) for p in parent.stdout.readline().split()]
        assert len(workers) == 2 and not any(_gone(p) for p in workers)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not all(_gone(p) for p in workers):
            time.sleep(0.1)
        left = [p for p in workers if not _gone(p)]
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(parent.pid, signal.SIGKILL)   # the parent and anything left of its
        parent.kill()
    for p in left:   # leave nothing running, then fail
        with contextlib.suppress(ProcessLookupError):
            os.kill(p, signal.SIGKILL)
    assert left == []


def test_budget_settings_are_listed_and_checked() -> None:
    s = Settings().with_overrides(["article_seconds=30", "worker_memory_mb=2048"])
    assert (s.article_seconds, s.worker_memory_mb) == (30.0, 2048)
    keys = {key for key, _, _ in Settings().items()}
    assert {"article_seconds", "worker_memory_mb"} <= keys
    with pytest.raises(ValueError, match="article_seconds"):
        Settings().with_overrides(["article_seconds=-1"])


def test_budget_interrupts_a_busy_worker_thread() -> None:
    """Off the main thread (as in a Dask worker) a watchdog enforces the budget."""
    outcome: list[str] = []

    def busy() -> None:
        try:
            with pipeline.article_budget(0.2):
                while True:
                    pass
        except pipeline.OverBudget:
            outcome.append("over budget")

    def quick() -> None:
        with pipeline.article_budget(5):
            outcome.append(str(sum(range(1000))))

    for target in (busy, quick):
        thread = threading.Thread(target=target)
        thread.start()
        thread.join(timeout=30)
        assert not thread.is_alive()
    assert outcome == ["over budget", "499500"]
    time.sleep(0.2)   # nothing left pending: the main thread goes on undisturbed
    assert sum(range(10)) == 45


def test_in_process_memory_budget_is_lifted_after_the_block() -> None:
    code = textwrap.dedent("""
        from dateline.pipeline import memory_budget
        with memory_budget(200):
            try:
                bytearray(800 * 1024 * 1024)
                print("allocated")
            except MemoryError:
                print("refused")
        print("after", len(bytearray(800 * 1024 * 1024)) // 2**20)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.split("\n")[:2] == ["refused", "after 800"], out.stderr


def _die_on_poison(articles: list[Article], settings: Settings) -> list[pipeline.Result]:
    """A batch function whose worker process dies outright on an article saying "poison"."""
    if any("poison" in a.text for a in articles):
        os.kill(os.getpid(), signal.SIGKILL)
    return [(a, {"id": a.key}, None) for a in articles]


def test_a_worker_killed_mid_batch_costs_only_its_article() -> None:
    articles = [Article(f"Story {i}.", DAY, id=f"s{i}") for i in range(5)]
    articles.insert(2, Article("A poison pill.", DAY, id="bad"))
    pool = pipeline._WorkerPool(2, Settings(worker_memory_mb=0), fn=_die_on_poison,
                                warm_up=False)
    batches = [articles[:2], articles[2:4], articles[4:]]
    results = [r for batch in pool.run(iter(batches)) for r in batch]
    assert [a.key for a, _, _ in results] == ["s0", "s1", "bad", "s2", "s3", "s4"]
    assert [rec["id"] for _, rec, _ in results if rec] == ["s0", "s1", "s2", "s3", "s4"]
    (error,) = [err for _, _, err in results if err]
    assert error.startswith("the extraction worker died")
