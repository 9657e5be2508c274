"""HTTP API latency on a large store: p50 and p99 per endpoint.

Builds a store of ``--articles`` articles by copying the rows of a real store
(``--db``, opened read-only and never written) under new ids, as an ingest of that many
articles would take hours: round k stores every source article again as
``<id>#k``, with its sentences and extracted rows pointing to the new article; the
full-text indexes are rebuilt once at the end. Then it starts ``dateline serve`` on
127.0.0.1 (a free port) in a subprocess, sends ``--requests`` requests per endpoint
from ``--clients`` concurrent clients (each request with a timeout, the whole run
with a time limit), prints one line per endpoint (requests, status codes, p50, p99,
max) and stops the server. The requests start once every server process has done its
start-up work (the integrity check and the statistics count, run in the background and
taking CPU meanwhile): that time is printed on a line of its own::

    python benchmarks/api_latency.py --db /tmp/tls-after2/LibyaWar_cnn.db \\
        --articles 100000 --out /tmp/big.db

``--reuse`` skips the build when ``--out`` already holds a store of that size;
``--workers 1 2`` runs the requests once per number of server processes, on one store.
``--existing`` times ``--db`` itself, opened read-only (no build, no upgrade);
``--only map chart network`` times those endpoints alone; ``--direct`` times the views
(map, chart, network, network edge) in this process, as server time without HTTP::

    python benchmarks/api_latency.py --db /tmp/api/big.db --existing --direct
    python benchmarks/api_latency.py --db /tmp/api/big.db --existing --only map chart network
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

import httpx

#: Tables copied round by round (the FTS tables are rebuilt, aliases recomputed never).
_SKIP = {"meta", "aliases", "articles", "sentences"}


def _columns(db: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in db.execute(f"PRAGMA table_info({table})") if r[1] != "rowid"]


def build(source: Path, out: Path, articles: int) -> None:
    """Write a store of ``articles`` articles to ``out``: the source's rows copied
    under new ids until there are enough. ``source`` is only read."""
    if out.exists():
        out.unlink()
    for suffix in ("-wal", "-shm"):
        Path(f"{out}{suffix}").unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source.resolve()}?mode=ro", uri=True)
    dst = sqlite3.connect(out)
    src.backup(dst)
    src.close()
    dst.execute("PRAGMA journal_mode = DELETE")
    dst.execute("PRAGMA synchronous = OFF")
    dst.execute("PRAGMA cache_size = -400000")
    n0, top = dst.execute("SELECT count(*), max(rowid) FROM articles").fetchone()
    kinds = [r[0] for r in dst.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE '%VIRTUAL%'"
        " AND name NOT LIKE '%\\_fts\\_%' ESCAPE '\\'") if r[0] not in _SKIP]
    triggers = dst.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    acols = [c for c in _columns(dst, "articles") if c != "id"]
    scols = [c for c in _columns(dst, "sentences") if c != "article"]
    kcols = {k: [c for c in _columns(dst, k) if c != "article"] for k in kinds}
    t0 = time.monotonic()
    with dst:
        for name, _ in triggers:
            dst.execute(f"DROP TRIGGER {name}")
        have, k = n0, 0
        while have < articles:
            k += 1
            take = min(n0, articles - have)
            offset = k * top
            ids = f"SELECT rowid FROM articles WHERE rowid <= {top} ORDER BY rowid LIMIT {take}"
            dst.execute(f"INSERT INTO articles (rowid, id, {', '.join(acols)})"
                        f" SELECT rowid + {offset}, id || '#{k}', {', '.join(acols)}"
                        f" FROM articles WHERE rowid IN ({ids})")
            dst.execute(f"INSERT INTO sentences (article, {', '.join(scols)})"
                        f" SELECT article + {offset}, {', '.join(scols)} FROM sentences"
                        f" WHERE article IN ({ids}) ORDER BY rowid")
            for kind in kinds:
                cols = ", ".join(f'"{c}"' for c in kcols[kind])
                dst.execute(f"INSERT INTO {kind} (article, {cols})"
                            f" SELECT article + {offset}, {cols} FROM {kind}"
                            f" WHERE article IN ({ids}) ORDER BY rowid")
            have += take
            if k % 25 == 0:
                print(f"  {have:,} articles ({time.monotonic() - t0:.0f} s)", file=sys.stderr)
        print(f"  copied: {have:,} articles ({time.monotonic() - t0:.0f} s); rebuilding the"
              " full-text indexes", file=sys.stderr)
        dst.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
        dst.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')")
        for _, sql in triggers:
            dst.execute(sql)
    dst.execute("PRAGMA journal_mode = WAL")
    dst.close()
    print(f"  built in {time.monotonic() - t0:.0f} s", file=sys.stderr)


def _upgrade(out: Path) -> None:
    """Open the store once for writing: brings it to this Dateline's schema (indexes)."""
    from dateline.store import Store
    t0 = time.monotonic()
    with Store(out) as store:
        version = store.schema_version()
    print(f"  schema {version} ({time.monotonic() - t0:.0f} s to open for writing)",
          file=sys.stderr)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def requests_for(db: Path, n: int, seed: int = 7) -> dict[str, list[str]]:
    """``{endpoint label: [URL path and query, ...]}``, ``n`` each, with parameters
    drawn from what the store holds (frequent names, places, words, days)."""
    rnd = random.Random(seed)
    con = sqlite3.connect(f"file:{db.resolve()}?mode=ro", uri=True)
    n0 = min(con.execute("SELECT count(*) FROM articles").fetchone()[0], 5000)
    sample = f"SELECT rowid FROM articles ORDER BY rowid LIMIT {n0}"
    people = [r[0] for r in con.execute(
        "SELECT canonical, count(*) c FROM entities WHERE label = 'PERSON' AND article IN"
        f" ({sample}) GROUP BY canonical ORDER BY c DESC LIMIT 20")]
    places = [r[0] for r in con.execute(
        f"SELECT name, count(*) c FROM places WHERE article IN ({sample})"
        " GROUP BY name ORDER BY c DESC LIMIT 20")]
    days = [r[0] for r in con.execute(
        f"SELECT DISTINCT published FROM articles WHERE rowid IN ({sample})")]
    types = [r[0] for r in con.execute(
        f"SELECT type, count(*) c FROM events WHERE article IN ({sample})"
        " GROUP BY type ORDER BY c DESC LIMIT 6")]
    countries = [r[0] for r in con.execute(
        f"SELECT actor_country, count(*) c FROM events WHERE article IN ({sample}) AND"
        " actor_country IS NOT NULL GROUP BY actor_country ORDER BY c DESC LIMIT 6")]
    ids = [r[0] for r in con.execute(
        "SELECT id FROM articles WHERE rowid % 97 = 0 LIMIT 500")] or [r[0] for r in con.execute(
        "SELECT id FROM articles LIMIT 500")]   # a small store
    con.close()
    words = ["Gaddafi", "rebels", "Benghazi", "NATO", "oil", "ceasefire", "Tripoli",
             "\"no-fly zone\"", "Misrata AND port", "civilians OR refugees"]

    def day() -> str:
        return rnd.choice(days)[:10]

    def view_selection() -> str:
        """The selection of a map, chart or network: words (a frequent place's name, found
        in any store), a person, a place or a day."""
        pick = rnd.randrange(4)
        if pick == 0:
            return f"q={rnd.choice(places)}"
        if pick == 1:
            return f"entity={rnd.choice(people)}"
        if pick == 2:
            return f"place={rnd.choice(places)}"
        d = day()
        return f"start={d}&end={d}"

    def one(label: str) -> str:
        if label == "search words":
            return f"/api/search?q={rnd.choice(words)}&limit=20"
        if label == "search filters":
            pick = rnd.randrange(4)
            if pick == 0:
                return f"/api/search?entity={rnd.choice(people)}&limit=20"
            if pick == 1:
                return f"/api/search?place={rnd.choice(places)}&limit=20"
            if pick == 2:
                return (f"/api/search?event={rnd.choice(types)}&country="
                        f"{rnd.choice(countries)}&limit=20")
            d = day()
            return f"/api/search?start={d}&end={d}&limit=20"
        if label == "timeline":
            return f"/api/timeline?q={rnd.choice(people + places)}&max_dates=5"
        if label == "events":
            if rnd.randrange(2):
                return f"/api/events?type={rnd.choice(types)}&country={rnd.choice(countries)}"
            d = day()
            return f"/api/events?start={d}&end={d}"
        if label in ("map", "chart", "network"):
            return f"/api/{label}?{view_selection()}"
        if label == "network edge":
            pair = rnd.sample(countries, 2) if len(countries) > 1 else countries * 2
            return f"/api/network/edge?{view_selection()}&a={pair[0]}&b={pair[1]}"
        if label == "article":
            return f"/api/articles/{rnd.choice(ids)}"
        if label == "stats":
            return "/api/stats"
        return "/api/health"

    return {label: [one(label) for _ in range(n)] for label in LABELS}


#: The endpoints timed, as requests_for labels them.
LABELS = ("health", "stats", "article", "search words", "search filters", "timeline",
          "events", "map", "chart", "network", "network edge")
#: The views of a selection (issue 13), which --direct times in-process.
VIEW_LABELS = ("map", "chart", "network", "network edge")


def server_times(db: Path, n: int, labels: tuple[str, ...]) -> None:
    """Time the views' API calls in this process, on ``db`` opened read-only: the server
    time of each request (what the endpoint spends in :class:`dateline.api.Dateline`),
    without HTTP and without other clients. One table line per label: requests,
    failures (a bad parameter drawn, e.g. a name the store lacks), p50, p99, max."""
    from urllib.parse import parse_qsl, urlsplit

    from dateline.api import Dateline

    plan = requests_for(db, n)
    names = {"q": "query"}
    print("| endpoint (server time) | requests | failed | p50 ms | p99 ms | max ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    with Dateline(db, readonly=True) as dl:
        for label in labels:
            times, failed = [], 0
            for url in plan[label]:
                parts = urlsplit(url)
                params = {names.get(k, k): v for k, v in parse_qsl(parts.query)}
                view = parts.path.rsplit("/", 1)[-1]
                t = time.perf_counter()
                try:
                    if view == "edge":
                        dl.network_events(params.pop("a"), params.pop("b"), **params)
                    else:
                        getattr(dl, view)(**params)
                except ValueError:
                    failed += 1
                times.append(time.perf_counter() - t)
            ts = sorted(times)
            p99 = ts[min(len(ts) - 1, round(0.99 * (len(ts) - 1)))]
            print(f"| {label} | {len(ts)} | {failed} | {statistics.median(ts) * 1000:.0f} |"
                  f" {p99 * 1000:.0f} | {ts[-1] * 1000:.0f} |")


#: Consecutive answers saying "checked" and "counted" taken as every server process done
#: with its start-up work (requests go to the processes in turn).
_READY_ANSWERS = 8


def _steady(base: str, proc: subprocess.Popen[bytes], limit_s: float = 600) -> float:
    """Seconds until the server's start-up work is done: its processes check the store's
    integrity and count its statistics in the background (tens of seconds at 100,000
    articles), taking CPU from the requests meanwhile. Timing requests before that would
    measure start-up, not service; the start-up time is printed on its own."""
    t0 = time.monotonic()
    in_a_row = 0
    with httpx.Client(base_url=base, timeout=30) as c:
        while in_a_row < _READY_ANSWERS:
            if proc.poll() is not None:
                raise SystemExit(f"server stopped (exit status {proc.poll()})")
            if time.monotonic() - t0 > limit_s:
                raise SystemExit(f"server not ready after {limit_s:.0f} s")
            health = c.get("/api/health").json()
            stats = c.get("/api/stats").json()
            if health.get("integrity") == "checked" and stats.get("status") == "counted":
                in_a_row += 1
            else:
                in_a_row = 0
                time.sleep(0.5)
    return time.monotonic() - t0


def run(db: Path, n: int, clients: int, limit_s: float, timeout_s: float,
        workers: int | None = None, labels: tuple[str, ...] = LABELS) -> None:
    """Serve ``db`` (with ``workers`` server processes; None: the command's default),
    send the requests, print the table; the server is always stopped."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATELINE_DB"}
    proc = subprocess.Popen([sys.executable, "-m", "dateline.cli", "serve", "--db", str(db),
                             "--host", "127.0.0.1", "--port", str(port)]
                            + ([] if workers is None else ["--workers", str(workers)]),
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"server did not start (exit status {proc.poll()})")
            try:
                httpx.get(f"{base}/openapi.json", timeout=5)   # touches no store
                break
            except httpx.TransportError:
                time.sleep(0.3)
        ready = _steady(base, proc)
        plan = {k: v for k, v in requests_for(db, n).items() if k in labels}
        work = [(label, url) for label, urls in plan.items() for url in urls]
        random.Random(1).shuffle(work)
        times: dict[str, list[float]] = defaultdict(list)
        codes: dict[str, Counter[str]] = defaultdict(Counter)
        lock = threading.Lock()
        stop_at = time.monotonic() + limit_s

        def client() -> None:
            with httpx.Client(base_url=base, timeout=timeout_s) as c:
                while time.monotonic() < stop_at:
                    with lock:
                        if not work:
                            return
                        label, url = work.pop()
                    t = time.perf_counter()
                    try:
                        code = str(c.get(url).status_code)
                    except httpx.TimeoutException:
                        code = "timeout"
                    elapsed = time.perf_counter() - t
                    with lock:
                        times[label].append(elapsed)
                        codes[label][code] += 1

        t0 = time.monotonic()
        threads = [threading.Thread(target=client) for _ in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.monotonic() - t0
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    total = sum(len(v) for v in times.values())
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"server ready {ready:.1f} s after it answered (integrity check and statistics"
          " count of every process done); the requests were sent after that")
    print(f"{total} requests, {clients} clients, "
          f"{'default' if workers is None else workers} server processes, {wall:.1f} s"
          + (f" ({len(work)} not sent: time limit)" if work else "")
          + f"; load average after: {load} on {os.cpu_count()} CPUs (other work on the"
          " machine slows every request)")
    print("| endpoint | requests | status | p50 ms | p99 ms | max ms |")
    print("| --- | ---: | --- | ---: | ---: | ---: |")
    for label in plan:
        ts = sorted(times[label])
        if not ts:
            continue
        p99 = ts[min(len(ts) - 1, round(0.99 * (len(ts) - 1)))]
        status = ", ".join(f"{k}: {v}" for k, v in sorted(codes[label].items()))
        print(f"| {label} | {len(ts)} | {status} | {statistics.median(ts) * 1000:.0f} |"
              f" {p99 * 1000:.0f} | {ts[-1] * 1000:.0f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, required=True, help="source store (only read)")
    ap.add_argument("--articles", type=int, default=100_000, help="size of the built store")
    ap.add_argument("--out", type=Path, help="the store to build")
    ap.add_argument("--reuse", action="store_true",
                    help="use --out as it is when it already holds --articles articles")
    ap.add_argument("--requests", type=int, default=50, help="requests per endpoint")
    ap.add_argument("--clients", type=int, default=4, help="concurrent clients")
    ap.add_argument("--limit", type=float, default=300, help="seconds for all the requests")
    ap.add_argument("--timeout", type=float, default=30, help="seconds for one request")
    ap.add_argument("--workers", type=int, nargs="*", default=None,
                    help="server processes, one run per value given (default: one run "
                         "with the serve command's default)")
    ap.add_argument("--only", nargs="+", choices=LABELS, metavar="LABEL",
                    help=f"time these endpoints only (of: {', '.join(LABELS)})")
    ap.add_argument("--existing", action="store_true",
                    help="time --db itself, opened read-only (no --out, no build, no upgrade)")
    ap.add_argument("--direct", action="store_true",
                    help="time the views' API calls in this process (server time, no HTTP) "
                         "on the store, instead of serving it")
    args = ap.parse_args()
    labels = tuple(args.only or LABELS)
    if args.existing:
        if args.direct:
            server_times(args.db, args.requests, tuple(x for x in labels if x in VIEW_LABELS))
            return
        for workers in args.workers or [None]:
            run(args.db, args.requests, args.clients, args.limit, args.timeout, workers, labels)
        return
    if args.out is None:
        raise SystemExit("--out is needed (or --existing)")
    if args.out.resolve() == args.db.resolve():
        raise SystemExit("--out must not be the source store")
    fresh = True
    if args.reuse and args.out.exists():
        con = sqlite3.connect(f"file:{args.out.resolve()}?mode=ro", uri=True)
        fresh = con.execute("SELECT count(*) FROM articles").fetchone()[0] != args.articles
        con.close()
    if fresh:
        print(f"building {args.out} ({args.articles:,} articles from {args.db})", file=sys.stderr)
        build(args.db, args.out, args.articles)
    _upgrade(args.out)
    if args.direct:
        server_times(args.out, args.requests, tuple(x for x in labels if x in VIEW_LABELS))
        return
    for workers in args.workers or [None]:
        run(args.out, args.requests, args.clients, args.limit, args.timeout, workers, labels)


if __name__ == "__main__":
    main()
