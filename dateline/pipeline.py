"""Running the pipeline: articles -> spaCy -> extractors -> records, in one or many
processes, or on a Dask cluster.

:func:`extract_records` turns a stream of articles into records, in order, with
at most a bounded number of articles in flight, so memory stays flat however
long the stream is.

Each article has a budget (``Settings.article_seconds`` of CPU time, and in worker
processes ``Settings.worker_memory_mb`` of address space): an article over budget
gets an error, not a record, and the run goes on. Worker processes exit when the
process that started them dies.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import multiprocessing as mp
import os
import resource
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

from dateline.article import Article
from dateline.settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

# spaCy and the extractors' code run in the worker processes, so the process that
# reads and stores never loads spaCy (the extractors' declarations are cheap).

Result = tuple[Article, dict[str, Any] | None, str | None]
"""``(article, record, error)``: the record, or None and why extraction failed."""


def extract_fingerprint(settings: Settings | None = None) -> str:
    """The fingerprint stored with each article extracted under ``settings``
    (:func:`dateline.extract.fingerprint`); ``ingest --update`` re-extracts articles
    stored under another."""
    from dateline.extract import fingerprint

    settings = settings or Settings()
    return fingerprint(settings.extractor_configs(), settings.model)


def extract_article(article: Article, settings: Settings | None = None) -> dict[str, Any]:
    """The record of one article (parses it in this process)."""
    from dateline.extract import build_record
    from dateline.nlp import load_model
    from dateline.normalise import normalise

    settings = settings or Settings()
    norm = normalise(article.text)
    return build_record(load_model(settings.model)(norm.text), article,
                        settings.extractor_configs(), norm)


class OverBudget(BaseException):
    """Raised inside an article's extraction when its time budget is spent (a
    BaseException, so that no ``except Exception`` in an extractor swallows it)."""


@contextlib.contextmanager
def article_budget(seconds: float) -> Iterator[None]:
    """Raise :class:`OverBudget` in the block once the running thread has spent
    ``seconds`` more CPU seconds. No limit when ``seconds`` is 0.

    On a process's main thread a ``SIGPROF`` interval timer does it; on other threads
    (Dask worker threads) a watchdog thread reads the thread's CPU clock and raises
    the exception in it asynchronously, which takes effect at the next Python
    instruction (a single long C call finishes first)."""
    if seconds <= 0:
        yield
    elif threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _signal_budget(seconds):
            yield
    elif hasattr(time, "pthread_getcpuclockid"):
        with _watchdog_budget(seconds):
            yield
    else:
        yield


@contextlib.contextmanager
def _signal_budget(seconds: float) -> Iterator[None]:
    def over(signum: int, frame: Any) -> None:
        raise OverBudget

    previous = signal.signal(signal.SIGPROF, over)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


#: How often the watchdog of a thread's budget reads the thread's CPU clock.
_WATCH_INTERVAL = 0.05


@contextlib.contextmanager
def _watchdog_budget(seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    clock = time.pthread_getcpuclockid(target)
    deadline = time.clock_gettime(clock) + seconds
    lock = threading.Lock()
    state = {"done": False, "fired": False}
    stop = threading.Event()

    def watch() -> None:
        while not stop.wait(_WATCH_INTERVAL):
            if time.clock_gettime(clock) > deadline:
                with lock:
                    if not state["done"]:
                        ctypes.pythonapi.PyThreadState_SetAsyncExc(
                            ctypes.c_ulong(target), ctypes.py_object(OverBudget))
                        state["fired"] = True
                return

    watcher = threading.Thread(target=watch, name="dateline-budget", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        with lock:
            state["done"] = True
            if state["fired"]:   # raised already, or still pending: never let it leak out later
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)
        stop.set()
        watcher.join()
        if state["fired"]:
            raise OverBudget


def _over_time(settings: Settings) -> str:
    return f"extraction took longer than {settings.article_seconds:g} s; the article was skipped"


def _over_memory(settings: Settings) -> str:
    if settings.worker_memory_mb > 0:
        return (f"extraction needed more than {settings.worker_memory_mb} MB of memory; "
                "the article was skipped")
    return "extraction ran out of memory; the article was skipped"


def _extract_batch(articles: list[Article], settings: Settings | None = None) -> list[Result]:
    """The results of ``articles``, each parsed and extracted within its budget."""
    from dateline.extract import build_record
    from dateline.nlp import load_model
    from dateline.normalise import normalise

    settings = settings or Settings()
    nlp = load_model(settings.model)
    configs = settings.extractor_configs()
    out: list[Result] = []
    norms = [normalise(a.text) for a in articles]
    docs: list[Doc | None] = [None] * len(articles)
    try:
        with article_budget(settings.article_seconds * len(articles)):
            docs = list(nlp.pipe([n.text for n in norms], batch_size=len(articles)))
    except (Exception, OverBudget):  # one bad or slow text spoils the batch: redo one by one
        docs = [None] * len(articles)
    for article, norm, doc in zip(articles, norms, docs):
        try:
            with article_budget(settings.article_seconds):
                record = build_record(doc if doc is not None else nlp(norm.text),
                                      article, configs, norm)
            out.append((article, record, None))
        except OverBudget:
            out.append((article, None, _over_time(settings)))
        except MemoryError:
            out.append((article, None, _over_memory(settings)))
        except Exception as exc:  # an extractor bug must not stop a long ingest
            out.append((article, None, f"extraction failed: {type(exc).__name__}: {exc}"))
    return out


#: Linux's prctl option that sends a signal to a process when its parent dies.
_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Make this process exit when process ``parent`` (its parent) dies: at once on
    Linux (``PR_SET_PDEATHSIG``), and elsewhere within a second (a thread that
    watches ``os.getppid()``)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)

    def watch() -> None:
        while True:
            if os.getppid() != parent:
                os._exit(1)
            time.sleep(1.0)

    if os.getppid() != parent:   # it died before we got here
        os._exit(1)
    threading.Thread(target=watch, name="dateline-parent-watch", daemon=True).start()


def limit_memory(megabytes: int) -> None:
    """Cap this process's address space at ``megabytes`` (never above the hard limit;
    0: no cap), so that an article too big for it fails with MemoryError."""
    if megabytes <= 0:
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _address_space() -> int | None:
    """This process's address space in bytes (Linux), else None."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


@contextlib.contextmanager
def memory_budget(megabytes: int) -> Iterator[None]:
    """Within the block, let this process's address space grow by at most
    ``megabytes`` (an allocation beyond raises MemoryError), then lift the cap again.
    For extraction inside the ingesting process (``--workers 1``); only on the main
    thread, as the cap holds for every thread. No cap when ``megabytes`` is 0 or the
    address space cannot be read."""
    size = _address_space()
    if (megabytes <= 0 or size is None
            or threading.current_thread() is not threading.main_thread()):
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = size + megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    if soft != resource.RLIM_INFINITY:
        limit = min(limit, soft)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _start_worker(parent: int, model: str | None | bool, memory_mb: int) -> None:
    """Set up an extraction worker; ``model`` False: load no model ahead of work."""
    die_with_parent(parent)
    if model is not False:
        _warm_up(model if isinstance(model, str) else None)
    limit_memory(memory_mb)


def _warm_up(model: str | None = None) -> None:
    from dateline.extract import registry
    from dateline.nlp import load_model

    registry()   # the extractors' modules, before the first batch
    load_model(model)


#: A worker process is replaced after this many batches: spaCy's string store only
#: grows, so a fresh process keeps a long ingest's memory flat.
BATCHES_PER_WORKER = 100

#: A batch closes once its texts reach this many characters: spaCy's memory grows
#: with the text it holds at once, and news articles vary from 1 kB to 200 kB.
BATCH_CHARS = 100_000


def _batches(articles: Iterable[Article], size: int,
             max_chars: int = BATCH_CHARS) -> Iterator[list[Article]]:
    """Batches of at most ``size`` articles and, unless one article alone is
    longer, at most ``max_chars`` characters."""
    batch: list[Article] = []
    chars = 0
    for article in articles:
        if batch and chars + len(article.text) > max_chars:
            yield batch
            batch, chars = [], 0
        batch.append(article)
        chars += len(article.text)
        if len(batch) >= size:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def extract_records(articles: Iterable[Article], *, workers: int = 1,
                    batch_size: int = 16, dask: str | None = None,
                    settings: Settings | None = None) -> Iterator[list[Result]]:
    """Extract ``articles`` in batches, yielding each batch's results in input order.

    ``settings`` chooses the model and the extractors' configurations (the
    defaults when None); ``workers`` and ``batch_size`` are given apart so that a
    caller's explicit choice wins. With ``workers`` > 1, batches run in that many processes, at most two
    batches per process in flight; the input is consumed lazily.

    With ``dask`` (a scheduler address such as ``tcp://10.0.0.5:8786``, or
    ``"local"`` for a local cluster of ``workers`` processes), batches run as
    Dask tasks instead, at most two per worker thread in flight, with the same
    results in the same order (see :mod:`dateline.distributed`); it raises
    :class:`dateline.distributed.DaskError` before the first batch when Dask is
    not installed or the scheduler cannot be reached.
    """
    settings = settings or Settings()
    if dask is not None:
        from dateline.distributed import run_batches
        yield from run_batches(functools.partial(_extract_batch, settings=settings),
                               _batches(articles, batch_size), dask, workers=workers)
        return
    if workers <= 1:
        warm = False
        for batch in _batches(articles, batch_size):
            if not warm:   # the model loads outside the articles' memory budget
                _warm_up(settings.model)
                warm = True
            with memory_budget(settings.worker_memory_mb):
                results = _extract_batch(batch, settings)
            yield results
        return
    yield from _WorkerPool(workers, settings).run(_batches(articles, batch_size))


class _WorkerPool:
    """Batches extracted in ``workers`` spawned processes, results in input order, at
    most two batches per process in flight.

    A worker that dies outright (killed, or a crash in C code) breaks the process
    pool: its batch and those queued behind it are then run again in a fresh pool,
    the dead worker's batch one article at a time, so that only the article that
    kills a worker is rejected and the run goes on."""

    def __init__(self, workers: int, settings: Settings,
                 fn: Callable[[list[Article], Settings], list[Result]] = _extract_batch,
                 warm_up: bool = True) -> None:
        self.workers = workers
        self.settings = settings
        self.fn = fn
        self.warm_up = warm_up
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.workers, mp_context=mp.get_context("spawn"), initializer=_start_worker,
            initargs=(os.getpid(), self.settings.model if self.warm_up else False,
                      self.settings.worker_memory_mb),
            max_tasks_per_child=BATCHES_PER_WORKER)

    def _submit(self, batch: list[Article]) -> Future[list[Result]]:
        return self.executor.submit(self.fn, batch, self.settings)

    def _renew(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._new()

    def run(self, batches: Iterable[list[Article]]) -> Iterator[list[Result]]:
        pending: deque[tuple[list[Article], Future[list[Result]]]] = deque()
        try:
            for batch in batches:
                pending.append((batch, self._submit(batch)))
                while len(pending) >= 2 * self.workers:
                    yield self._result(pending)
            while pending:
                yield self._result(pending)
        except BaseException:   # interrupted, or the caller stopped reading: stop at once
            self._terminate()
            raise
        self.executor.shutdown(wait=True)

    def _terminate(self) -> None:
        # The executor has no public way to stop running work; its processes are reachable.
        processes = list((getattr(self.executor, "_processes", None) or {}).values())
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            with contextlib.suppress(Exception):
                process.terminate()

    def _result(self, pending: deque[tuple[list[Article], Future[list[Result]]]]
                ) -> list[Result]:
        batch, future = pending.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            pass
        self._renew()
        results = [self._alone(article) for article in batch]
        for i, (queued, _) in enumerate(pending):   # their futures broke with the pool
            pending[i] = (queued, self._submit(queued))
        return results

    def _alone(self, article: Article) -> Result:
        """One article in the pool by itself; rejected if it kills its worker."""
        try:
            return self._submit([article]).result()[0]
        except BrokenProcessPool:
            self._renew()
            return (article, None, "the extraction worker died (killed, or it crashed) "
                                   "while extracting this article; the article was skipped")
