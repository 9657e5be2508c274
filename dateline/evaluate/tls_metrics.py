"""Timeline metrics as tilse defines them: align+ m:1 ROUGE-1/2 and date F1.

Our own implementation of what ``tilse.evaluation.rouge.TimelineRougeEvaluator``
(Martschat & Markert 2017) computes with its default ROUGE, the ROUGE-1.5.5 Perl
script run as ``-n 2 -m -s -t 2`` (raw counts, Porter stemming, stop words
removed), and of news-tls's ``evaluate_dates`` and averaging:

ROUGE counts (:func:`rouge_counts`), as ROUGE-1.5.5 reads a summary:
  the sentences are lower-cased (ASCII), cut at a ``<``, joined by spaces; ``-``
  is set apart and every character other than ``A-Za-z0-9-`` becomes a space;
  tokens that are stop words or do not start with ``[a-z0-9]`` are dropped;
  tokens longer than 3 characters are replaced by their WordNet exception base
  form if they have one, else Porter-stemmed (the Perl script's variant of
  Porter's algorithm). The stop words and exceptions are ROUGE-1.5.5's own data
  files, read from the copy of pyrouge that the ``tilse`` package ships (the ``eval``
  extra), at run time. N-grams run across sentence ends.
  ``hits`` = clipped n-gram matches, ``peer`` / ``model`` = n-gram totals.

align+ m:1 (:func:`align_m1`):
  each predicted date goes to the reference date of least cost (first on ties),
  each reference date to the predicted date of least cost, where
  cost = (1 - 1/(|days| + 1)) * (1 - approximate ROUGE-1 F of the two summaries)
  (tilse's ``compute_rouge_approximation``: whitespace tokens, case kept, tokens
  that are substrings of ``string.punctuation`` dropped). Precision sums the hits
  of every predicted date against its reference date, weighted by 1/(|days| + 1),
  over the sum of predicted n-grams; recall likewise from the reference side.

Date F1: shared dates over predicted / reference dates. :func:`average` averages
precision and recall over timelines, then takes F (news-tls's
``get_average_results``).
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import re
import string
from collections import Counter
from pathlib import Path

from dateline.evaluate.scoring import f1, prf

Timeline = dict[dt.date, list[str]]

_NON_ALNUM = re.compile(r"[^A-Za-z0-9\-]")
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_PUNCT = string.punctuation


class RougeDataMissing(RuntimeError):
    """ROUGE-1.5.5's data files are not installed."""


@functools.lru_cache(maxsize=1)
def _rouge_data() -> Path:
    """The ``data`` folder of ROUGE-1.5.5 as tilse's bundled ``pyrouge`` ships it."""
    spec = importlib.util.find_spec("pyrouge")
    if spec is None or not spec.submodule_search_locations:
        raise RougeDataMissing("ROUGE scoring needs ROUGE-1.5.5's stop words and WordNet "
                               "exceptions, shipped with tilse: pip install 'dateline[eval]'")
    return Path(next(iter(spec.submodule_search_locations))) / "tools" / "ROUGE-1.5.5" / "data"


@functools.lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    """ROUGE-1.5.5's stop words (what its ``-s`` option removes)."""
    text = (_rouge_data() / "smart_common_words.txt").read_text(encoding="latin-1")
    return frozenset(w.strip() for w in text.splitlines() if w.strip())


@functools.lru_cache(maxsize=1)
def _exceptions() -> dict[str, str]:
    """WordNet 2.0 exceptions (inflected form -> base form) as ROUGE-1.5.5 builds its
    exception database: every ``*.exc`` file, later files overriding earlier ones."""
    table: dict[str, str] = {}
    for exc in sorted((_rouge_data() / "WordNet-2.0-Exceptions").glob("*.exc")):
        for line in exc.read_text(encoding="latin-1").splitlines():
            parts = line.split()
            if len(parts) >= 2:
                table[parts[0]] = parts[1]
    return table


# -- Porter stemmer, the variant in ROUGE-1.5.5 ----------------------------------

_c = "[^aeiou]"
_v = "[aeiouy]"
_C = _c + "[^aeiouy]*"
_V = _v + "[aeiou]*"
_MGR0 = re.compile(f"^({_C})?{_V}{_C}")
_MEQ1 = re.compile(f"^({_C})?{_V}{_C}({_V})?$")
_MGR1 = re.compile(f"^({_C})?{_V}{_C}{_V}{_C}")
_HAS_V = re.compile(f"^({_C})?{_v}")
_CVC = re.compile(f"^{_C}{_v}[^aeiouwxy]$")
_STEP2 = {"ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize",
          "bli": "ble", "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous",
          "ization": "ize", "ation": "ate", "ator": "ate", "alism": "al", "iveness": "ive",
          "fulness": "ful", "ousness": "ous", "aliti": "al", "iviti": "ive", "biliti": "ble",
          "logi": "log"}
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "",
          "ness": ""}
_STEP2_RE = re.compile("(" + "|".join(_STEP2) + ")$")
_STEP3_RE = re.compile("(" + "|".join(_STEP3) + ")$")
_STEP4_RE = re.compile("(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$")


@functools.lru_cache(maxsize=65536)
def porter_stem(w: str) -> str:
    """Porter stem of lower-case ``w`` exactly as ROUGE-1.5.5's ``stem`` computes it."""
    if len(w) < 3:
        return w
    y_first = w[0] == "y"
    if y_first:
        w = "Y" + w[1:]
    # step 1a
    if m := re.search("(ss|i)es$", w):
        w = w[:m.start()] + m.group(1)
    elif m := re.search("([^s])s$", w):
        w = w[:m.start()] + m.group(1)
    # step 1b
    if w.endswith("eed"):
        if _MGR0.search(w[:-3]):
            w = w[:-1]
    elif m := re.search("(ed|ing)$", w):
        stem = w[:m.start()]
        if _HAS_V.search(stem):
            w = stem
            if re.search("(at|bl|iz)$", w):
                w += "e"
            elif re.search(r"([^aeiouylsz])\1$", w):
                w = w[:-1]
            elif _CVC.search(w):
                w += "e"
    # step 1c
    if w.endswith("y") and _HAS_V.search(w[:-1]):
        w = w[:-1] + "i"
    # step 2
    if m := _STEP2_RE.search(w):
        stem = w[:m.start()]
        if _MGR0.search(stem):
            w = stem + _STEP2[m.group(1)]
    # step 3
    if m := _STEP3_RE.search(w):
        stem = w[:m.start()]
        if _MGR0.search(stem):
            w = stem + _STEP3[m.group(1)]
    # step 4 (with the 2004 change of the Perl script: separate -ment and -ent rules)
    if m := _STEP4_RE.search(w):
        stem = w[:m.start()]
        if _MGR1.search(stem):
            w = stem
    if w.endswith("ment") and _MGR1.search(w[:-4]):
        w = w[:-4]
    if w.endswith("ent"):
        if _MGR1.search(w[:-3]):
            w = w[:-3]
    elif m := re.search("(s|t)(ion)$", w):
        stem = w[:m.start()] + m.group(1)
        if _MGR1.search(stem):
            w = stem
    # step 5
    if w.endswith("e"):
        stem = w[:-1]
        if _MGR1.search(stem) or (_MEQ1.search(stem) and not _CVC.search(stem)):
            w = stem
    if w.endswith("ll") and _MGR1.search(w):
        w = w[:-1]
    if y_first:
        w = "y" + w[1:]
    return w


def rouge_tokens(sentences: list[str]) -> list[str]:
    """The tokens ROUGE-1.5.5 (``-m -s``) counts in a summary of ``sentences``."""
    parts = []
    for s in sentences:
        s = s.strip().replace("^", "&circ;").translate(_ASCII_LOWER)
        s = s.split("<", 1)[0]
        if s:
            parts.append(s)
    text = _NON_ALNUM.sub(" ", " ".join(parts).replace("-", " - "))
    stop = _stopwords()
    exc = _exceptions()
    out = []
    for tok in text.split():
        if tok in stop or not ("a" <= tok[0] <= "z" or "0" <= tok[0] <= "9"):
            continue
        if len(tok) > 3:
            tok = exc.get(tok) or porter_stem(tok)
        out.append(tok)
    return out


def _ngrams(tokens: list[str], n: int) -> Counter:
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def rouge_counts(pred: list[str], ref: list[str], n: int) -> tuple[int, int, int]:
    """``(hits, peer_total, model_total)`` of ROUGE-n for summary ``pred`` against ``ref``."""
    p = _ngrams(rouge_tokens(pred), n)
    r = _ngrams(rouge_tokens(ref), n)
    hits = sum(min(c, r[g]) for g, c in p.items() if g in r)
    return hits, sum(p.values()), sum(r.values())


def rouge_approximation(pred: list[str], ref: list[str]) -> float:
    """tilse's ``compute_rouge_approximation`` of ``pred`` against one reference."""
    pc = Counter(t for s in pred for t in s.split() if t not in _PUNCT)
    rc = Counter(t for s in ref for t in s.split() if t not in _PUNCT)
    match = sum(min(c, rc[t]) for t, c in pc.items())
    return prf(match, sum(pc.values()), sum(rc.values()), undefined=0).f


def f_score(prec: float, rec: float) -> float:
    """F1 of precision and recall (the int 0 when both are 0, as tilse gives it)."""
    return f1(prec, rec, undefined=0)


def _prf(pn: float, pd: float, rn: float, rd: float) -> dict[str, float]:
    """Precision ``pn / pd``, recall ``rn / rd`` and their F (int 0 where undefined), as
    tilse's dict."""
    s = prf(pn, pd, rd, hits_gold=rn, undefined=0)
    return {"precision": s.p, "recall": s.r, "f_score": s.f}


def align_m1(pred: Timeline, ref: Timeline, ns: tuple[int, ...] = (1, 2)
             ) -> dict[str, dict[str, float]]:
    """align+ m:1 ROUGE-n precision, recall and F of ``pred`` against one reference."""
    pdates, rdates = sorted(pred), sorted(ref)
    out: dict[str, dict[str, float]] = {}
    if not pdates or not rdates:
        for n in ns:
            out[f"rouge_{n}"] = {"precision": 0, "recall": 0, "f_score": 0}
        return out
    psum = {d: [s.strip() for s in pred[d]] for d in pdates}
    rsum = {d: [s.strip() for s in ref[d]] for d in rdates}
    content = {(a, b): 1 - rouge_approximation(psum[a], rsum[b])
               for a in pdates for b in rdates}

    def cost(a: dt.date, b: dt.date) -> float:
        return (1 - 1 / (abs(a.toordinal() - b.toordinal()) + 1)) * content[(a, b)]

    def argmin(values: list[float]) -> int:
        best = 0
        for i, v in enumerate(values):
            if v < values[best]:
                best = i
        return best

    prec_pairs = [(a, rdates[argmin([cost(a, b) for b in rdates])]) for a in pdates]
    rec_pairs = [(pdates[argmin([cost(a, b) for a in pdates])], b) for b in rdates]
    for n in ns:
        pn = pd = rn = rd = 0.0
        for a, b in prec_pairs:
            h, p, _ = rouge_counts(psum[a], rsum[b], n)
            pn += 1 / (abs(a.toordinal() - b.toordinal()) + 1) * h
            pd += p
        for a, b in rec_pairs:
            h, _, m = rouge_counts(psum[a], rsum[b], n)
            rn += 1 / (abs(a.toordinal() - b.toordinal()) + 1) * h
            rd += m
        out[f"rouge_{n}"] = _prf(pn, pd, rn, rd)
    return out


def date_scores(pred: Timeline, ref: Timeline) -> dict[str, float]:
    """Date precision, recall and F1 (news-tls's ``evaluate_dates``)."""
    shared = len(set(pred) & set(ref))
    return _prf(shared, len(pred), shared, len(ref))


def evaluate(pred: Timeline, ref: Timeline) -> dict[str, dict[str, float]]:
    """ROUGE-1, ROUGE-2 (align+ m:1) and date scores of one predicted timeline."""
    out = align_m1(pred, ref)
    out["date"] = date_scores(pred, ref)
    return out


def average(results: list[dict[str, dict[str, float]]]) -> dict[str, dict[str, float]]:
    """Mean precision and recall over timelines per metric, and the F of those means."""
    out: dict[str, dict[str, float]] = {}
    for metric in ("rouge_1", "rouge_2", "date"):
        if not results:
            out[metric] = {"precision": 0, "recall": 0, "f_score": 0}
            continue
        p = sum(r[metric]["precision"] for r in results) / len(results)
        r_ = sum(r[metric]["recall"] for r in results) / len(results)
        out[metric] = {"precision": p, "recall": r_, "f_score": f_score(p, r_)}
    return out
