"""Drive the web page of ``dateline serve`` in a real headless browser.

The tests check the HTTP API and that the page is served; only a browser runs the
page's script. This starts ``dateline serve`` on a free loopback port, opens the page
in headless Chromium (Debian's ``chromium`` package, driven by Playwright, neither of
which CI has) and goes through each view: search (and its pages of 5, each in the URL, which
restores it on a fresh load), an article record
(its text with the extractions highlighted inline, a hover value, a legend toggle), timeline, events,
the map (markers at Idlib, Damascus and Sochi for ``--map-query``, country outlines from the
world-atlas npm package or the line saying how to install them, a click listing a place's
sentences), the timeline chart (bars; a drag across it that narrows the results and goes into
the URL, which restores it on a fresh load), the actor network (an edge RUS-TUR whose click
lists its events), the downloads (each view's CSV link fetched: its header, and as many rows
as the view shows; the search's through a real browser download; events in pages of 40 with
the page in the URL), the chart's tone (``measure=tone`` in the URL restores it; one point per
day with a tone, the download's values), the near-duplicates box (kept in the URL and passed
to the other views) and the store page, then a bad query, then the API documentation at ``/docs`` and
``/redoc``; a request for anything the server does not serve is refused and counted as
a problem (the page and the documentation must work offline). It prints what each view showed, saves
screenshots with ``--shots``, and exits 1 if a step fails or the page logs an error
other than the bad query's expected HTTP 400::

    sudo apt-get install chromium && pip install -e '.[browser]'
    dateline ingest samples/idlib --db idlib.db
    python benchmarks/web_check.py --db idlib.db --query Sochi --shots /tmp/shots
"""

from __future__ import annotations

import argparse
import csv
import io
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx2

#: Chromium flags for a closed network: no sandbox (root), no background fetches.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def free_port() -> int:
    """A loopback port nobody listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(base: str, server: subprocess.Popen, seconds: float = 30) -> None:
    """Return once ``base`` answers; exit if the server dies or stays silent."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"dateline serve exited: {server.stderr.read().decode()}")
        try:
            httpx2.get(base + "/api/stats", timeout=1)
            return
        except httpx2.TransportError:
            time.sleep(0.1)
    sys.exit(f"dateline serve did not answer at {base} within {seconds:.0f} s")


def wait_until(page, ready, what: str, seconds: float = 15) -> None:
    """Poll ``ready()`` from here (not a script in the page, which the page's Content
    Security Policy forbids Playwright to evaluate) until it holds; raise after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not ready():
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {seconds:.0f} s for {what}")
        page.wait_for_timeout(100)


def check_views(page, base: str, query: str, map_query: str, shot) -> list[str]:
    """The map, the timeline chart and the actor network (issue 13); the problems found.

    Map of ``map_query``: markers at Idlib, Damascus and Sochi, country outlines (or the
    one line saying how to install them), a click on Damascus lists its sentences. Chart
    of ``query``: bars, and a drag across it chooses dates that narrow the results and go
    into the URL, which restores the chart and its results on a fresh load. Network of
    ``map_query``: an edge between RUS and TUR whose click lists its events."""
    problems: list[str] = []
    page.goto("about:blank")
    page.goto(f"{base}/#map?q={map_query}")
    page.wait_for_selector("#map-svg .marker")
    places = page.eval_on_selector_all("#map-svg .marker", "ms => ms.map(m => m.dataset.place)")
    outlines = page.locator("#map-svg path.country").count()
    shaded = page.locator("#map-svg path.country[data-country]").count()
    print(f"map {map_query!r}:", len(places), "markers;", outlines, "country outlines,", shaded,
          "shaded by events;", page.text_content("#map-note"))
    for name in ("Idlib", "Damascus", "Sochi"):
        if name not in places:
            problems.append(f"the map has no marker at {name}")
    if not outlines and "npm ci --prefix dateline/web" not in page.text_content("#map-note"):
        problems.append("the map has no country outlines and does not say how to install them")
    if outlines and not shaded:
        problems.append("no country is shaded by its events")
    page.locator('#map-svg .marker[data-place="Damascus"]').dispatch_event("click")
    page.wait_for_selector("#map-pick li")
    print("  click on Damascus:", page.text_content("#map-pick-title"))
    shot("map", page)
    if "Damascus" not in page.text_content("#map-pick li"):
        problems.append("the sentences listed for Damascus do not name it")

    page.goto("about:blank")
    page.goto(f"{base}/#chart?q={query}")
    page.wait_for_selector("#chart-svg rect.bar")
    page.wait_for_selector("#chart-results li")
    bars = page.locator("#chart-svg rect.bar").count()
    marks = page.locator("#chart-svg line.mark").count()
    before = int(page.get_attribute("#chart-results-summary", "data-count") or 0)
    print(f"chart {query!r}:", bars, "bars,", marks, "timeline dates marked;", before, "results")
    if not bars:
        problems.append("the chart draws no bars")
    box = page.locator("#chart-svg rect.plot").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.55, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.7, y, steps=5)
    page.mouse.up()
    page.wait_for_url(lambda url: "start=" in url and "end=" in url)
    deadline = time.monotonic() + 15
    while (page.get_attribute("#chart-results-summary", "data-count") == str(before)
           and time.monotonic() < deadline):
        page.wait_for_timeout(100)
    brushed_url = page.url
    after = int(page.get_attribute("#chart-results-summary", "data-count") or 0)
    print("  brushed:", page.url[len(base):], "->", after, "results")
    if not 0 < after < before:
        problems.append(f"brushing the chart does not narrow the results ({before} -> {after})")
    shot("chart", page)
    page.goto("about:blank")
    page.goto(brushed_url)
    page.wait_for_selector("#chart-results li")
    page.wait_for_selector("#chart-svg rect.brush[visibility=visible]")
    restored = int(page.get_attribute("#chart-results-summary", "data-count") or 0)
    print("  restored from its URL:", restored, "results, start",
          page.input_value("#chart-form input[name=start]"))
    if restored != after or not page.input_value("#chart-form input[name=start]"):
        problems.append("loading a brushed chart's URL does not restore its dates and results")

    page.goto("about:blank")
    page.goto(f"{base}/#network?q={map_query}")
    page.wait_for_selector("#network-svg .edge-hit")
    edges = page.eval_on_selector_all("#network-svg .edge-hit",
                                      "es => es.map(e => [e.dataset.a, e.dataset.b])")
    print(f"network {map_query!r}:", page.locator("#network-svg .node").count(), "actors,",
          len(edges), "edges")
    pair = next((e for e in edges if sorted(e) == ["RUS", "TUR"]), None)
    if pair is None:
        problems.append("the network has no edge between RUS and TUR")
    else:
        page.locator(f'#network-svg .edge-hit[data-a="{pair[0]}"][data-b="{pair[1]}"]'
                     ).dispatch_event("click")
        page.wait_for_selector("#network-pick li")
        print("  click on RUS-TUR:", page.text_content("#network-pick-title"))
    shot("network", page)
    return problems


def csv_link(page, base: str, box: str, table: str | None = None
             ) -> tuple[str, list[str], list[list[str]]]:
    """The CSV download link in element ``box`` (of ``table`` when given), fetched: its
    href, header and rows; raises when the link is missing or the answer is no CSV file."""
    where = f"{box} a[data-format=csv]" + (f'[data-table="{table}"]' if table else "")
    href = page.get_attribute(where, "href", timeout=5000)
    r = httpx2.get(base + href, timeout=30)
    if r.status_code != 200 or not r.headers.get("content-type", "").startswith("text/csv"):
        raise ValueError(f"{href}: HTTP {r.status_code} {r.headers.get('content-type')}")
    if "attachment" not in r.headers.get("content-disposition", ""):
        raise ValueError(f"{href}: not sent as a file to save")
    header, *rows = list(csv.reader(io.StringIO(r.text)))
    return href, header, rows


def check_downloads(page, base: str, query: str, map_query: str, shot) -> list[str]:
    """Each view's CSV download holds what the view shows (its header and as many rows),
    the chart's tone measure (points for the days whose articles have a tone, restored
    from the URL), event pages, and the near-duplicates toggle kept in the URL; the
    problems found."""
    problems: list[str] = []

    def same(what: str, box: str, shown: int, first_column: str, table: str | None = None,
             rows_filter=None) -> list[list[str]]:
        try:
            href, header, rows = csv_link(page, base, box, table)
        except Exception as exc:  # noqa: BLE001 - reported as a problem
            problems.append(f"{what}: no CSV download ({exc})")
            return []
        counted = [r for r in rows if rows_filter(header, r)] if rows_filter else rows
        print(f"  download {what}: {href} -> {len(counted)} row(s), columns "
              f"{','.join(header[:4])},...; the view shows {shown}")
        if not header or header[0] != first_column:
            problems.append(f"{what}: the CSV's header starts {header[:1]}, not {first_column}")
        if len(counted) != shown:
            problems.append(f"{what}: the CSV has {len(counted)} row(s), the view shows {shown}")
        return rows

    print("downloads:")
    # search: a real download through the browser, of the page on screen
    page.goto("about:blank")
    page.goto(f"{base}/#search?q={query}&limit=20")
    page.wait_for_selector("#search-results li")
    page.wait_for_selector("#search-facets li")
    shown = page.locator("#search-results li").count()
    with page.expect_download() as info:
        page.click("#search-downloads a[data-format=csv]")
    saved = info.value
    header, *rows = list(csv.reader(io.StringIO(Path(saved.path()).read_text())))
    print(f"  browser download of the search: {saved.suggested_filename}, {len(rows)} row(s); "
          f"the page shows {shown}")
    if header[:2] != ["id", "published"] or len(rows) != shown:
        problems.append(f"the search's CSV download has {len(rows)} rows (header {header[:2]}), "
                        f"the page shows {shown}")
    same("facets", "#search-facets", page.locator("#search-facets li").count(), "facet")
    # a later page: the download is that page
    page.goto("about:blank")
    page.goto(f"{base}/#search?q={query}&limit=5&offset=5")
    page.wait_for_selector("#search-prev")
    rows = same("search page 2", "#search-downloads", page.locator("#search-results li").count(),
                "id")
    first = page.text_content("#search-results li button.link")
    if rows and f"{rows[0][0]}#{rows[0][3]}" != first:
        problems.append(f"the second page's CSV starts at {rows[0][0]}#{rows[0][3]}, "
                        f"the page at {first}")

    page.goto("about:blank")
    page.goto(f"{base}/#timeline?q={query}")
    page.wait_for_selector("#timeline-results li")
    same("timeline", "#timeline-downloads", page.locator("#timeline-results li").count(), "date")

    page.goto("about:blank")
    page.goto(f"{base}/#events?limit=40")
    page.wait_for_selector("#events-table tbody tr")
    same("events", "#events-downloads", page.locator("#events-table tbody tr").count(), "id")
    first = page.text_content("#events-table tbody tr")
    if page.locator("#events-next").count():
        page.click("#events-next")
        page.wait_for_selector("#events-prev")
        print("  events, next page:", page.text_content("#events-summary"), "|",
              page.url[len(base):])
        if "offset=40" not in page.url or page.text_content("#events-table tbody tr") == first:
            problems.append("the events' next page is not in the URL or shows the first page")
        same("events page 2", "#events-downloads",
             page.locator("#events-table tbody tr").count(), "id")

    page.goto("about:blank")
    page.goto(f"{base}/#map?q={map_query}")
    page.wait_for_selector("#map-svg .marker")
    same("map places", "#map-downloads", page.locator("#map-svg .marker").count(), "name",
         "places")
    same("map countries", "#map-downloads",
         page.locator("#map-svg path.country[data-country]").count(), "country", "countries")
    page.locator('#map-svg .marker[data-place="Damascus"]').dispatch_event("click")
    page.wait_for_selector("#map-pick li")
    same("a place's sentences", "#map-pick-downloads", page.locator("#map-pick li").count(), "id")

    page.goto("about:blank")
    page.goto(f"{base}/#network?q={map_query}")
    page.wait_for_selector("#network-svg .edge-hit")
    same("network edges", "#network-downloads", page.locator("#network-svg .edge-hit").count(),
         "source", "edges")
    same("network nodes", "#network-downloads", page.locator("#network-svg .node").count(),
         "id", "nodes")
    page.locator("#network-svg .edge-hit").first.dispatch_event("click")
    page.wait_for_selector("#network-pick li")
    same("an edge's events", "#network-pick-downloads", page.locator("#network-pick li").count(),
         "id")

    # the chart's tone: one point per day whose articles have a tone, the measure in the URL
    page.goto("about:blank")
    page.goto(f"{base}/#chart?q={query}&measure=tone")
    page.wait_for_selector("#chart-svg circle.tone-point")
    points = page.locator("#chart-svg circle.tone-point").count()
    tones = page.eval_on_selector_all("#chart-svg circle.tone-point",
                                      "ps => ps.map(p => p.dataset.tone)")
    print(f"chart {query!r}, tone:", points, "days with a mean tone:", ", ".join(tones),
          "| measure shown:", page.input_value("#chart-measure"))
    if page.input_value("#chart-measure") != "tone":
        problems.append("the chart's URL with measure=tone does not show the tone")
    rows = same("chart days with a tone", "#chart-downloads", points, "date",
                rows_filter=lambda h, r: r[h.index("tone")] != "")
    csv_tones = sorted(float(r[3]) for r in rows if r[3] != "")
    if csv_tones != sorted(float(t) for t in tones):
        problems.append(f"the tone points {tones} are not the download's tones {csv_tones}")
    shot("chart-tone", page)
    page.select_option("#chart-measure", "mentions")
    page.wait_for_url(lambda url: "measure=mentions" in url)
    page.wait_for_selector("#chart-svg rect.bar")
    same("chart days", "#chart-downloads", page.locator("#chart-svg rect.bar").count(), "date")

    # near-duplicates: the toggle goes into the URL, is restored by it, and travels with the
    # selection to the other views
    page.goto("about:blank")
    page.goto(f"{base}/#search?q={query}&limit=20")
    page.wait_for_selector("#search-results li")
    page.check("#search-form input[name=include_duplicates]")
    page.click("#search-form button")
    page.wait_for_url(lambda url: "include_duplicates=true" in url)
    page.wait_for_selector("#search-results li")
    url = page.url
    page.goto("about:blank")
    page.goto(url)
    page.wait_for_selector("#search-results li")
    kept = page.is_checked("#search-form input[name=include_duplicates]")
    also = page.get_attribute("#search-form .also a[data-also=map]", "href") or ""
    print("near-duplicates too:", url[len(base):], "| restored:", kept, "| map link:", also)
    if not kept or "include_duplicates=true" not in also:
        problems.append("the near-duplicates toggle is not restored from the URL or not "
                        "passed to the other views")
    return problems


def check(base: str, query: str, chromium: str, shots: Path | None,
          map_query: str = "Idlib") -> list[str]:
    """Go through the page's views; the problems found (empty when all is well)."""
    from playwright.sync_api import sync_playwright

    problems: list[str] = []

    def shot(name: str, page) -> None:
        if shots:
            page.screenshot(path=str(shots / f"{name}.png"), full_page=name != "events")

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900}, accept_downloads=True)
        page.set_default_timeout(15_000)
        page.on("pageerror", lambda e: problems.append(f"script error: {e}"))
        # ReDoc's script asks for its own logo at cdn.redoc.ly; the policy refuses it (the
        # footer link keeps its text), which is the offline behaviour wanted, not a fault
        page.on("console", lambda m: problems.append(f"console error: {m.text}")
                if m.type == "error" and "400" not in m.text
                and "cdn.redoc.ly" not in m.text else None)
        # offline: a request for anything this server does not serve is a problem
        page.route(lambda url: not url.startswith(base),
                   lambda route: (problems.append(f"off-server request: {route.request.url}"),
                                  route.abort()))

        page.goto(base + "/")
        wait_until(page, lambda: page.text_content("#store-line") != "loading…", "the header")
        print("header:", page.text_content("#store-line"))

        page.fill("#search-form input[name=q]", query)
        page.click("#search-form button")
        page.wait_for_selector("#search-results li")
        print(f"search {query!r}:", page.text_content("#search-summary"))
        shot("search", page)

        # pages of 5: the next page starts at the sixth result, and previous goes back
        page.fill("#search-form input[name=limit]", "5")
        page.click("#search-form button")
        page.wait_for_selector("#search-next")
        first = page.text_content("#search-results li")
        page.click("#search-next")
        page.wait_for_selector("#search-prev")   # only a later page has one
        print("next page:", page.text_content("#search-summary"))
        second_url, second_first = page.url, page.text_content("#search-results li")
        print("its URL:", second_url[len(base):])
        if "offset=5" not in second_url or "q=" not in second_url:
            problems.append("the page's URL does not hold the search and its page")
        if not page.text_content("#search-summary").startswith("sentences 6"):
            problems.append("the next page does not start at the sixth result")
        if page.text_content("#search-results li") == first:
            problems.append("the next page shows the first page's first result")
        page.click("#search-prev")
        page.wait_for_selector("#search-prev", state="detached")
        if page.text_content("#search-results li") != first:
            problems.append("previous does not go back to the first page")
        # the URL restores the view: a fresh load of the second page's URL shows it again
        page.goto("about:blank")
        page.goto(second_url)
        page.wait_for_selector("#search-prev")
        print("restored from its URL:", page.text_content("#search-summary"))
        if (page.text_content("#search-results li") != second_first
                or page.input_value("#search-form input[name=q]") != query):
            problems.append("loading a search page's URL does not restore that page")
        # facets: a click on a person beside the results narrows the search to that person
        page.goto("about:blank")
        page.goto(f"{base}/#search?q={query}&limit=20")
        page.wait_for_selector("#search-facets button[data-facet=person]")
        before = page.text_content("#search-summary")
        person = page.locator("#search-facets button[data-facet=person]").first
        print("facets:", page.locator("#search-facets section").count(), "lists; clicking",
              person.text_content())
        person.click()
        wait_until(page, lambda: page.text_content("#search-summary") != before
                   and not page.url.endswith("limit=20") and "entity=" in page.url,
                   "the facet's results")
        page.wait_for_selector("#search-results li")
        print("after the facet:", page.text_content("#search-summary"), "|",
              page.url[len(base):])
        if page.text_content("#search-summary") == before:
            problems.append("a facet click does not change the results")
        page.goto("about:blank")
        page.goto(f"{base}/#search?q={query}&limit=20")
        page.wait_for_selector("#search-results li")
        page.fill("#search-form input[name=limit]", "20")

        page.locator("#search-results li button.link").first.click()
        page.wait_for_selector("#article-body h2")
        print("article:", page.text_content("#article-body h2"),
              f"({page.locator('#article-body table').count()} tables)")
        marks = {kind: page.locator(f"#article-body .article-text .x-{kind}").count()
                 for kind in ("date", "person", "place", "quote", "amount", "event")}
        print("article highlights:", ", ".join(f"{k} {n}" for k, n in marks.items()))
        for kind in ("date", "place", "quote", "event"):
            if not marks[kind]:
                problems.append(f"the article view highlights no {kind}")
        hover = page.locator("#article-body .article-text .x-place").first.get_attribute("title")
        print("hover on a place:", hover)
        if not hover or "place:" not in hover:
            problems.append("a highlighted place has no normalised value to hover")
        shot("article", page)
        if shots:  # the highlighted text alone, small enough to show in the README
            page.locator("#article-body .article-text").screenshot(
                path=str(shots / "article-text.png"))
        page.locator("#article-body .legend input[data-kind=place]").uncheck()
        if "hide-place" not in (page.get_attribute("#article-body .article-text", "class") or ""):
            problems.append("unticking 'places' does not hide the place highlights")
        page.locator("#article-body .legend input[data-kind=place]").check()

        page.click("nav a[data-view=timeline]")
        page.click("#timeline-form button")
        page.wait_for_selector("#timeline-results .tl-date")
        if "#timeline" not in page.url:
            problems.append("the timeline view is not in the URL")
        print("timeline:", page.locator("#timeline-results .tl-date").count(), "dates;",
              page.text_content("#timeline-notes"))
        shot("timeline", page)

        page.click("nav a[data-view=events]")
        page.click("#events-form button")
        page.wait_for_selector("#events-table tbody tr")
        print("events:", page.text_content("#events-summary"))
        shot("events", page)

        problems += check_views(page, base, query, map_query, shot)
        problems += check_downloads(page, base, query, map_query, shot)

        page.click("nav a[data-view=stats]")
        page.wait_for_selector("#stats-body table")
        print("store page:", page.locator("#stats-body table").count(), "tables")
        shot("stats", page)

        page.click("nav a[data-view=search]")
        page.fill("#search-form input[name=q]", 'AND OR "')
        page.click("#search-form button")
        page.wait_for_selector("#error", state="visible")
        print("bad query:", page.text_content("#error"))

        # the API documentation, from this server alone
        page.goto(base + "/docs")
        page.wait_for_selector(".opblock-summary-path")
        print("/docs (Swagger UI):", page.locator(".opblock-summary-path").count(),
              "endpoints")
        shot("docs", page)
        page.goto(base + "/redoc")
        page.wait_for_selector("h2")
        print("/redoc (ReDoc):", page.locator("h2").count(), "sections")
        shot("redoc", page)
        browser.close()
    return problems


def main() -> int:
    """Serve the store, check the page, print the result."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, type=Path, help="a store to serve")
    ap.add_argument("--query", default="Sochi", help="words to search for (must match)")
    ap.add_argument("--map-query", default="Idlib",
                    help="words whose map (markers at Idlib, Damascus, Sochi) and network "
                         "(an edge RUS-TUR) are checked")
    ap.add_argument("--chromium", default="/usr/bin/chromium", help="the browser to drive")
    ap.add_argument("--shots", type=Path, help="save a screenshot of each view here")
    args = ap.parse_args()
    if not args.db.exists():
        print(f"{args.db}: no such store", file=sys.stderr)
        return 1
    if args.shots:
        args.shots.mkdir(parents=True, exist_ok=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-c", "from dateline.cli import main; main()",
                               "serve", "--db", str(args.db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for(base, server)
        try:
            problems = check(base, args.query, args.chromium, args.shots, args.map_query)
        except Exception as exc:  # a step timed out, or the browser would not start
            problems = [f"{type(exc).__name__}: {str(exc).splitlines()[0]}"]
    finally:
        server.terminate()
        server.wait()
    for problem in problems:
        print("PROBLEM:", problem)
    print("ok" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
