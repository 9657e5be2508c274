"""Running extraction batches on a Dask cluster (``dateline ingest --dask``).

Only where batches run changes: the caller still reads, dedupes and writes, so
the store keeps one writer. Each batch is one Dask task; at most two batches
per worker thread are in flight, so memory stays bounded however long the
input is, and results come back in input order.

Dask is an optional extra (``pip install 'dateline[dask]'``): this module
imports it only when a cluster is asked for, so importing the module is cheap
and works without it. The workers unpickle the batch function and the articles
by reference, so every Dask worker needs the same version of Dateline (and its
spaCy model) installed.
"""

from __future__ import annotations

import logging
import socket
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from typing import Any, TypeVar
from urllib.parse import urlsplit

#: The address that starts a cluster of worker processes on this machine.
LOCAL = "local"

#: Seconds to wait for the scheduler before giving up.
CONNECT_TIMEOUT_S = 10.0

#: Batches in flight per worker thread (one running, one queued behind it).
BATCHES_PER_THREAD = 2

INSTALL_HINT = "pip install 'dateline[dask]'"

B = TypeVar("B")
R = TypeVar("R")


class DaskError(RuntimeError):
    """Dask cannot run the batches: it is not installed, or the scheduler is unreachable."""


def run_batches(fn: Callable[[B], R], batches: Iterable[B], address: str, *,
                workers: int = 1) -> Iterator[R]:
    """Yield ``fn(batch)`` for each of ``batches``, in input order, computed on Dask.

    ``address`` is a scheduler address (``tcp://host:8786``) or ``"local"``, which
    starts a :class:`distributed.LocalCluster` on 127.0.0.1 with ``workers``
    processes of one thread each (and no dashboard); ``workers`` is ignored for
    a remote scheduler. ``batches`` is consumed lazily: a new batch is taken only
    while fewer than two per worker thread (and at least two in all) are in
    flight. ``fn`` must be importable on the workers (a module-level function).

    Raises :class:`DaskError` before the first result if Dask is not installed
    or the scheduler cannot be reached within :data:`CONNECT_TIMEOUT_S`. The
    client, and the local cluster if one was started, are closed when the
    iterator finishes, fails, is interrupted or is closed early.
    """
    with ExitStack() as stack:
        client = _connect(address, workers, stack)
        pending: deque[Any] = deque()
        for i, batch in enumerate(batches):
            # earlier batches first (higher priority runs sooner); pure=False: never
            # hash a batch's texts into a task key, and never merge equal batches
            pending.append(client.submit(fn, batch, pure=False, priority=-i))
            limit = max(2, BATCHES_PER_THREAD * _threads(client))
            while len(pending) >= limit:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _threads(client: Any) -> int:
    """Worker threads the cluster has now (workers may join or leave during a run)."""
    return sum(client.nthreads().values())


def _connect(address: str, workers: int, stack: ExitStack) -> Any:
    """A client of the cluster at ``address`` (or of a new local one), closed by ``stack``."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise DaskError(f"running on Dask needs the 'distributed' package ({exc}): "
                        f"{INSTALL_HINT}") from None
    if address == LOCAL:
        # the scheduler's HTTP server starts even without a dashboard: give it a free
        # loopback port, not 8787, which another cluster may hold
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address="127.0.0.1:0",
                               scheduler_kwargs={"dashboard": False},
                               silence_logs=logging.ERROR)
        stack.callback(cluster.close)
        client = Client(cluster, set_as_default=False)
    else:
        _check_reachable(address)
        failure = None
        try:
            client = Client(address, timeout=CONNECT_TIMEOUT_S, set_as_default=False)
        except OSError as exc:  # TimeoutError included
            failure = f"cannot reach the Dask scheduler at {address}: {exc}"
        except Exception as exc:  # something answers there, but not a Dask scheduler
            failure = f"no Dask scheduler at {address} ({type(exc).__name__}: {exc})"
        if failure:  # outside the except: no chained Dask traceback on the error
            raise DaskError(failure)
    stack.callback(client.close)
    return client


def _check_reachable(address: str) -> None:
    """Fail at once when nothing listens at a TCP scheduler address.

    Dask's own connect retries a refused connection until its timeout runs out;
    a wrong host or port should not cost the user that wait. Addresses of other
    schemes are left to Dask.
    """
    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    if parts.scheme not in ("tcp", "tls"):
        return
    try:
        host, port = parts.hostname, parts.port
    except ValueError:
        host = port = None
    if not host or port is None:
        raise DaskError(f"not a Dask scheduler address: {address!r} "
                        "(expected tcp://HOST:PORT or 'local')")
    try:
        with socket.create_connection((host, port), timeout=CONNECT_TIMEOUT_S):
            pass
    except OSError as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        raise DaskError(f"cannot reach the Dask scheduler at {address}: {reason}") from None
