"""The ``dateline`` command line (the contract is in DESIGN.md).

Every command prints its result on stdout and its problems on stderr, one line
each naming the input; the exit status is 0 on success, 1 when some input was
rejected, 2 when the command could not run at all.

The commands are a thin layer over the Python API (:mod:`dateline.api`), which
makes every check; this module maps its errors to one-line messages and exit
statuses, and reads the settings (``--config``, ``--set``) into a
:class:`dateline.settings.Settings` for it.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import pkgutil
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from dateline.api import FACETS, Dateline, ParamError
from dateline.read import ReadOptions, Rejection
from dateline.read.base import BadInput, parse_date
from dateline.settings import CONFIG_ENV, CONFIG_FILE, Settings
from dateline.store import StoreError, UnknownEntity, describe_error
from dateline.version import __version__

DEFAULT_DB = "dateline.db"

#: How the commands name the API's parameters in messages (ParamError.message).
CLI_NAMES = {"query": "a QUERY", **{name: f"--{name}" for name in
                                     ("start", "end", "entity", "place", "event", "country")}}


def _fail(message: str, code: int = 2) -> None:
    click.echo(f"dateline: {message}", err=True)
    sys.exit(code)


def _date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_date(value, param.name or "date")
    except BadInput as exc:
        raise click.BadParameter(str(exc)) from None


def _db_option(fn: Any) -> Any:
    return click.option("--db", envvar="DATELINE_DB", default=DEFAULT_DB, show_default=True,
                        type=click.Path(dir_okay=False),
                        help="Database file (or $DATELINE_DB).")(fn)


@contextmanager
def _errors(db: str | None = None) -> Iterator[None]:
    """The API's errors as one line on stderr and exit status 2; an SQLite failure
    while reading ``db`` (damaged pages, a file that went away) too."""
    try:
        yield
    except ParamError as exc:
        _fail(exc.message(CLI_NAMES))
    except (ValueError, StoreError) as exc:
        _fail(str(exc))
    except sqlite3.DatabaseError as exc:
        _fail(describe_error(db or "the database", exc))


def _open(db: str, readonly: bool = False, settings: Settings | None = None) -> Dateline:
    """The store ``db`` through the API; one line and exit 2 when it cannot be used."""
    with _errors():
        return Dateline(db, readonly=readonly, settings=settings)
    raise AssertionError("unreachable")


def _settings() -> Settings:
    """The settings of this run: the defaults, the config file (``--config``, else
    $DATELINE_CONFIG, else ./dateline.toml when present) and each ``--set``, in order."""
    obj = click.get_current_context().find_root().ensure_object(dict)
    with _errors():
        return Settings.load(obj.get("config"), obj.get("set", ()))
    raise AssertionError("unreachable")


def _keep_config(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    """Callback of --config and --set (on the group and on commands): collect them
    for :func:`_settings`; a command's --config replaces the group's, --set add up."""
    obj = ctx.find_root().ensure_object(dict)
    if param.name == "config" and value is not None:
        obj["config"] = value
    elif param.name == "set" and value:
        obj["set"] = (*obj.get("set", ()), *value)


def _settings_options(fn: Any) -> Any:
    """--config FILE and repeatable --set KEY=VALUE (see `dateline config`)."""
    fn = click.option("--set", "set", multiple=True, metavar="KEY=VALUE", expose_value=False,
                      callback=_keep_config, help="Change one setting (repeatable; "
                      "`dateline config` lists them), e.g. --set workers=4.")(fn)
    return click.option("--config", type=click.Path(dir_okay=False), expose_value=False,
                        callback=_keep_config, help=f"Settings file (TOML; default "
                        f"${CONFIG_ENV} or ./{CONFIG_FILE} when present).")(fn)


class _EvalGroup(click.Group):
    """Mounts each module of :mod:`dateline.evaluate` that exposes ``command``;
    modules without one are helpers of the harnesses."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        import dateline.evaluate as pkg
        names = sorted(m.name for m in pkgutil.iter_modules(pkg.__path__))
        return [n for n in names if self.get_command(ctx, n) is not None]

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        import dateline.evaluate as pkg
        if name not in {m.name for m in pkgutil.iter_modules(pkg.__path__)}:
            return None
        module = importlib.import_module(f"dateline.evaluate.{name}")
        return getattr(module, "command", None)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
@_settings_options
def cli() -> None:
    """Dateline: turn dated news articles into a structured, searchable record."""


@cli.command("config")
@_settings_options
@click.option("--json", "as_json", is_flag=True, help="Print as JSON: {key: {value, help}}.")
def config_(as_json: bool) -> None:
    """List every setting with its value in force (defaults, then the config file,
    then --set) and what it does. Set them in a TOML file (--config FILE,
    $DATELINE_CONFIG, or ./dateline.toml) or with --set KEY=VALUE.

    \b
    Examples:
      dateline config
      dateline --set timeline.mention_bonus=0.06 config --json
      dateline --config tuned.toml timeline --db idlib.db
    """
    items = list(_settings().items())
    if as_json:
        click.echo(json.dumps({key: {"value": value, "help": text} for key, value, text in items},
                              indent=2, ensure_ascii=False))
        return
    for key, value, text in items:
        shown = "none" if value is None else json.dumps(value, ensure_ascii=False)
        click.echo(f"{key} = {shown}")
        click.echo(f"    {text}")


@cli.command()
@click.argument("file", required=False)
@_settings_options
@click.option("--published", callback=_date_option, help="Publication date (YYYY-MM-DD) "
              "for input that carries none.")
@click.option("--id", "article_id", help="Id of the article (default: a hash of its text).")
@click.option("--jsonl", "jsonl_in", type=click.Path(dir_okay=False, allow_dash=True),
              help="Read many articles from this JSONL file instead.")
@click.option("--out", type=click.Path(dir_okay=False, writable=True),
              help="With --jsonl: write records here (default: stdout).")
@click.option("--workers", type=int, default=None, help="Processes for --jsonl "
              "(default: the workers setting, up to 2).")
@click.option("--max-chars", type=int, default=ReadOptions.max_chars, show_default=True,
              help="Longest article accepted.")
@click.option("--compact", is_flag=True, help="Print the record on one line.")
def extract(file: str | None, published: dt.date | None, article_id: str | None,
            jsonl_in: str | None, out: str | None, workers: int | None, max_chars: int,
            compact: bool) -> None:
    """Print the record of one article (FILE, or - / nothing for stdin) as JSON.

    \b
    Examples:
      dateline extract article.txt
      dateline extract page.html --published 2018-09-07
      cat story.txt | dateline extract - --published 2018-09-07 --id story-1
      dateline extract --jsonl articles.jsonl --out records.jsonl
    """
    from dateline.api import extract_many, extract_record
    from dateline.read import read_paths

    settings = _settings()
    options = ReadOptions(published=published, id=article_id, max_chars=max_chars)
    if jsonl_in:
        from dateline.read.jsonl import read_jsonl
        rejected = 0

        def articles() -> Any:
            nonlocal rejected
            source = "<stdin>" if jsonl_in == "-" else jsonl_in
            try:
                stream = sys.stdin.buffer if jsonl_in == "-" else open(jsonl_in, "rb")
            except OSError as exc:
                _fail(f"{jsonl_in}: cannot read ({exc.strerror})")
            for item in read_jsonl(stream, source, options):
                if isinstance(item, Rejection):
                    rejected += 1
                    click.echo(f"dateline: rejected {item}", err=True)
                else:
                    yield item

        sink = open(out, "w", encoding="utf-8") if out else sys.stdout
        try:
            for article, record, error in extract_many(articles(), workers=workers,
                                                       settings=settings):
                if record is None:
                    rejected += 1
                    click.echo(f"dateline: rejected {article.origin}: {error}", err=True)
                else:
                    sink.write(json.dumps(record, ensure_ascii=False) + "\n")
        finally:
            if out:
                sink.close()
        sys.exit(1 if rejected else 0)

    items = list(read_paths([file or "-"], options))
    problems = [i for i in items if isinstance(i, Rejection)]
    for p in problems:
        click.echo(f"dateline: {p}", err=True)
    articles_ = [i for i in items if not isinstance(i, Rejection)]
    if not articles_:
        sys.exit(1 if problems else 2)
    indent = None if compact or len(articles_) > 1 else 2
    for article in articles_:
        click.echo(json.dumps(extract_record(article, settings=settings), ensure_ascii=False,
                              indent=indent))
    sys.exit(1 if problems else 0)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_db_option
@_settings_options
@click.option("--published", callback=_date_option,
              help="Publication date for inputs that carry none.")
@click.option("--update", is_flag=True, help="Re-extract articles whose text changed or that "
              "an older Dateline extracted.")
@click.option("--rejects", type=click.Path(dir_okay=False, writable=True),
              help="Write rejected inputs to this JSONL file, to fix and ingest again.")
@click.option("--workers", type=int, default=None, help="Processes (default: the workers "
              "setting, up to 2).")
@click.option("--batch-size", type=int, default=None, help="Articles per committed "
              "transaction (default: the batch_size setting, 16).")
@click.option("--max-chars", type=int, default=ReadOptions.max_chars, show_default=True,
              help="Longest article accepted.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar (default: when stderr is a terminal).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
@click.option("--dask", metavar="ADDRESS", default=None,
              help="Dask scheduler address, or 'local' to start a local cluster with "
              "--workers processes.")
def ingest(paths: tuple[str, ...], db: str, published: dt.date | None, update: bool,
           rejects: str | None, workers: int | None, batch_size: int | None, max_chars: int,
           progress: bool | None, as_json: bool, dask: str | None) -> None:
    """Read articles from files, folders, globs or gzip files and store their records.

    Plain text (opening with `date YYYY-MM-DD`, or with --published), JSONL and CSV
    (text, published|time|date, optional id/title/url/source), HTML pages.
    Ingesting the same input again stores nothing new; an interrupted ingest
    resumes where it stopped when rerun.

    \b
    Examples:
      dateline ingest samples/idlib --db idlib.db
      dateline ingest 'news/**/*.jsonl.gz' --rejects rejects.jsonl
      dateline ingest notes.txt --published 2018-09-07
      dateline ingest big/ --db big.db --dask tcp://10.0.0.5:8786
    """
    from tqdm import tqdm

    from dateline.distributed import DaskError
    from dateline.ingest import RejectsFile
    from dateline.read import count_articles

    dl = _open(db, settings=_settings())
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(total=count_articles(paths) if show else None, unit=" articles",
               disable=not show, file=sys.stderr, dynamic_ncols=True, smoothing=0.1)
    rejects_stream = open(rejects, "a", encoding="utf-8") if rejects else None
    rejects_file = RejectsFile(rejects_stream) if rejects_stream else None
    shown = 0

    def on_reject(r: Rejection) -> None:
        nonlocal shown
        if rejects_file:
            rejects_file.write(r)
        shown += 1
        if shown <= 100:
            tqdm.write(f"dateline: rejected {r}", file=sys.stderr)
        elif shown == 101:
            tqdm.write("dateline: more rejections not shown" +
                       (f" (all are in {rejects})" if rejects else " (use --rejects FILE)"),
                       file=sys.stderr)

    def on_batch(s: Any) -> None:
        bar.n = s.stored + s.updated + s.duplicates + len(s.rejected)
        bar.refresh()

    try:
        summary = dl.ingest(paths, published=published, max_chars=max_chars, workers=workers,
                            batch_size=batch_size, update=update, on_reject=on_reject,
                            on_batch=on_batch, dask=dask)
    except (DaskError, StoreError) as exc:
        bar.close()
        _fail(str(exc))
        return
    except KeyboardInterrupt:
        bar.close()
        _fail(f"interrupted; {dl.count():,} article(s) are stored in {db}; "
              "run the same command again to resume", 130)
        return
    finally:
        if rejects_stream:
            rejects_stream.close()
    bar.close()
    if as_json:
        click.echo(json.dumps({"database": db, **summary.as_dict()}))
    for line in summary.lines():
        click.echo(line, err=True)
    sys.exit(1 if summary.rejected else 0)


@cli.command()
@_db_option
@click.option("--top", type=int, default=10, show_default=True, help="How many top items.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.option("--include-duplicates", is_flag=True, help="Count the articles flagged as "
              "near-duplicates of another too (by default a duplicate group counts once).")
def stats(db: str, top: int, as_json: bool, include_duplicates: bool) -> None:
    """Say what the store holds: articles, date range, sources, counts per kind,
    busiest dates, most mentioned people and places.

    \b
    Example:
      dateline stats --db idlib.db
    """
    with _open(db, readonly=True) as dl, _errors(db):
        s = dl.stats(top, include_duplicates=include_duplicates).as_dict()
    if as_json:
        click.echo(json.dumps(s, indent=2, ensure_ascii=False))
        return
    click.echo(f"{s['database']}: {s['articles']:,} articles published "
               f"{s['published']['first']} to {s['published']['last']}")
    if s["duplicates"]:
        click.echo(f"  {s['duplicates']:,} near-duplicate article(s) in "
                   f"{s['duplicate_groups']:,} group(s), "
                   + ("counted" if include_duplicates else "not counted: each group counts once"))
    click.echo("  " + ", ".join(f"{s[k]:,} {k}" for k in
                               ("sentences", "dates", "entities", "places", "quotes", "amounts",
                                "events")))
    for key, title in (("sources", "sources"), ("busiest_publication_dates", "busiest publication dates"),
                       ("most_mentioned_dates", "most mentioned dates"),
                       ("top_people", "most mentioned people"),
                       ("top_organisations", "most mentioned organisations"),
                       ("top_places", "most mentioned places")):
        if s[key]:
            click.echo(f"{title}:")
            for name, n in s[key].items():
                click.echo(f"  {n:6,}  {name}")


@cli.command()
@click.argument("query", required=False)
@_db_option
@click.option("--start", callback=_date_option, help="Published on or after (YYYY-MM-DD).")
@click.option("--end", callback=_date_option, help="Published on or before (YYYY-MM-DD).")
@click.option("--entity", help="Sentences naming this person or organisation (any alias).")
@click.option("--place", help="Sentences naming this place (its stored name, any case: Syria finds Syrian too).")
@click.option("--event", help="Sentences reporting an event of this PLOVER type (e.g. ASSAULT).")
@click.option("--country", help="Sentences reporting an event whose actor or target is from "
              "this country (ISO alpha-3, e.g. RUS).")
@click.option("--limit", type=int, default=20, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True,
              help="Skip this many results first (the next page: the results already read).")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON lines.")
@click.option("--facets", "facets", is_flag=True, help="Print, instead of the sentences, how "
              "many of the first 500 fall on each publication date and name each person, "
              "place, event type and country (and the sources), as the web page shows them.")
@click.option("--view", type=click.Choice(["map", "chart", "network"]), help="Print, instead "
              "of the sentences, the web page's map, chart or network of the first 1,000 "
              "results, as one JSON object (as /api/map, /api/chart, /api/network answer).")
@click.option("--include-duplicates", is_flag=True, help="Search the articles flagged as "
              "near-duplicates of another too (by default a duplicate group is searched once, "
              "in its representative).")
def search(query: str | None, db: str, start: dt.date | None, end: dt.date | None,
           entity: str | None, place: str | None, event: str | None, country: str | None,
           limit: int, offset: int, as_json: bool, facets: bool, view: str | None,
           include_duplicates: bool) -> None:
    """Find sentences matching QUERY (SQLite FTS5 syntax: words, "phrases", OR, NOT,
    prefix*) and every filter given; without QUERY, all sentences the filters select,
    in date order.

    \b
    Examples:
      dateline search 'Idlib AND offensive' --db idlib.db
      dateline search --entity Lavrov --start 2018-08-25 --db idlib.db
      dateline search --event MOBILIZE --country RUS --db idlib.db --json
      dateline search Sochi --limit 5 --offset 5 --db idlib.db      # results 6 to 10
      dateline search Sochi --facets --db idlib.db                  # counts beside them
      dateline search Idlib --view network --db idlib.db            # actors and their events
    """
    if view:
        with _open(db, readonly=True) as dl, _errors(db):
            try:
                drawn = getattr(dl, view)(query, start=start, end=end, entity=entity,
                                          place=place, event=event, country=country,
                                          include_duplicates=include_duplicates)
            except UnknownEntity as exc:
                _fail(str(exc), 1)
        click.echo(json.dumps(drawn, ensure_ascii=False))
        if not drawn["results"]:
            click.echo(f"dateline: {db}: no sentence matches", err=True)
            sys.exit(1)
        return
    if facets:
        with _open(db, readonly=True) as dl, _errors(db):
            try:
                counts = dl.facets(query, start=start, end=end, entity=entity, place=place,
                                   event=event, country=country,
                                   include_duplicates=include_duplicates)
            except UnknownEntity as exc:
                _fail(str(exc), 1)
        if as_json:
            click.echo(json.dumps(counts, ensure_ascii=False))
        else:
            click.echo(f"in the first {counts['results']} result(s)")
            for name in FACETS:
                if counts[name]:
                    click.echo(f"{name}: " + ", ".join(f"{v} ({n})" for v, n in counts[name]))
        if not counts["results"]:
            click.echo(f"dateline: {db}: no sentence matches", err=True)
            sys.exit(1)
        return
    with _open(db, readonly=True) as dl, _errors(db):
        try:
            hits = dl.search(query, start=start, end=end, entity=entity, place=place,
                             event=event, country=country, limit=limit, offset=offset,
                             include_duplicates=include_duplicates)
        except UnknownEntity as exc:   # a name that finds nobody: said, and exit 1
            _fail(str(exc), 1)
    for h in hits:
        if as_json:
            click.echo(json.dumps(h.as_dict(), ensure_ascii=False))
        else:
            click.echo(f"{h.published}  {h.id}#{h.sentence}  {' '.join(h.text.split())}")
    if hits.window is not None:
        click.echo(f"dateline: {hits.note()}", err=True)
    if not hits:   # said, as timeline does: an empty answer is not silent
        click.echo(f"dateline: {db}: no sentence matches", err=True)
        sys.exit(1)


@cli.command()
@click.argument("query", required=False)
@_db_option
@_settings_options
@click.option("--max-dates", type=click.IntRange(min=1), help="At most N dates "
              "(default: chosen from the data).")
@click.option("--sentences-per-date", type=click.IntRange(min=1), help="At most K sentences "
              "per date (default: chosen from the data).")
@click.option("--start", callback=_date_option, help="First date (YYYY-MM-DD).")
@click.option("--end", callback=_date_option, help="Last date (YYYY-MM-DD).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "tilse"]), default="text",
              show_default=True, help="text for people, json for programs, tilse for the "
              "benchmark's format.")
@click.option("--include-duplicates", is_flag=True, help="Read the articles flagged as "
              "near-duplicates of another too (by default a duplicate group votes once).")
@click.option("--story", metavar="ID", help="Draw one story (an id `dateline stories` lists):"
              " only its articles are read.")
def timeline(query: str | None, db: str, max_dates: int | None, sentences_per_date: int | None,
             start: dt.date | None, end: dt.date | None, fmt: str,
             include_duplicates: bool, story: str | None) -> None:
    """The dates that matter for a story (QUERY: keywords, or a person's, organisation's
    or place's name; all articles when omitted) and, for each, the sentences that say
    what happened, each with its article.

    \b
    Examples:
      dateline timeline --db idlib.db
      dateline timeline Sochi --db idlib.db --max-dates 5 --sentences-per-date 2
      dateline timeline "Staffan de Mistura" --db idlib.db --format json
      dateline timeline --db idlib.db --start 2018-09-01 --end 2018-09-10 --format tilse
      dateline timeline --story s51a7da19612 --db idlib.db
    """
    from dateline.analyses.timeline import format_text, format_tilse

    with _open(db, readonly=True, settings=_settings()) as dl, _errors(db):
        tl = dl.timeline(query, max_dates=max_dates, sentences_per_date=sentences_per_date,
                         start=start, end=end, include_duplicates=include_duplicates,
                         story=story)
    if fmt == "json":
        click.echo(json.dumps(tl.as_dict(), indent=2, ensure_ascii=False))
    elif fmt == "tilse":
        click.echo(format_tilse(tl), nl=False)
    else:
        click.echo(format_text(tl), nl=False)
    if not tl.entries:
        click.echo(f"dateline: {db}: no dated sentences match"
                   + (f" {query!r}" if query else ""), err=True)
        sys.exit(1)


@cli.command()
@click.argument("query", required=False)
@_db_option
@click.option("--update", is_flag=True, help="First group the articles not in a story yet "
              "(ingest does this at its end).")
@click.option("--rebuild", is_flag=True, help="First forget every story and group all "
              "articles afresh (the result then depends only on the stored articles).")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True,
              help="At most this many stories, the largest first.")
@click.option("--min-size", type=click.IntRange(min=1), default=2, show_default=True,
              help="Only stories of at least this many articles.")
@click.option("--start", callback=_date_option, help="Stories still running on or after "
              "this date (YYYY-MM-DD).")
@click.option("--end", callback=_date_option, help="Stories begun on or before this date.")
@click.option("--top", type=click.IntRange(min=0), default=5, show_default=True,
              help="How many people, organisations, places and event types per story.")
@click.option("--story", "story_id", metavar="ID", help="Show this story with its articles.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON lines (one story a line).")
@click.option("--include-duplicates", is_flag=True, help="Count near-duplicate copies in "
              "sizes too (by default a duplicate group counts once).")
def stories(query: str | None, db: str, update: bool, rebuild: bool, limit: int,
            min_size: int, start: dt.date | None, end: dt.date | None, top: int,
            story_id: str | None, as_json: bool, include_duplicates: bool) -> None:
    """The stories the articles follow (docs/stories.md): for each, its span of dates,
    its size, its top people, organisations, places, event types and words. With QUERY
    (SQLite FTS5 syntax), only the stories holding an article that matches it, those
    with the most matches first.

    \b
    Examples:
      dateline stories --db idlib.db
      dateline stories Sochi --db idlib.db --json
      dateline stories --story s51a7da19612 --db idlib.db
      dateline stories --update --db idlib.db        # group articles not grouped yet
      dateline timeline --story s51a7da19612 --db idlib.db
    """
    settings = _settings()   # a bad --set is reported even when nothing is grouped
    if update or rebuild:
        with _open(db, settings=settings) as dl, _errors(db):
            done = dl.update_stories(rebuild=rebuild)
        click.echo(f"dateline: grouped {done.grouped:,} article(s); {done.opened:,} new "
                   f"stor{'y' if done.opened == 1 else 'ies'}, {done.changed:,} changed",
                   err=True)
    with _open(db, readonly=True) as dl, _errors(db):
        if story_id:
            one = dl.story(story_id, top=max(top, 1), include_duplicates=include_duplicates)
            if one is None:
                _fail(f"no story {story_id!r} in {db} (`dateline stories` lists them)", 1)
                return
            found = grouped = [one]
            total = 1
        else:
            found = dl.stories(query, limit=limit, min_size=min_size, start=start, end=end,
                               top=top, include_duplicates=include_duplicates)
            total = found.total
            grouped = found or dl.stories(limit=1)   # is any article in a story at all?
    for s in found:
        if as_json:
            click.echo(json.dumps(s.as_dict(), ensure_ascii=False))
            continue
        size = f"{s.size:,} article{'' if s.size == 1 else 's'}"
        if s.copies and not include_duplicates:
            size += f" (+{s.copies:,} near-duplicate{'' if s.copies == 1 else 's'})"
        match = f", {s.matching:,} matching" if s.matching is not None else ""
        click.echo(f"{s.id}  {s.first} to {s.last}  {size}{match}")
        for label, items in (("people", s.people), ("organisations", s.organisations),
                             ("places", s.places), ("events", s.event_types)):
            if items:
                click.echo(f"  {label}: " + ", ".join(f"{k} ({n})" for k, n in items))
        if s.words:
            click.echo("  words: " + ", ".join(s.words))
        for a in s.articles or []:
            how = a["how"] + (f" {a['score']:.3f}" if a["score"] is not None else "")
            click.echo(f"  {a['published']}  {a['id']}  [{how}]"
                       + (f"  {a['title']}" if a["title"] else ""))
    if not story_id and total > len(found):
        click.echo(f"dateline: {len(found):,} of {total:,} stories shown (--limit)", err=True)
    if not found:
        click.echo(f"dateline: {db}: " + ("no story matches" if grouped else
                   "no article is in a story yet (ingest some, or run `dateline stories "
                   "--update`)"), err=True)
        sys.exit(1)


@cli.command("export")
@click.argument("kind", type=click.Choice(["events", "articles", "sentences", "dates",
                                           "entities", "places", "quotes", "amounts",
                                           "stories"]))
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet", "groups",
                                                    "gdelt", "acled"]), default="csv",
              show_default=True, help="csv/jsonl/parquet: one row per stored item; events "
              "also as groups (JSON Lines, one event group per line; for stories one story a line), gdelt (GDELT 2.0 Events "
              "columns, tab-separated) or acled (ACLED columns).")
@click.option("--out", type=click.Path(dir_okay=False, writable=True),
              help="Write here (default: stdout; parquet needs a file).")
@_db_option
@click.option("--start", callback=_date_option, help="From this date (YYYY-MM-DD): the event's "
              "date for events, the publication date otherwise.")
@click.option("--end", callback=_date_option, help="Up to this date (YYYY-MM-DD), inclusive.")
@click.option("--header/--no-header", default=True, show_default=True,
              help="Column names as the first line (csv, gdelt, acled); GDELT's own files "
              "have none.")
@_settings_options
def export_(kind: str, fmt: str, out: str | None, db: str, start: dt.date | None,
            end: dt.date | None, header: bool) -> None:
    """Write what the store holds as a file for other tools (docs/export.md): KIND is
    events, articles, sentences, dates, entities, places, quotes, amounts or stories
    (one row per article in a story; --format groups: one story per line).

    \b
    Examples:
      dateline export events --db idlib.db --out events.csv
      dateline export events --format gdelt --db idlib.db --out events.tsv
      dateline export events --format acled --start 2018-09-01 --db idlib.db
      dateline export events --format parquet --db idlib.db --out events.parquet
      dateline export entities --format jsonl --db idlib.db
      dateline --set event_groups.window_days=0 export events --format groups --db idlib.db
    """
    from dateline.export import ExportError

    with _open(db, readonly=True, settings=_settings()) as dl:
        try:
            n = dl.export(kind, fmt, out, start=start, end=end, header=header)
        except ParamError as exc:
            _fail(exc.message(CLI_NAMES))
        except ExportError as exc:
            _fail(f"{db}: {exc}")
        except BrokenPipeError:   # the reader stopped early (`| head`): not our failure
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except OSError as exc:
            _fail(f"{out or '<stdout>'}: cannot write ({exc.strerror})")
        except sqlite3.DatabaseError as exc:
            _fail(describe_error(db, exc))
    if out:
        click.echo(f"dateline: wrote {n:,} row(s) to {out}", err=True)


@cli.command()
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 lets other machines read the store).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True,
              help="Port to listen on.")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Server processes answering requests (default: one per CPU, at most "
                   "4), so that requests use every core.")
@_settings_options
def serve(db: str, host: str, port: int, workers: int | None) -> None:
    """Serve the store read-only over HTTP: a JSON API (docs/http.md; OpenAPI at /docs)
    and a web page at / to search sentences, build timelines, list event groups,
    see the store's statistics and read article records. Ctrl-C stops it.

    \b
    Examples:
      dateline serve --db idlib.db
      dateline serve --db idlib.db --port 8765
      dateline serve --db big.db --workers 4
      curl 'http://127.0.0.1:8000/api/search?q=Sochi&limit=5'
    """
    import uvicorn

    from dateline.server import (
        SERVE_ENV,
        check_address,
        create_app,
        serve_hosts,
        serve_spec,
        serve_workers,
    )

    settings = _settings()
    workers = workers or serve_workers()
    try:   # one process checks the store and loads all; worker processes do it again
        app = create_app(db, settings=settings, allowed_hosts=serve_hosts(host),
                         warm_stats=workers == 1, warm_up=workers == 1)
    except StoreError as exc:
        _fail(str(exc))
    problem = check_address(host, port)
    if problem:
        _fail(problem)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"dateline: serving {db} on http://{shown}:{port} (Ctrl-C to stop)", err=True)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"dateline: note: {host} is reachable from other machines; anyone who "
                   "can reach it can read the store", err=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    os.environ[SERVE_ENV] = serve_spec(db, settings, serve_hosts(host))
    uvicorn.run("dateline.server:app_from_env", factory=True, workers=workers, host=host,
                port=port, log_level="warning")


@cli.command()
@_db_option
@click.option("--kind", required=True, type=click.Choice(["events", "quotes", "places",
              "entities", "amounts", "dates"]), help="What to audit.")
@click.option("--sample", "size", type=click.IntRange(min=1), default=50, show_default=True,
              help="Items to draw (entities: the top N names by mentions).")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Seed of the random sample: the same store and seed give the same sample.")
@click.option("--out", type=click.Path(dir_okay=False, writable=True),
              help="Also write the sample as a TSV verdict template (empty verdict column).")
@click.option("--verdicts", type=click.Path(exists=True, dir_okay=False),
              help="Read a judged TSV file and print its precision (no --db needed).")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def audit(db: str, kind: str, size: int, seed: int, out: str | None, verdicts: str | None,
          as_json: bool) -> None:
    """Audit a store on real news: print a reproducible sample of stored items of KIND
    (each with its fields, sentence and article) for a person to judge; with --out,
    write them as a TSV file whose `verdict` column the judge fills with right,
    partly or wrong (entities: clean or unclean) and `note` with why. With
    --verdicts, read a judged file back and print precision = right / judged and
    lenient precision = (right + partly/2) / judged; blank verdicts are not counted.

    \b
    Examples:
      dateline audit --db idlib.db --kind quotes --sample 30 --seed 12 --out quotes.tsv
      dateline audit --db idlib.db --kind entities --sample 40
      dateline audit --kind quotes --verdicts quotes.tsv
    """
    from dateline.analyses.audit import read_verdicts, write_template

    if verdicts:
        with _errors():
            v = read_verdicts(verdicts, kind)
        click.echo(json.dumps(v.as_dict()) if as_json else v.format())
        return
    with _open(db, readonly=True) as dl, _errors(db):
        items = dl.audit(kind, size, seed)
    if as_json:
        for it in items:
            click.echo(json.dumps(it.as_dict(), ensure_ascii=False))
    else:
        click.echo("\n\n".join(it.format(i) for i, it in enumerate(items, 1)))
    if out:
        try:
            write_template(items, out)
        except OSError as exc:
            _fail(f"{out}: cannot write ({exc.strerror})")
        click.echo(f"dateline: wrote {len(items)} item(s) to judge to {out}", err=True)


@cli.group(cls=_EvalGroup, name="eval")
def eval_() -> None:
    """Score an extractor against gold data (given with --data PATH)."""


def main() -> None:
    """Entry point of the ``dateline`` console script."""
    cli()


if __name__ == "__main__":
    main()
