"""``dateline serve``: a read-only HTTP API and a small web page over one store.

:func:`create_app` builds the FastAPI application; ``dateline serve`` runs it with
uvicorn. Every endpoint is a GET that reads the store and answers JSON (docs/http.md
lists them); ``/`` is a dependency-free page (``dateline/web/``) that calls them.

Every endpoint goes through the Python API (:class:`dateline.api.Dateline`), which
makes the checks and words the messages (parameters named as in the URL). The store
is opened read-only (``mode=ro``) once at start-up, to refuse a missing, foreign or
broken database with one clear :class:`~dateline.store.StoreError`, and then once
per request: SQLite connections belong to the thread
that opened them, FastAPI runs sync endpoints in a thread pool, and opening a store
costs well under a millisecond. Another process may ingest into the same file meanwhile (WAL mode);
each request sees what was committed when it began.

Bad parameters give status 400 with ``{"detail": "one clear message"}``; an unknown
article 404; a store that went away after start-up 503; a query that runs past its
time budget (``query_budget``, 2 s) is stopped and answered 503 "narrow it".

A request whose ``Host`` header names another machine is refused with 400, so that a
web page from elsewhere cannot reach the server through a DNS name rebound to
127.0.0.1; every answer carries ``Content-Security-Policy``,
``X-Content-Type-Options: nosniff`` and ``Referrer-Policy: no-referrer``.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import socket
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from dateline import downloads
from dateline.api import Dateline, ParamError, StoreStats
from dateline.data import read_rows
from dateline.settings import Settings
from dateline.store import (
    BACKGROUND_CHECK_BYTES,
    KINDS,
    QueryTimeout,
    StoreError,
    check_query,
    describe_error,
)
from dateline.version import __version__

#: Folder of the web page (index.html, app.js, style.css); shipped as package data.
WEB_DIR = Path(__file__).parent / "web"
#: Front-end files the page loads when npm installed them (dateline/web/package.json):
#: Natural Earth's country outlines (world-atlas) and the TopoJSON decoder (topojson-client).
VENDOR_FILES = {
    "countries-110m.json": WEB_DIR / "node_modules" / "world-atlas" / "countries-110m.json",
    "topojson-client.js": WEB_DIR / "node_modules" / "topojson-client" / "dist"
                          / "topojson-client.min.js",
}
#: The command that installs them.
NPM_INSTALL = "npm ci --prefix dateline/web"
#: The 16 event types of the PLOVER manual (DESIGN.md); other values are refused.
PLOVER_TYPES = tuple(row[0] for row in read_rows("events_types.tsv"))
#: Most search results one request may ask for; larger limits are lowered to it.
MAX_SEARCH_LIMIT = 500
#: Most results one search may skip (``offset``): paging deeper reads that many rows first.
MAX_SEARCH_OFFSET = 10_000
#: Most event groups one request may ask for; larger limits are lowered to it.
MAX_EVENTS_LIMIT = 5000
#: Most stories one /api/stories answer lists (each is summarised with a few queries).
MAX_STORIES_LIMIT = 200
#: Most places or actors one /api/map or /api/network request may ask for.
MAX_VIEW_TOP = 500
#: Most items per top-N list of /api/stats.
MAX_STATS_TOP = 100
#: Most articles one /api/timeline reads (the most relevant when more match; the answer
#: says so): about 2-5 ms each, where the command line reads up to
#: dateline.analyses.timeline.MAX_ARTICLES.
TIMELINE_ARTICLES = 100

#: Seconds one request's SQL may run before it is stopped (503, "narrow it").
QUERY_BUDGET_S = 2.0
#: Seconds /api/stats may take to count a store (about 12 s for 100,000 articles). The
#: count runs in the background (at start-up, and after the file changes) and is kept
#: until the file changes; a request waits at most STATS_WAIT_S for it (not at all on
#: a store of BACKGROUND_CHECK_BYTES or more), then gets the last count or the few
#: figures read at once, marked ``"status": "counting"``.
STATS_BUDGET_S = 120.0
STATS_WAIT_S = 0.5
#: Seconds /api/health may spend counting articles (an index scan: ~10 ms for 100,000)
#: before it answers with the last count it made instead.
COUNT_BUDGET_S = 0.5
#: Host names a loopback server answers to (the Host header, port aside).
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")

#: How the endpoints name the API's parameters in messages (ParamError.message).
HTTP_NAMES = {"query": "q"}

_ALPHA3 = re.compile(r"^[A-Za-z]{3}$")
#: The page may load only what this server serves (no CDN, no inline script).
_PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
             "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
#: JSON and everything else: nothing may run or load.
_API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"
#: Where the interactive API documentation lives (Swagger UI and ReDoc).
DOCS_URL, REDOC_URL = "/docs", "/redoc"
#: The documentation pages load Swagger UI's and ReDoc's script and style from this server
#: (the fastapi-offline package ships them: nothing from a CDN) and start them with an
#: inline script; ReDoc runs a web worker from a blob.
_DOCS_CSP = ("default-src 'none'; script-src 'self' 'unsafe-inline'; "
             "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
             "worker-src blob:; frame-ancestors 'none'; base-uri 'none'")


def _bad(message: str) -> HTTPException:
    """A 400 answer carrying ``message`` as its detail."""
    return HTTPException(status_code=400, detail=message)


def _text(value: str | None) -> str | None:
    """``value`` stripped, or None when absent or blank."""
    return value.strip() or None if value is not None else None


def _event_type(value: str | None, name: str) -> str | None:
    """The PLOVER event type given as ``name`` (upper-cased), None when absent; 400
    naming the known types when it is not one of them."""
    value = _text(value)
    if value is None:
        return None
    if value.upper() not in PLOVER_TYPES:
        raise _bad(f"{name} {value!r} is not a PLOVER event type (one of "
                   f"{', '.join(PLOVER_TYPES)})")
    return value.upper()


def _country(value: str | None) -> str | None:
    """The ISO alpha-3 country code given as ``country`` (upper-cased), None when
    absent; 400 when it is not three letters."""
    value = _text(value)
    if value is None:
        return None
    if not _ALPHA3.match(value):
        raise _bad(f"country {value!r} is not an ISO 3166-1 alpha-3 code like RUS")
    return value.upper()


def _search_criteria(
        q: str | None = Query(None, description="SQLite FTS5 query: words, "
                              '"phrases", AND/OR/NOT, prefix*.'),
        start: str | None = Query(None, description="Published on or after (YYYY-MM-DD)."),
        end: str | None = Query(None, description="Published on or before (YYYY-MM-DD)."),
        entity: str | None = Query(None, description="Person or organisation, any alias."),
        place: str | None = Query(None, description="Place name."),
        event: str | None = Query(None, description="PLOVER event type, e.g. ASSAULT."),
        country: str | None = Query(None, description="Event actor or target country "
                                    "(ISO alpha-3, e.g. RUS)."),
) -> dict[str, Any]:
    """The criteria of a search, as /api/search and /api/facets take them, checked and made
    the keyword arguments of :meth:`Dateline.search` (and :meth:`Dateline.facets`)."""
    return {"query": _text(q), "start": _text(start), "end": _text(end),
            "entity": _text(entity), "place": _text(place),
            "event": _event_type(event, "event"), "country": _country(country)}


#: A search's criteria as an endpoint parameter (see :func:`_search_criteria`).
SearchCriteria = Annotated[dict[str, Any], Depends(_search_criteria)]


@dataclasses.dataclass(frozen=True)
class DownloadAsked:
    """What a request's ``format`` and ``table`` ask for (:mod:`dateline.downloads`)."""

    #: "csv", "json", or None: the answer as the page reads it, no file.
    format: str | None = None
    #: The CSV table (one of downloads.TABLES[view]); None: the view's first.
    table: str | None = None

    def answer(self, view: str, data: dict[str, Any], words: str | None = None) -> Any:
        """``data`` as the view's answer: itself when no download is asked, else a file
        to save (``Content-Disposition: attachment``): the same JSON, or one table of it
        as CSV; 400 for a table that ``view`` does not have."""
        try:
            table = downloads.check(view, self.format, self.table)
        except ValueError as exc:
            raise _bad(str(exc)) from None
        if self.format is None:
            return data
        name = downloads.filename(view, table, self.format, words)
        headers = {"Content-Disposition": f'attachment; filename="{name}"'}
        if table is None:
            return JSONResponse(data, headers=headers)
        header, rows = downloads.table(view, data, table)
        return Response(downloads.csv_text(header, rows), headers=headers,
                        media_type="text/csv; charset=utf-8")


def _download(format: str | None = Query(None, description="Answer as a file to save: "
                                         "csv (one table, with a header row) or json (the "
                                         "same JSON as without it); docs/http.md#downloads."),
              table: str | None = Query(None, description="With format=csv: which table "
                                        "of the answer (map: places, countries; network: "
                                        "edges, nodes); the first when omitted.")
              ) -> DownloadAsked:
    """The download a request asks for; 400 when ``format`` is not csv or json."""
    fmt = _text(format)
    if fmt is not None and fmt.lower() not in downloads.FORMATS:
        raise _bad(f"format {fmt!r} is not one of {', '.join(downloads.FORMATS)}")
    return DownloadAsked(fmt.lower() if fmt else None, _text(table))


#: A download (``format``, ``table``) as an endpoint parameter.
Download = Annotated[DownloadAsked, Depends(_download)]
#: ``include_duplicates`` of the views of a selection (map, chart, network).
VIEW_DUPLICATES = Query(False, description="Read the articles flagged as near-duplicates "
                        "of another too (by default a duplicate group is read once, in its "
                        "representative; docs/duplicates.md).")


def _validation_message(exc: RequestValidationError) -> str:
    """One line saying which parameter is wrong and why (FastAPI's own answer is a list)."""
    parts = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ()) if p not in ("query", "path")]
        name = ".".join(loc) or "request"
        value = err.get("input")
        shown = f" (got {value!r})" if isinstance(value, str) else ""
        parts.append(f"parameter {name}: {err.get('msg', 'invalid')}{shown}")
    return "; ".join(parts) or "invalid request"


def host_name(header: str) -> str:
    """The host of a ``Host`` header, lower-cased, without port or IPv6 brackets."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].partition("]")[0]
    return header.rpartition(":")[0] if header.count(":") == 1 else header


def serve_hosts(host: str) -> tuple[str, ...]:
    """The host names a server bound to ``host`` answers to: the loopback names and
    ``host`` itself; for a wildcard address (0.0.0.0, ::) also this machine's name,
    fully qualified name and their addresses, as other machines will call it."""
    names = [*LOOPBACK_HOSTS, host_name(host) if host.startswith("[") else host.lower()]
    if host in ("0.0.0.0", "::", ""):
        for name in {socket.gethostname(), socket.getfqdn()}:
            names.append(name.lower())
            try:
                names += [str(info[4][0]) for info in socket.getaddrinfo(name, None)]
            except OSError:
                pass
    return tuple(dict.fromkeys(names))


def _file_signature(path: Path) -> tuple[int, ...]:
    """Size and modification time of the database and its WAL: every commit changes it."""
    out: list[int] = []
    for p in (path, path.with_name(path.name + "-wal")):
        try:
            st = os.stat(p)
            out += [st.st_size, st.st_mtime_ns]
        except OSError:
            out += [-1, -1]
    return tuple(out)


def check_address(host: str, port: int) -> str | None:
    """None when a server can listen on ``host``:``port`` now, else one line saying why
    (unknown host, address in use, no permission). The probe socket is closed again, so
    another program may still take the port before the server binds it."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        return f"cannot listen on {host}: unknown host ({exc.strerror})"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)   # as uvicorn binds
        try:
            probe.bind(address)
        except OSError as exc:
            return f"cannot listen on {host}:{port} ({exc.strerror})"
    return None


def warm(path: str | Path, settings: Settings | None = None) -> None:
    """Load what the endpoints load on first use, so that no request waits for it: the
    timeline module (it imports spaCy's stop-word list: about 1 s), the event-group
    module, the entity tables and the store's alias index (kept until the next commit),
    each by a call that reads next to nothing. A failure is left to the request that
    meets it."""
    from dateline.analyses.aliases import find_entity

    try:
        with Dateline(path, readonly=True, settings=settings) as dl:
            dl.timeline(None, max_dates=1, sentences_per_date=1, max_articles=1)
            dl.event_page(1, start="1900-01-01", end="1900-01-01")
            find_entity(dl.store, "Dateline")
    except Exception:   # noqa: BLE001 - a request will meet the problem and say it
        pass


#: Most server processes ``dateline serve`` starts when not told: each holds its own
#: caches and counts its own statistics at start.
MAX_DEFAULT_WORKERS = 4


def serve_workers() -> int:
    """Server processes when none is asked for: one per CPU this process may use, at
    most MAX_DEFAULT_WORKERS. A request's Python work holds one core (the GIL), its
    SQL does not: with several processes, concurrent requests use every core."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:   # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(MAX_DEFAULT_WORKERS, cpus))


#: Environment variable through which ``dateline serve --workers N`` (N > 1) hands each
#: worker process its store and options (JSON; see :func:`app_from_env`).
SERVE_ENV = "DATELINE_SERVE"


def serve_spec(db_path: str | Path, settings: Settings | None,
               allowed_hosts: Iterable[str]) -> str:
    """The value of SERVE_ENV for :func:`app_from_env`: the store, the timeline and
    event_groups settings (the only ones the server uses) and the host names to answer
    to."""
    settings = settings or Settings()
    timeline = dataclasses.asdict(settings.timeline)
    groups = settings.event_groups.kwargs()
    return json.dumps({"db": str(Path(db_path).resolve()), "hosts": list(allowed_hosts),
                       "timeline": {f"timeline.{k}": v for k, v in timeline.items()},
                       "event_groups": {f"event_groups.{k}": v for k, v in groups.items()}})


def app_from_env() -> FastAPI:
    """The application as ``dateline serve`` makes it (statistics counted and first-use
    loads done at start), from SERVE_ENV (:func:`serve_spec`): the factory uvicorn's
    worker processes call, each for itself."""
    spec = json.loads(os.environ[SERVE_ENV])
    settings = Settings().with_values({**spec["timeline"], **spec.get("event_groups", {})})
    return create_app(spec["db"], settings=settings, allowed_hosts=spec["hosts"],
                      warm_stats=True, warm_up=True)


def create_app(db_path: str | Path, settings: Settings | None = None, *,
               allowed_hosts: Iterable[str] = LOOPBACK_HOSTS,
               query_budget: float | None = QUERY_BUDGET_S,
               warm_stats: bool = False, timeline_articles: int | None = None,
               event_mentions: int | None = None, warm_up: bool = False) -> FastAPI:
    """The read-only HTTP API and web page over the store at ``db_path``; ``settings``
    (the defaults when None) gives the timeline weights.

    Only requests whose ``Host`` header names one of ``allowed_hosts`` (any port) are
    answered; others get 400. ``query_budget`` is the seconds one request's SQL may
    run (None: no limit; /api/stats has STATS_BUDGET_S and is cached). ``warm_stats``
    counts the statistics in a background thread at once (``dateline serve`` does).
    ``timeline_articles`` is the most articles one timeline reads (None:
    TIMELINE_ARTICLES); ``event_mentions`` the most event mentions one
    event list groups (None: the events module's MAX_MENTIONS). ``warm_up`` loads,
    before returning, what the endpoints would load on their first request
    (:func:`warm`).

    Opens the store once, read-only, to check it: raises StoreError (whose message
    names the file and the problem) when it is missing, not a Dateline database,
    broken, or at a schema this Dateline cannot read without upgrading it. The app
    never writes to the file.
    """
    path = Path(db_path)
    with Dateline(path, readonly=True):
        pass
    if warm_up:
        warm(path, settings)

    app = FastAPIOffline(
        docs_url=DOCS_URL, redoc_url=REDOC_URL,
        title="Dateline",
        version=__version__,
        description=f"Read-only API over the Dateline store `{path.name}`: search, "
                    "timelines, article records, event groups, statistics.",
    )

    allowed = frozenset(host_name(h) if h.startswith("[") else h.lower() for h in allowed_hosts)
    stats_cache: dict[tuple[Any, ...], dict[str, Any] | HTTPException] = {}
    # (top, include_duplicates) -> the last count made
    stats_latest: dict[tuple[int, bool], dict[str, Any]] = {}
    stats_workers: dict[tuple[Any, ...], threading.Thread] = {}   # counts begun
    stats_lock = threading.Lock()   # guards starting a count
    count_lock = threading.Lock()   # one count at a time
    article_counts: dict[tuple[int, ...] | None, int] = {}   # None: the last one made

    @app.middleware("http")
    async def _guard(request: Request, call_next: Any) -> Response:
        header = request.headers.get("host", "")
        if host_name(header) in allowed:
            response: Response = await call_next(request)
        else:
            response = JSONResponse(status_code=400, content={
                "detail": f"Host {header!r} is not this server's address; use "
                          "http://127.0.0.1:PORT or the --host given to `dateline serve`"})
        docs = request.url.path in (DOCS_URL, REDOC_URL)
        response.headers.setdefault("Content-Security-Policy", _DOCS_CSP if docs else _API_CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @contextmanager
    def store(budget: float | None = query_budget) -> Iterator[Dateline]:
        """The store, read-only, for this request, closed afterwards; 503 when the file
        cannot be opened any more or the SQL runs past ``budget`` seconds, 400 for a
        ValueError (a bad parameter) inside."""
        try:
            dl = Dateline(path, readonly=True, settings=settings)
        except StoreError as exc:
            raise HTTPException(status_code=503, detail=str(exc)) from None
        try:
            with dl.store.time_budget(budget):
                yield dl
        except QueryTimeout as exc:
            raise HTTPException(status_code=503, detail=str(exc)) from None
        except ParamError as exc:
            raise _bad(exc.message(HTTP_NAMES)) from None
        except ValueError as exc:
            raise _bad(str(exc)) from None
        except (StoreError, sqlite3.DatabaseError) as exc:   # damaged or vanished store
            detail = str(exc) if isinstance(exc, StoreError) else describe_error(path.name, exc)
            raise HTTPException(status_code=503, detail=detail) from None
        finally:
            dl.close()

    @app.exception_handler(RequestValidationError)
    async def _on_validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(status_code=400, content={"detail": _validation_message(exc)})

    @app.get("/api/health", summary="Is the server up, and how many articles it serves")
    def health() -> dict[str, Any]:
        """``{"status": "ok", "articles": N, "schema": version, "integrity": "checked"}``;
        503 when the store fails SQLite's quick_check (rerun only when the file has
        changed; on a store of 256 MB or more it runs in the background, and
        ``integrity`` says "checking" until its verdict is in)."""
        with store(None) as dl:
            problem = dl.store.integrity_problem(reuse=True)
            if problem:
                raise HTTPException(status_code=503, detail=problem)
            return {"status": "ok", "articles": article_count(dl),
                    "schema": dl.store.schema_version(),
                    "integrity": "checked" if dl.store.integrity_checked() else "checking"}

    def article_count(dl: Dateline) -> int | None:
        """Articles stored, counted once per state of the file; when counting takes
        over COUNT_BUDGET_S, the last count made (None before the first)."""
        key = _file_signature(path)
        if key not in article_counts:
            try:
                with dl.store.time_budget(COUNT_BUDGET_S):
                    n = dl.count()
            except QueryTimeout:
                return article_counts.get(None)
            article_counts.clear()
            article_counts[key] = article_counts[None] = n
        return article_counts[key]

    @app.get("/api/stats", summary="What the store holds")
    def stats(top: int = Query(10, ge=1, description="Items per top-N list (at most "
                                                      f"{MAX_STATS_TOP})."),
              include_duplicates: bool = Query(False, description="Count the articles flagged as "
                                        "near-duplicates of another too (by default a "
                                        "duplicate group counts once).")) -> dict[str, Any]:
        """Counts per kind, publication date range, sources, busiest dates and the
        most mentioned people, organisations and places (as `dateline stats --json`).
        Kept until the file changes: counting a large store takes seconds."""
        return counted(min(top, MAX_STATS_TOP), include_duplicates)

    def counted(top: int, include_duplicates: bool = False) -> dict[str, Any]:
        """The store's statistics with ``top`` items per list (``"status": "counted"``),
        counted once per state of the file in a background thread. A request waits at
        most STATS_WAIT_S for that count; then it gets the last count made, or only the
        figures an index gives at once (articles, publication range; the other counts
        None, the lists empty), with ``"status": "counting"``. 503 when the store fails
        its integrity check or the count failed."""
        signature = _file_signature(path)
        key = (top, include_duplicates, *signature)
        with store(None) as dl:
            problem = dl.store.integrity_problem(reuse=True)
            if problem:
                raise HTTPException(status_code=503, detail=problem)
        with stats_lock:
            worker = stats_workers.get(key)
            if key not in stats_cache and (worker is None or not worker.is_alive()):
                if len(stats_cache) >= 16:
                    stats_cache.clear()
                    stats_workers.clear()
                worker = threading.Thread(target=count_in_background,
                                          args=(key, top, include_duplicates),
                                          name="dateline-stats", daemon=True)
                stats_workers[key] = worker
                worker.start()
        if worker is not None and key not in stats_cache and (
                sum(max(0, n) for n in signature[0::2]) < BACKGROUND_CHECK_BYTES):
            worker.join(STATS_WAIT_S)   # a small store is counted in that time
        answer = stats_cache.get(key)
        if isinstance(answer, HTTPException):
            raise answer
        if answer is not None:
            return {**answer, "status": "counted"}
        if (top, include_duplicates) in stats_latest:
            return {**stats_latest[(top, include_duplicates)], "status": "counting"}
        with store() as dl:   # two index look-ups, not a scan
            first = dl.store.db.execute("SELECT min(published) FROM articles").fetchone()[0]
            last = dl.store.db.execute("SELECT max(published) FROM articles").fetchone()[0]
            quick = StoreStats(str(dl.store.path), dl.store.schema_version(),
                               article_count(dl) or 0, {"first": first, "last": last}, 0)
            return {**quick.as_dict(), "articles": article_count(dl), "sentences": None,
                    **{k: None for k in KINDS}, "status": "counting"}

    def count_in_background(key: tuple[Any, ...], top: int,
                            include_duplicates: bool = False) -> None:
        """Count the statistics for ``key`` (one count at a time) and keep the answer,
        or the 503 to give, in ``stats_cache``."""
        with count_lock:
            try:
                with store(STATS_BUDGET_S) as dl:
                    counted_stats = (dl.stats(top, include_duplicates=True)
                                     if include_duplicates else dl.stats(top))
                    answer: dict[str, Any] | HTTPException = counted_stats.as_dict()
            except HTTPException as exc:
                answer = exc
            except Exception as exc:  # noqa: BLE001 - said to the requests, as 503
                answer = HTTPException(status_code=503, detail=describe_error(path.name, exc))
            stats_cache[key] = answer
            if isinstance(answer, dict):
                stats_latest[(top, include_duplicates)] = answer

    def count_at_start() -> None:
        try:
            counted(10)   # what the web page asks for
        except Exception:   # noqa: BLE001 - a request will meet the problem and say it
            pass

    @app.get("/api/search", summary="Sentences by words, entity, place, event and date")
    def search(criteria: SearchCriteria,
               limit: int = Query(20, ge=1, description="Most results (at most "
                                                        f"{MAX_SEARCH_LIMIT})."),
               offset: int = Query(0, ge=0, le=MAX_SEARCH_OFFSET,
                                   description="Results to skip first: the next page "
                                               f"(at most {MAX_SEARCH_OFFSET})."),
               include_duplicates: bool = Query(False, description="Search the articles "
                                                "flagged as near-duplicates of another too "
                                                "(by default a duplicate group is searched "
                                                "once, in its representative)."),
               download: Download = DownloadAsked(),
               ) -> Any:
        """``{"results": [...], "window": null}``: the sentences matching ``q`` (best
        first) and every filter given, or without ``q`` all those the filters select in
        date order; each with its article id, publication date, title, sentence index,
        offsets and text. When ``q`` matches more sentences than one search ranks
        (SEARCH_WINDOW), ``window`` is that number, the results are the best of the most
        recently stored matches, and ``note`` says so."""
        with store() as dl:
            hits = dl.search(**criteria, limit=min(limit, MAX_SEARCH_LIMIT), offset=offset,
                             include_duplicates=include_duplicates)
        answer: dict[str, Any] = {"results": [h.as_dict() for h in hits], "window": hits.window}
        if hits.window is not None:
            answer["note"] = hits.note()
        return download.answer("search", answer, criteria["query"])

    @app.get("/api/facets", summary="Counts beside a search: dates, sources, people, places, "
                                    "event types, countries")
    def facets(criteria: SearchCriteria,
               top: int = Query(10, ge=1, le=50, description="Values per facet (at most 50)."),
               include_duplicates: bool = Query(False, description="Count the articles "
                                                "flagged as near-duplicates of another too."),
               download: Download = DownloadAsked(),
               ) -> Any:
        """``{"results": N, "window": W, "date": [[value, count], ...], "source": ...,
        "person": ..., "place": ..., "event": ..., "country": ...}``: of the first W results
        of the same search (the same criteria and errors as /api/search), how many fall on
        each publication date, come from each source, and name each person, place, event
        type and event country, commonest first."""
        with store() as dl:
            answer = dl.facets(**criteria, top=top, include_duplicates=include_duplicates)
        return download.answer("facets", answer, criteria["query"])

    @app.get("/api/map", summary="Map of a search: places with coordinates, events by country")
    def map_view(criteria: SearchCriteria,
                 top: int = Query(200, ge=1, le=MAX_VIEW_TOP,
                                  description=f"Most places (at most {MAX_VIEW_TOP})."),
                 include_duplicates: bool = VIEW_DUPLICATES,
                 download: Download = DownloadAsked(),
                 ) -> Any:
        """``{"results": N, "window": W, "places": [{"name", "country", "kind", "lat",
        "lon", "mentions", "sentences", "events"}], "countries": [{"country", "numeric",
        "name", "events"}]}``: of the first W results of the same search (the criteria and
        errors of /api/search), the places named (most mentioned first) and the events by
        the country where they took place (the choropleth). A place's sentences:
        /api/search with the same criteria and ``place``."""
        with store() as dl:
            answer = dl.map(**criteria, top=top, include_duplicates=include_duplicates)
        return download.answer("map", answer, criteria["query"])

    @app.get("/api/chart", summary="Timeline chart of a search: results and events per day")
    def chart_view(criteria: SearchCriteria, include_duplicates: bool = VIEW_DUPLICATES,
                   download: Download = DownloadAsked()) -> Any:
        """``{"results": N, "window": W, "quads": [...], "days": [{"date", "mentions",
        "events": {quad: count}}]}``: of the first W results of the same search (the
        criteria and errors of /api/search), per publication day the results and the
        events they report by PLOVER quad class."""
        with store() as dl:
            answer = dl.chart(**criteria, include_duplicates=include_duplicates)
        return download.answer("chart", answer, criteria["query"])

    @app.get("/api/network", summary="Actor network of a search: who acts on whom")
    def network_view(criteria: SearchCriteria,
                     top: int = Query(40, ge=1, le=MAX_VIEW_TOP,
                                      description=f"Most actors (at most {MAX_VIEW_TOP})."),
                     include_duplicates: bool = VIEW_DUPLICATES,
                     download: Download = DownloadAsked(),
                     ) -> Any:
        """``{"results": N, "window": W, "quads": [...], "nodes": [{"id", "kind",
        "country", "events"}], "edges": [{"source", "target", "events", "quads"}]}``: of
        the first W results of the same search (the criteria and errors of /api/search),
        the actors of their events (a person's or organisation's canonical name, else a
        country's alpha-3 code) and the events between each two, undirected, most first."""
        with store() as dl:
            answer = dl.network(**criteria, top=top, include_duplicates=include_duplicates)
        return download.answer("network", answer, criteria["query"])

    @app.get("/api/network/edge", summary="The event mentions of one edge of the network")
    def network_edge(criteria: SearchCriteria,
                     a: str = Query(..., description="One actor, as a node id of /api/network."),
                     b: str = Query(..., description="The other actor."),
                     limit: int = Query(100, ge=1, le=MAX_SEARCH_LIMIT,
                                        description="Most mentions (at most "
                                                    f"{MAX_SEARCH_LIMIT})."),
                     offset: int = Query(0, ge=0, le=MAX_SEARCH_OFFSET,
                                         description="Mentions to skip first: the next "
                                                     "page."),
                     include_duplicates: bool = VIEW_DUPLICATES,
                     download: Download = DownloadAsked(),
                     ) -> Any:
        """``{"a", "b", "total": N, "events": [{"id", "published", "title", "sentence",
        "text", "type", "quad", "actor_text", "actor_country", "target_text",
        "target_country"}]}``: the event mentions between ``a`` and ``b`` (either way) in
        the same selection as /api/network, each with its sentence, in date order."""
        with store() as dl:
            answer = dl.network_events(a, b, **criteria, limit=limit, offset=offset,
                                       include_duplicates=include_duplicates)
        return download.answer("network-edge", answer, f"{a} {b}")

    @app.get("/api/timeline", summary="The dates that matter for a story, with sentences")
    def timeline(q: str | None = Query(None, description="Keywords, or a person's, "
                                       "organisation's or place's name; all articles when "
                                       "omitted."),
                 start: str | None = Query(None, description="First date (YYYY-MM-DD)."),
                 end: str | None = Query(None, description="Last date (YYYY-MM-DD)."),
                 max_dates: int | None = Query(None, ge=1, description="At most N dates."),
                 sentences_per_date: int | None = Query(None, ge=1,
                                                        description="At most K sentences "
                                                                    "per date."),
                 include_duplicates: bool = Query(False, description="Read the articles "
                                                  "flagged as near-duplicates of another too "
                                                  "(by default a duplicate group votes once)."),
                 story: str | None = Query(None, description="Draw one story (an id "
                                           "/api/stories gives): only its articles are read."),
                 download: Download = DownloadAsked(),
                 ) -> Any:
        """The timeline as `dateline timeline --format json` prints it: query, range,
        N and K, notes, and entries (date, score, articles, sentences with their
        article id, publication date, sentence index and offsets)."""
        try:
            check_query(q, "timeline")
        except ValueError as exc:
            raise _bad(str(exc)) from None
        with store() as dl:
            tl = dl.timeline(_text(q), max_dates=max_dates,
                             sentences_per_date=sentences_per_date, start=_text(start),
                             end=_text(end),
                             max_articles=timeline_articles or TIMELINE_ARTICLES,
                             include_duplicates=include_duplicates, story=_text(story))
        return download.answer("timeline", tl.as_dict(), _text(q))

    @app.get("/api/stories", summary="Stories: the articles that follow one story over days")
    def stories(q: str | None = Query(None, description="Only stories holding an article "
                                      "that matches these words (FTS5 syntax), most matches "
                                      "first."),
                start: str | None = Query(None, description="Stories still running on or "
                                          "after (YYYY-MM-DD)."),
                end: str | None = Query(None, description="Stories begun on or before "
                                        "(YYYY-MM-DD)."),
                limit: int = Query(20, ge=1, le=MAX_STORIES_LIMIT,
                                   description=f"Most stories (at most {MAX_STORIES_LIMIT}), "
                                   "the largest first."),
                min_size: int = Query(2, ge=1, description="Only stories of at least this "
                                      "many articles."),
                top: int = Query(5, ge=0, le=50, description="People, organisations, places "
                                 "and event types per story."),
                include_duplicates: bool = Query(False, description="Count near-duplicate "
                                                 "copies in sizes too (by default a duplicate "
                                                 "group counts once)."),
                ) -> dict[str, Any]:
        """``{"total": N, "stories": [...]}``: each story's id, first and last dates,
        size, copies, top people, organisations, places, event types and words
        (docs/stories.md); ``total`` counts all that qualify."""
        try:
            check_query(q, "stories")
        except ValueError as exc:
            raise _bad(str(exc)) from None
        with store() as dl:
            found = dl.stories(_text(q), limit=limit, min_size=min_size, start=_text(start),
                               end=_text(end), top=top, include_duplicates=include_duplicates)
        return {"total": found.total, "stories": [x.as_dict() for x in found]}

    @app.get("/api/stories/{story_id}", summary="One story with its articles")
    def story(story_id: str,
              top: int = Query(10, ge=0, le=50, description="People, organisations, places "
                               "and event types."),
              include_duplicates: bool = Query(False, description="List and count "
                                               "near-duplicate copies too."),
              ) -> dict[str, Any]:
        """The story as in /api/stories, with ``articles``: id, published, title, ``how``
        it joined (seed, joined, duplicate) and its score, in publication order; 404
        when there is no such story. Its timeline: /api/timeline?story=ID."""
        with store() as dl:
            found = dl.story(story_id, top=top, include_duplicates=include_duplicates)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no story {story_id!r} in the store")
        return found.as_dict()

    @app.get("/api/articles/{article_id:path}", summary="One article's full record")
    def article(article_id: str) -> dict[str, Any]:
        """The stored record of the article (DESIGN.md's format: text, sentences,
        dates, entities, places, quotes, amounts, events, tone); 404 when unknown."""
        with store() as dl:
            rec = dl.record(article_id)
        if rec is None:
            raise HTTPException(status_code=404, detail=f"no article {article_id!r} in the store")
        return rec

    @app.get("/api/events", summary="Event groups: each event counted once")
    def events(start: str | None = Query(None, description="Event date on or after "
                                         "(YYYY-MM-DD)."),
               end: str | None = Query(None, description="Event date on or before "
                                       "(YYYY-MM-DD)."),
               type: str | None = Query(None, description="PLOVER event type, e.g. ASSAULT."),
               country: str | None = Query(None, description="Actor or target country "
                                           "(ISO alpha-3)."),
               limit: int = Query(100, ge=1, description="Most groups (at most "
                                                         f"{MAX_EVENTS_LIMIT})."),
               offset: int = Query(0, ge=0, le=MAX_SEARCH_OFFSET,
                                   description="Groups to skip first: the next page (at "
                                               f"most {MAX_SEARCH_OFFSET})."),
               include_duplicates: bool = Query(False, description="Count the mentions in "
                                                "articles flagged as near-duplicates of "
                                                "another too (by default a duplicate group's "
                                                "mentions count once)."),
               download: Download = DownloadAsked(),
               ) -> Any:
        """``{"total": N, "groups": [...]}``: the stored event mentions grouped into
        distinct events (dateline.analyses.events), in date order, then type, then id;
        ``total`` counts all groups selected, ``groups`` holds ``limit`` of them after
        the first ``offset``. When
        the filters select more than MAX_MENTIONS mentions, ``total`` is null (not
        counted), ``groups`` holds only the first groups that hold MAX_MENTIONS
        mentions together, and ``note`` says so."""
        from dateline.analyses.events import MAX_MENTIONS

        etype, ecountry = _event_type(type, "type"), _country(country)
        most = event_mentions or MAX_MENTIONS
        with store() as dl:
            groups, total = dl.event_page(offset + min(limit, MAX_EVENTS_LIMIT),
                                          start=_text(start), end=_text(end), type=etype,
                                          country=ecountry, max_mentions=most,
                                          include_duplicates=include_duplicates)
        answer: dict[str, Any] = {"total": total,
                                  "groups": [g.as_dict() for g in groups[offset:]]}
        if total is None:
            answer["note"] = (f"over {most:,} event mentions selected: the groups are not "
                              f"all counted, and these are the first {len(groups)} in date "
                              f"order (at most {most:,} mentions together, or the first "
                              "group); narrow the dates, type or country for the others")
        return download.answer("events", answer, etype)

    @app.get("/vendor/", include_in_schema=False)
    def vendor() -> dict[str, Any]:
        """Which front-end packages are installed (``npm ci --prefix dateline/web``): the
        page asks before it loads them, so that a missing one is said in a line, not
        met as a failed request."""
        return {"outlines": all(p.is_file() for p in VENDOR_FILES.values()),
                "install": NPM_INSTALL}

    @app.get("/vendor/{name}", include_in_schema=False)
    def vendor_file(name: str) -> FileResponse:
        """One installed front-end file (VENDOR_FILES); 404 saying how to install it."""
        target = VENDOR_FILES.get(name)
        if target is None or not target.is_file():
            raise HTTPException(status_code=404, detail=f"{name!r} is not installed; run "
                                                        f"`{NPM_INSTALL}`")
        kind = "text/javascript" if name.endswith(".js") else "application/json"
        return FileResponse(target, media_type=kind)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        """The web page."""
        return FileResponse(WEB_DIR / "index.html", media_type="text/html",
                            headers={"Content-Security-Policy": _PAGE_CSP,
                                     "X-Content-Type-Options": "nosniff"})

    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")
    if warm_stats:
        threading.Thread(target=count_at_start, name="dateline-stats", daemon=True).start()
    return app
