"""Score the claim checker on the news corpus (fixtures/news, see its FORMAT.md).

Every number in each corpus article is marked with the verdict the checker must reproduce and
its true value (fixtures/news/expected/NAME.json). Scoring one article takes three steps:

1. anchor: find each expected number in `Article.text` (the loader drops front matter and HTML,
   so the generator's file offsets do not apply): in file order, the next occurrence of the
   number's text at or after the previous anchor, inside its sentence when the sentence can be
   found;
2. match: the checked claim whose span contains the number (the smallest; then the one whose
   edges sit nearest it), else the one overlapping it most; one claim may serve two numbers
   (a "move" spanning a % and a $);
3. score: verdicts, values, false alarms (a reader told a right number is wrong), false
   supports, and the precision set (not_claims.jsonl sentences and `ignore` numbers) that must
   raise no alarm.

Nothing here runs on import; `snapshot_checker()` imports the checker when called.

    from bench.corpus import run_corpus, render_corpus
    print(render_corpus(run_corpus(), failures=True))
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Protocol

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT / "fixtures" / "news"
CHECKABLE = ("supported", "approximate", "contradicted", "misdated")
EXPECTED_VERDICTS = (*CHECKABLE, "unverifiable", "ignore")
GOT_VERDICTS = (*CHECKABLE, "unverifiable")
ALARMS = ("contradicted", "misdated")  # the verdicts that tell a reader a number is wrong
SUPPORTS = ("supported", "approximate")
MISS = "miss"  # no checked claim at the number
VALUE_TOL = 0.011  # absolute, as bench/eval.py's VALUE_TOL ...
VALUE_REL = 1e-5  # ... but relative for values above BIG (index levels, point moves)
BIG = 1000.0
_SOURCE_VALUE = re.compile(r"= (-?\d+(?:\.\d+)?)(?: bp)?(?:;|$)")


class Checked(Protocol):
    """What the scorer reads from a checked claim (assistant.models.CheckedClaim)."""

    @property
    def span(self) -> tuple[int, int]: ...
    @property
    def kind(self) -> str: ...
    @property
    def verdict(self) -> str: ...
    @property
    def computed(self) -> float | None: ...
    @property
    def unit(self) -> str: ...
    @property
    def explanation(self) -> str: ...


CheckArticle = Callable[[Path], tuple[str, Sequence[Checked]]]  # file -> (Article.text, claims)
CheckText = Callable[[str, date], Sequence[Checked]]  # (sentence, as_of) -> claims


@dataclass(frozen=True)
class Checker:
    article: CheckArticle
    text: CheckText


# ----------------------------------------------------------------------------- the corpus
@dataclass(frozen=True)
class Expected:
    """One marked number of expected/NAME.json."""

    id: str
    text: str  # the number as displayed
    sentence: str
    verdict: str  # one of EXPECTED_VERDICTS
    kind: str | None  # pct, pts, level, yield, ...; None for ignore/unverifiable
    value: float | None = None
    unit: str | None = None
    claimed: float | None = None
    spec: str = ""
    note: str = ""
    upper: float | None = None  # a range's upper end (fedrange)

    @property
    def checkable(self) -> bool:
        return self.verdict in CHECKABLE

    @property
    def values(self) -> tuple[float, ...]:
        """The true value, plus each source's value for yields (any one of them settles it)."""
        if self.value is None:
            return ()
        if self.upper is not None:  # the checker reports a range by its upper end
            return (self.upper,)
        if self.kind == "gap":  # A's change less B's, or B's less A's: the spec's order is not
            return (self.value, -self.value)  # the sentence's ("a gap of roughly 7 points")
        alts: list[float] = []
        if self.kind in ("yield", "ychg"):
            alts = [float(v) for v in _SOURCE_VALUE.findall(self.note)]
        return (self.value, *(v for v in alts if v != self.value))


@dataclass(frozen=True)
class ArticleCase:
    name: str
    path: Path  # the rendered article
    expected: tuple[Expected, ...]


@dataclass(frozen=True)
class NotClaim:
    text: str
    date: date
    note: str = ""


def load_expected(path: Path) -> tuple[Expected, ...]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(
        Expected(
            id=c["id"],
            text=c["text"],
            sentence=c["sentence"],
            verdict=c["verdict"],
            kind=c.get("kind"),
            value=c.get("value"),
            unit=c.get("unit"),
            claimed=c.get("claimed"),
            spec=c.get("spec", ""),
            note=c.get("note", ""),
            upper=c["range"][1] if c.get("kind") == "fedrange" else None,
        )
        for c in data["claims"]
    )


def load_corpus(root: Path = NEWS) -> list[ArticleCase]:
    out = []
    for exp in sorted((root / "expected").glob("*.json")):
        rel = json.loads(exp.read_text(encoding="utf-8"))["article"]
        out.append(ArticleCase(exp.stem, root / rel, load_expected(exp)))
    return out


def load_not_claims(path: Path = NEWS / "not_claims.jsonl") -> list[NotClaim]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            out.append(NotClaim(r["text"], date.fromisoformat(r["date"]), r.get("note", "")))
    return out


# ----------------------------------------------------------------------------- anchoring
Span = tuple[int, int]
_TOKEN = re.compile(r"[^\W_]+")


def _bounded(text: str, start: int, end: int) -> bool:
    """The occurrence text[start:end] is a whole number/word, not part of a longer one
    ("1.6%" inside "11.6%", "6%" inside "0.6%", "500" inside "5,000")."""
    if text[start].isalnum() and start > 0:
        before = text[start - 1]
        if before.isalnum():
            return False
        if before in ".," and start > 1 and text[start - 2].isdigit():
            return False
    if text[end - 1].isalnum() and end < len(text):
        after = text[end]
        if after.isalnum():
            return False
        if after in ".," and end + 1 < len(text) and text[end + 1].isdigit():
            return False
    return True


def find_number(text: str, number: str, start: int = 0, end: int | None = None) -> Span | None:
    """The first whole occurrence of `number` in text[start:end]."""
    stop = len(text) if end is None else end
    i = text.find(number, start, stop)
    while i >= 0:
        if _bounded(text, i, i + len(number)):
            return (i, i + len(number))
        i = text.find(number, i + 1, stop)
    return None


def _pattern(words: Sequence[str]) -> re.Pattern[str] | None:
    """Words in order with anything but letters and digits between them (markdown marks,
    entities, line breaks)."""
    if not words:
        return None
    return re.compile(r"[\W_]*".join(re.escape(w) for w in words))


def _context(sentence: str, number: str, k: int = 3) -> re.Pattern[str] | None:
    """Up to k words either side of the number's first occurrence in its sentence."""
    i = sentence.find(number)
    if i < 0:
        return None
    before = _TOKEN.findall(sentence[:i])[-k:]
    after = _TOKEN.findall(sentence[i + len(number) :])[:k]
    return _pattern([*before, *_TOKEN.findall(number), *after])


def anchor(text: str, expected: Sequence[Expected]) -> list[Span | None]:
    """The span of each expected number in `text`, scanning in order (None: not anchored).

    Each number is the next whole occurrence of its text at or after the previous anchor that
    lies inside an occurrence of its sentence (matched word by word, so markdown marks the
    generator left in a sentence do not matter). When the sentence is not in the text, the
    words around the number must be; a number that cannot be placed does not move the scan.
    """
    pos = 0
    out: list[Span | None] = []
    for e in expected:
        span = _anchor_one(text, e, pos)
        out.append(span)
        if span is not None:
            pos = span[1]
    return out


def _anchor_one(text: str, e: Expected, pos: int) -> Span | None:
    sent = _pattern(_TOKEN.findall(e.sentence))
    found_sentence = False
    if sent is not None:
        for m in sent.finditer(text):
            found_sentence = True
            if m.end() <= pos:
                continue
            # the sentence's words start after a sign or "$" that opens it ("$200.00: where")
            span = find_number(text, e.text, max(pos, m.start() - 1), m.end() + len(e.text))
            if span is not None and span[0] < m.end():
                return span
    if found_sentence:
        return None
    ctx = _context(e.sentence, e.text)
    if ctx is None:
        return find_number(text, e.text, pos)
    for m in ctx.finditer(text, pos):
        span = find_number(text, e.text, m.start(), m.end() + len(e.text))
        if span is not None and span[0] < m.end():
            return span
    return None


def _headlines(path: Path) -> list[str]:
    """The title and dek (subtitle, summary) in an article file's front matter."""
    head = path.read_text(encoding="utf-8")[:3000]
    keys = r"(?:title|dek|subtitle|summary|description)"
    return re.findall(r"(?m)^" + keys + r":\s*[\"']?(.*?)[\"']?\s*$", head)


def _starts_with(words: list[str], head: list[str]) -> bool:
    """A sentence that is a headline (perhaps with the site's name after it), or one of the
    sentences of a dek."""
    if not head or not words:
        return False
    if words[: len(head)] == head:
        return True
    n = len(words)
    return any(head[i : i + n] == words for i in range(len(head) - n + 1))


def _absent(text: str, e: Expected) -> bool:
    """The number's sentence is not in `text` (page furniture the HTML loader drops, say)."""
    pat = _pattern(_TOKEN.findall(e.sentence))
    return pat is None or pat.search(text) is None


# ----------------------------------------------------------------------------- matching
def match(span: Span, claims: Sequence[Checked]) -> int | None:
    """Index of the checked claim that belongs to the number at `span`, else None.

    Claims whose span contains the number come first, the smallest one; among equally small
    ones the one whose start or end lies nearest the number. Failing that, the claim that
    overlaps the number most.
    """
    a, b = span
    best: tuple[tuple[int, int, int, int], int] | None = None
    for i, c in enumerate(claims):
        s, e = c.span
        overlap = min(b, e) - max(a, s)
        if overlap <= 0:
            continue
        contains = s <= a and b <= e
        key = (0, e - s, min(a - s, e - b), s) if contains else (1, -overlap, abs(s - a), s)
        if best is None or key < best[0]:
            best = (key, i)
    return None if best is None else best[1]


def value_close(computed: float | None, truth: float) -> bool:
    if computed is None:
        return False
    if abs(truth) > BIG:
        return abs(computed - truth) <= VALUE_REL * abs(truth)
    return abs(computed - truth) <= VALUE_TOL


# ----------------------------------------------------------------------------- scoring
@dataclass(frozen=True)
class NumberOutcome:
    """One expected number and the checked claim that belongs to it (if any)."""

    article: str
    expected: Expected
    span: Span | None  # None: not anchored
    claim: Checked | None
    absent: bool = False  # its sentence is not in the text (it may still be anchored by context)
    headline: bool = False  # its sentence is the article's title (finnews checks the body)

    @property
    def anchored(self) -> bool:
        return self.span is not None

    @property
    def got(self) -> str:
        return MISS if self.claim is None else self.claim.verdict

    @property
    def computed(self) -> float | None:
        return None if self.claim is None else self.claim.computed

    @property
    def located(self) -> bool:
        return self.claim is not None

    @property
    def verdict_ok(self) -> bool | None:
        """None for `ignore` numbers (any verdict but an alarm is fine, see `alarm`)."""
        v = self.expected.verdict
        if v in CHECKABLE:
            return self.got == v
        if v == "unverifiable":
            return self.got in (MISS, "unverifiable")
        return None

    @property
    def value_ok(self) -> bool | None:
        """None when there is no true value to compare (or the number is not checkable)."""
        if not self.expected.checkable or self.expected.value is None:
            return None
        return any(value_close(self.computed, v) for v in self.expected.values)

    @property
    def ok(self) -> bool | None:
        """A claim right: verdict right and value right (or no value); None for `ignore`."""
        if self.verdict_ok is None:
            return None
        return self.verdict_ok and self.value_ok is not False

    @property
    def false_alarm(self) -> bool:
        return self.expected.verdict not in ALARMS and self.got in ALARMS

    @property
    def false_support(self) -> bool:
        return self.expected.verdict in ALARMS and self.got in SUPPORTS


@dataclass(frozen=True)
class Extra:
    """A checked claim that was matched to no expected number."""

    article: str
    claim: Checked
    snippet: str  # the claim's span in Article.text
    shadowed_by: str | None = None  # id of an expected number whose span it overlaps

    @property
    def alarm(self) -> bool:
        return self.claim.verdict in ALARMS


@dataclass(frozen=True)
class ArticleResult:
    name: str
    text: str
    numbers: tuple[NumberOutcome, ...]
    extras: tuple[Extra, ...] = ()

    @property
    def unanchored(self) -> list[NumberOutcome]:
        return [n for n in self.numbers if not n.anchored]


def score_article(
    name: str, text: str, expected: Sequence[Expected], claims: Sequence[Checked]
) -> ArticleResult:
    """Anchor the expected numbers in `text` and give each its checked claim."""
    spans = anchor(text, expected)
    used: set[int] = set()
    numbers = []
    for e, span in zip(expected, spans, strict=True):
        i = None if span is None else match(span, claims)
        if i is not None:
            used.add(i)
        claim = None if i is None else claims[i]
        numbers.append(NumberOutcome(name, e, span, claim, span is None and _absent(text, e)))
    extras = []
    for i, c in enumerate(claims):
        if i in used:
            continue
        s, t = c.span
        over = next(
            (n.expected.id for n in numbers if n.span and min(t, n.span[1]) > max(s, n.span[0])),
            None,
        )
        extras.append(Extra(name, c, text[s:t], over))
    return ArticleResult(name, text, tuple(numbers), tuple(extras))


@dataclass(frozen=True)
class NotClaimOutcome:
    case: NotClaim
    claims: tuple[Checked, ...]

    @property
    def alarms(self) -> list[Checked]:
        return [c for c in self.claims if c.verdict in ALARMS]


@dataclass
class CorpusResult:
    articles: list[ArticleResult] = field(default_factory=list)
    not_claims: list[NotClaimOutcome] = field(default_factory=list)

    @property
    def numbers(self) -> list[NumberOutcome]:
        return [n for a in self.articles for n in a.numbers]

    def batches(self) -> dict[str, CorpusResult]:
        """Articles grouped by the batch their name's prefix marks (none: the first 25)."""
        out: dict[str, CorpusResult] = {}
        for a in self.articles:
            m = re.match(r"(h\d+|ho)_", a.name)
            out.setdefault(m.group(1) + "_" if m else "first", CorpusResult()).articles.append(a)
        return out

    def _where(self, verdicts: Sequence[str]) -> list[NumberOutcome]:
        return [n for n in self.numbers if n.expected.verdict in verdicts]

    @property
    def checkable(self) -> list[NumberOutcome]:
        return self._where(CHECKABLE)

    @property
    def unverifiable(self) -> list[NumberOutcome]:
        return self._where(("unverifiable",))

    @property
    def ignored(self) -> list[NumberOutcome]:
        return self._where(("ignore",))

    @property
    def unanchored(self) -> list[NumberOutcome]:
        return [n for n in self.numbers if not n.anchored]

    @property
    def located(self) -> list[NumberOutcome]:
        return [n for n in self.checkable if n.located]

    @property
    def verdict_right(self) -> list[NumberOutcome]:
        return [n for n in self.checkable if n.verdict_ok]

    @property
    def unverifiable_right(self) -> list[NumberOutcome]:
        return [n for n in self.unverifiable if n.verdict_ok]

    @property
    def with_value(self) -> list[NumberOutcome]:
        return [n for n in self.checkable if n.value_ok is not None]

    @property
    def value_right(self) -> list[NumberOutcome]:
        return [n for n in self.with_value if n.value_ok]

    @property
    def scored(self) -> list[NumberOutcome]:
        """Checkable and unverifiable numbers: the ones a claim can be right about."""
        return [n for n in self.numbers if n.ok is not None]

    @property
    def claims_right(self) -> list[NumberOutcome]:
        return [n for n in self.scored if n.ok]

    @property
    def false_alarms(self) -> list[NumberOutcome]:
        return [n for n in self.numbers if n.false_alarm]

    @property
    def false_supports(self) -> list[NumberOutcome]:
        return [n for n in self.numbers if n.false_support]

    @property
    def ignore_alarms(self) -> list[NumberOutcome]:
        return [n for n in self.ignored if n.false_alarm]

    @property
    def not_claim_alarms(self) -> list[NotClaimOutcome]:
        return [o for o in self.not_claims if o.alarms]

    @property
    def precision_alarms(self) -> int:
        """Items of the precision set (not-claim sentences, `ignore` numbers) with an alarm."""
        return len(self.not_claim_alarms) + len(self.ignore_alarms)

    @property
    def extras(self) -> list[Extra]:
        return [x for a in self.articles for x in a.extras]

    @property
    def extra_alarms(self) -> list[Extra]:
        return [x for x in self.extras if x.alarm]

    @property
    def failures(self) -> list[NumberOutcome]:
        """Every expected number scored wrong: unanchored, a wrong claim, an alarm on `ignore`."""
        return [n for n in self.numbers if not n.anchored or n.ok is False or n.false_alarm]

    def by_kind(self) -> dict[str, tuple[int, int, int, int, int]]:
        """kind -> (checkable, located, verdict right, with a value, value right)."""
        out = {}
        for k in sorted({n.expected.kind or "" for n in self.checkable}):
            ns = [n for n in self.checkable if n.expected.kind == k]
            vals = [n for n in ns if n.value_ok is not None]
            out[k] = (
                len(ns),
                sum(n.located for n in ns),
                sum(bool(n.verdict_ok) for n in ns),
                len(vals),
                sum(bool(n.value_ok) for n in vals),
            )
        return out

    def confusion(self) -> dict[str, Counter[str]]:
        """expected verdict -> got verdict (or MISS) -> count."""
        m: dict[str, Counter[str]] = {v: Counter() for v in EXPECTED_VERDICTS}
        for n in self.numbers:
            m[n.expected.verdict][n.got] += 1
        return m


def run_corpus(
    root: Path = NEWS, checker: Checker | None = None, not_claims: Path | None = None
) -> CorpusResult:
    """Check every corpus article (as of its publication date) and every not-claim sentence."""
    chk = checker or snapshot_checker()
    res = CorpusResult()
    for case in load_corpus(root):
        text, claims = chk.article(case.path)
        scored = score_article(case.name, text, case.expected, list(claims))
        heads = [_TOKEN.findall(h) for h in _headlines(case.path)]
        numbers = tuple(
            replace(n, headline=True)
            if n.absent and any(_starts_with(_TOKEN.findall(n.expected.sentence), h) for h in heads)
            else n
            for n in scored.numbers
        )
        res.articles.append(replace(scored, numbers=numbers))
    for nc in load_not_claims(not_claims or root / "not_claims.jsonl"):
        res.not_claims.append(NotClaimOutcome(nc, tuple(chk.text(nc.text, nc.date))))
    return res


def snapshot_checker() -> Checker:
    """`finnews check --offline` as functions: the CLI's article loader, verify_article on the
    bundled snapshot (built once); sentences through verify_text."""
    from assistant.check import verify_article, verify_text
    from assistant.market.snapshot import SnapshotMarketData
    from retrieval.articles import load_article

    market = SnapshotMarketData()

    def article(path: Path) -> tuple[str, Sequence[Checked]]:
        art = load_article(path)
        return art.text, verify_article(art, market).claims

    def text(sentence: str, as_of: date) -> Sequence[Checked]:
        return verify_text(sentence, as_of, market)

    return Checker(article, text)


# ----------------------------------------------------------------------------- report
def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:.1f}%" if d else "-"


def _cell(s: str) -> str:
    return s.replace("|", "/").replace("\n", " ")


def _num(x: float | None) -> str:
    return "-" if x is None else f"{x:.4f}"


def describe(n: NumberOutcome) -> str:
    """One failure as a Markdown table row (see render_corpus)."""
    e, c = n.expected, n.claim
    got = "not anchored" if not n.anchored else n.got
    kind = "-" if c is None else c.kind
    expl = "-" if c is None else c.explanation
    return (
        f"| {n.article} | {e.id} | {_cell(e.text)} | {e.kind or '-'} | {e.verdict} | {got} | "
        f"{_num(e.value)} | {_num(n.computed)} | {kind} | {_cell(e.sentence)} | {_cell(expl)} |"
    )


def render_corpus(res: CorpusResult, failures: bool = False, articles: bool = False) -> str:
    nums, chk, unv = res.numbers, res.checkable, res.unverifiable
    nc_claims = sum(bool(o.claims) for o in res.not_claims)
    ign_found = sum(n.located for n in res.ignored)
    rows = [
        ("articles", len(res.articles), None),
        ("expected numbers", len(nums), None),
        ("anchoring failures", len(res.unanchored), len(nums)),
        ("... sentence not in Article.text (dropped by the loader)",
         sum(n.absent for n in res.unanchored), len(res.unanchored)),
        ("... of them not `ignore`", sum(n.expected.verdict != "ignore" for n in res.unanchored),
         len(res.unanchored)),
        ("... in a headline or dek (finnews checks the body, not the title)",
         sum(n.headline for n in res.unanchored), len(res.unanchored)),
        ("checkable (supported/approximate/contradicted/misdated)", len(chk), None),
        ("located", len(res.located), len(chk)),
        ("verdict right (checkable)", len(res.verdict_right), len(chk)),
        ("unverifiable right (no claim or unverifiable)", len(res.unverifiable_right), len(unv)),
        ("values right", len(res.value_right), len(res.with_value)),
        ("**claims right** (verdict and value; checkable + unverifiable)",
         len(res.claims_right), len(res.scored)),
        ("**false alarms** (right number called contradicted/misdated)",
         len(res.false_alarms), sum(n.expected.verdict not in ALARMS for n in nums)),
        ("false supports (wrong number called supported/approximate)",
         len(res.false_supports), sum(n.expected.verdict in ALARMS for n in chk)),
        ("**precision-set alarms** (not-claim sentences + ignore numbers)",
         res.precision_alarms, len(res.not_claims) + len(res.ignored)),
        ("... not-claim sentences with an alarm", len(res.not_claim_alarms), len(res.not_claims)),
        ("... ignore numbers with an alarm", len(res.ignore_alarms), len(res.ignored)),
        ("not-claim sentences with any claim", nc_claims, len(res.not_claims)),
        ("ignore numbers extracted", ign_found, len(res.ignored)),
        ("extra claims (matched to no expected number)", len(res.extras), None),
        ("extra claims with an alarm", len(res.extra_alarms), len(res.extras)),
    ]  # fmt: skip
    lines = [
        "## News corpus (fixtures/news)",
        "",
        "| metric | count | of | share |",
        "|---|---:|---:|---:|",
    ]
    for label, n, d in rows:
        lines.append(f"| {label} | {n} | {'-' if d is None else d} | "
                     f"{'-' if d is None else _pct(n, d)} |")  # fmt: skip
    lines += [
        "",
        "## News corpus by batch (ho_, h2_, ...: written later, blind to the reader's code)",
        "",
        "| batch | articles | checkable | located | verdict right | claims right | false alarms |"
        " false supports |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, part in res.batches().items():
        lines.append(
            f"| {name} | {len(part.articles)} | {len(part.checkable)} | "
            f"{_pct(len(part.located), len(part.checkable))} | "
            f"{_pct(len(part.verdict_right), len(part.checkable))} | "
            f"{_pct(len(part.claims_right), len(part.scored))} | {len(part.false_alarms)} | "
            f"{len(part.false_supports)} |"
        )
    lines += [
        "",
        "## News corpus by kind (checkable numbers)",
        "",
        "| kind | checkable | located | verdict right | verdict acc | values | value right |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for k, (n, loc, vr, nv, vv) in res.by_kind().items():
        lines.append(f"| {k} | {n} | {loc} | {vr} | {_pct(vr, n)} | {nv} | {vv} |")
    got_cols = (*GOT_VERDICTS, MISS)
    lines += [
        "",
        "## News corpus confusion matrix (rows: expected, columns: got)",
        "",
        "| expected \\ got | " + " | ".join(GOT_VERDICTS) + " | no claim |",
        "|---|" + "---:|" * len(got_cols),
    ]
    for e, row in res.confusion().items():
        lines.append(f"| {e} | " + " | ".join(str(row[g]) for g in got_cols) + " |")
    if failures or articles:
        lines += [
            "",
            "## News corpus by article",
            "",
            "| article | numbers | checkable | located | verdict right | values right | "
            "claims right | false alarms | false supports | extras |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for a in res.articles:
            one = CorpusResult([a])
            lines.append(
                f"| {a.name} | {len(a.numbers)} | {len(one.checkable)} | {len(one.located)} | "
                f"{len(one.verdict_right)} | {len(one.value_right)}/{len(one.with_value)} | "
                f"{len(one.claims_right)}/{len(one.scored)} | {len(one.false_alarms)} | "
                f"{len(one.false_supports)} | {len(a.extras)} |"
            )
    alarms = alarm_lines(res)
    lines += ["", f"## News corpus alarms and anchoring failures ({len(alarms)})", ""]
    lines += [f"- {a}".replace("\n", " ") for a in alarms]
    if failures:
        fails = res.failures
        lines += [
            "",
            f"## News corpus failures ({len(fails)})",
            "",
            "| article | id | number | kind | expected | got | value | computed | claim kind | "
            "sentence | explanation |",
            "|---|---|---|---|---|---|---:|---:|---|---|---|",
            *(describe(n) for n in fails),
            "",
            f"## News corpus extra claims ({len(res.extras)})",
            "",
            "| article | claim | kind | verdict | claimed text | overlaps | explanation |",
            "|---|---|---|---|---|---|---|",
        ]
        for x in res.extras:
            c = x.claim
            lines.append(
                f"| {x.article} | {c.span[0]}-{c.span[1]} | {c.kind} | {c.verdict} | "
                f"{_cell(x.snippet)} | {x.shadowed_by or '-'} | {_cell(c.explanation)} |"
            )
        lines += ["", f"## Not-claim sentences with a claim ({nc_claims})", ""]
        for o in res.not_claims:
            for c in o.claims:
                lines.append(f"- {o.case.date} [{c.verdict}] {c.kind} {_cell(o.case.text)} "
                             f"-- {_cell(c.explanation)}")  # fmt: skip
    return "\n".join(lines)


def alarm_lines(res: CorpusResult) -> list[str]:
    """Every false alarm, false support and precision-set alarm, one line each."""
    out = []
    for n in res.unanchored:
        out.append(f"not anchored: {n.article} {n.expected.id} {n.expected.text!r} "
                   f"({n.expected.verdict}) in: {n.expected.sentence}")  # fmt: skip
    for title, ns in (("false alarm", res.false_alarms), ("false support", res.false_supports)):
        for n in ns:
            c = n.claim
            expl = c.explanation if c else ""
            out.append(
                f"{title}: {n.article} {n.expected.id} {n.expected.text!r} expected "
                f"{n.expected.verdict}, got {n.got}: {n.expected.sentence} -- {expl}"
            )
    for o in res.not_claim_alarms:
        for c in o.alarms:
            out.append(f"not-claim alarm: {o.case.date} {c.verdict} {c.kind}: {o.case.text} "
                       f"-- {c.explanation}")  # fmt: skip
    for x in res.extra_alarms:
        out.append(f"extra alarm: {x.article} {x.snippet!r} {x.claim.verdict} {x.claim.kind} "
                   f"-- {x.claim.explanation}")  # fmt: skip
    return out
