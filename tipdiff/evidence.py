"""Was a dropped ask done? The next narrative's sentences that report action on the same
thing, ranked, with a score and a verdict. Text in, frozen dataclasses out; no IO.

The first stage finds the sentences about the ask: each sentence of the next report's body
(summary, prosecution, protection, prevention, government efforts; never the trafficking
profile, which describes the problem, never a "should" sentence or the list, which ask, and
never the summary's verdict on the minimum standards) is scored against the ask by how much
of the ask's own content it holds (IDF-weighted stems, as `tipdiff.scoring` weighs them:
the report's stock phrasing weighs little) and by rapidfuzz `token_set_ratio` over the two
texts' content words (processor given explicitly). The second stage reads what each
sentence says of it (its stance):

- `against`: the thing was not done or is still missing ("did not", "failed to", "continued
  to lack", "remained pending", "without"), the whole sentence or its part about the ask;
- `partly`: a real step, but not the whole ("drafted", "piloted", "began", "some", "one",
  "had not been approved", "but did not ..." after a step taken);
- `done`: the government reports the step taken ("adopted", "amended", "launched", "the
  summary's "These efforts included ...");
- `other`: someone else acted (an NGO, a donor, a foreign government), or the sentence
  reports no action of the government's (observers' reports, the law as it stands).

The verdict (VERDICTS): `done` when a sentence about the ask reports it done and none about
it as closely says it was not; `partly` when the best evidence is a partial step (or a step
and a statement that it is still missing); `none` otherwise (nothing about it, or only
statements against). Every threshold is data (`EvidenceConfig`), chosen on the evidence
set's tune part (bench/bench_evidence.py; the held-back part is measured apart).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from rapidfuzz import fuzz

from .model import Sentence
from .normalize import STOPWORDS, TOKEN, clean, stem
from .scoring import BOILERPLATE_STEMS, STOCK_STEMS, TermWeights, prepare, reference_weights

# Bump whenever a change here can change a verdict or a ranking.
EVIDENCE_VERSION = "1.0"

VERDICTS = ("done", "partly", "none")
VERDICT_MEANING = {
    "done": "the next report says the government did it",
    "partly": "the next report says the government took a step towards it, or did part of it",
    "none": "the next report says nothing about it, or says it was not done",
}
STANCES = ("done", "partly", "against", "other")
STANCE_MEANING = {
    "done": "reports the step taken",
    "partly": "reports a partial step or work in progress",
    "against": "says it was not done, or is still missing",
    "other": "about the same thing, but reports no step of the government's",
}
# Sections read for evidence: the prose about what the government did.
SEARCHED = ("summary", "prosecution", "protection", "prevention", "government_efforts")


@dataclass(frozen=True, slots=True)
class EvidenceConfig:
    """Thresholds of the evidence search, as data."""

    relevance_floor: float = 26.0  # a sentence scoring less is not about the ask
    done_floor: float = 44.0  # a `done` sentence needs this much to make the verdict done
    summary_floor: float = 34.0  # the same for the summary's "These efforts included ..."
    partly_floor: float = 34.0  # a `partly` (or weaker `done`) sentence, for partly
    against_margin: float = 10.0  # an `against` sentence this close to the best one vetoes
    max_sentences: int = 3  # ranked sentences kept per change
    containment_weight: float = 0.8  # the rest is rapidfuzz token_set_ratio
    stock_weight: float = 0.4

    def to_dict(self) -> dict:
        return asdict(self)


DEFAULT_EVIDENCE = EvidenceConfig()


@dataclass(frozen=True, slots=True)
class Found:
    """One sentence of the next report, scored against the ask."""

    number: int  # the sentence's number in its narrative's body (1-based)
    section: str
    text: str
    score: float  # 0-100: how much of the ask it is about
    stance: str  # one of STANCES


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the next report says of a dropped (or narrowed) ask."""

    year: int  # the report searched
    verdict: str  # one of VERDICTS
    sentences: tuple[Found, ...] = ()  # ranked: the deciding ones first, best score first
    searched: int = 0  # sentences read (0: the copy has no body to search)


# --------------------------------------------------------------------------- stance

_NEG = re.compile(
    r"\b(?:did|does|do|has|have|had|was|were|is|are|could|would)\s+not\b"
    r"|\b(?:didn't|hasn't|haven't|hadn't|wasn't|weren't)\b"
    r"|\bfail(?:ed|s|ing)?\s+to\b|\bcontinued\s+to\s+(?:lack|operate\s+without|rely|require|"
    r"allow|penalize|arrest|detain|deport|charge|treat|deny|fine|prosecute\s+victims|restrict|"
    r"confine|limit|withhold|tolerate|face|suffer|impose|use)\b"
    r"|\b(?:lacked|lacks|lacking)\b|\bremain(?:ed|s)?\s+(?:pending|under\s+review|unable|before|"
    r"insufficient|inadequate|limited|weak|unclear|in\s+draft|a\s+draft|without|unfunded|"
    r"unimplemented|a\s+concern|absent|stalled)\b|\bwithout\s+(?:a|an|any)\b|\bno\s+longer\s+"
    r"(?:funded|operated)\b|\bneither\b|\bnone\s+(?:did|was|were)\b|\bnot\s+yet\b"
    r"|\brarely\b|\bno\s+(?:efforts?|progress|action|funding|budget|shelters?|services|training|"
    r"mechanism|system|procedures?|data|plan|law)\b|\bstill\s+(?:had\s+no|lacked|did\s+not)\b",
    re.I,
)
_PART = re.compile(
    r"\b(?:draft(?:ed|ing)?|pilot(?:ed|ing)?|began|begun|beginning|started|underway|"
    r"initiated\s+(?:work|steps|a\s+review)|in\s+progress|ongoing|partially|partly|partial|"
    r"some|one|once|few|only|limited|awaited|awaiting|pending|submitted|"
    r"proposed|took\s+steps|steps\s+towards?|lower\s+house|upper\s+house|first\s+reading|"
    r"not\s+(?:other|all|others)|but\s+not|in\s+(?:one|two|three|some)\s+(?:regions?|provinces?|"
    r"districts?|states?)|office\s+hours|ad\s+hoc|commissioned|prepared|developing|developed\s+a\s+"
    r"draft|was\s+considering|considered)\b",
    re.I,
)
# Someone other than the government acted, or the sentence reports a finding, not a step.
_OTHER_SUBJECT = re.compile(
    r"^(?:(?:An?|The|Some|Several|Many|Other)\s+)?(?:local\s+|international\s+|foreign\s+|"
    r"private\s+|regional\s+|civil\s+society\s+)?(?:NGOs?|non-governmental|donors?|foundation|"
    r"organizations?|government\s+of\s+another|foreign\s+government|observers?|media|"
    r"journalists|researchers|civil\s+society|international\s+organizations?|religious|"
    r"employers|companies|unions?|the\s+media|experts|victims|traffickers|reports)\b",
    re.I,
)
_REPORTED = re.compile(
    r"^(?:\w+\s+){0,3}(?:reported|noted|alleged|claimed|estimated)\s+that\b", re.I
)
# "Of the cases investigated, five involved ...": a breakdown of figures, not a step.
_BREAKDOWN = re.compile(r"^(?:Of\s+(?:the|these|those)\b|Among\s+(?:the|these|those)\b)", re.I)
_BEGAN_ALL = re.compile(r"\b(?:began|started)\s+\w+ing\s+(?:all|every|each)\b", re.I)
_EFFORTS_INCLUDED = re.compile(r"\bThese\s+efforts\s+included\b", re.I)
# A clause boundary inside a sentence: a step taken, then what was not (", but ...").
_TURN = re.compile(r",?\s+(?:but|however|although|though|while|whereas|yet)\s+|;\s+", re.I)
_ASK_WORDS = re.compile(r"\bshould\b", re.I)
_VERDICT_SENTENCE = re.compile(
    r"minimum\s+standards|\btherefore\b.{0,80}\bTier\b|\bSpecial\s+Case\s+for\b", re.I
)


def stance(text: str) -> str:
    """What one sentence says of the thing it is about: done, partly, against or other."""
    if _EFFORTS_INCLUDED.search(text):
        return "done" if not _NEG.search(text) else "partly"
    clauses = [c for c in _TURN.split(text) if c.strip()]
    negative = [bool(_NEG.search(c)) for c in clauses]
    if all(negative):
        return "against"
    if _OTHER_SUBJECT.match(text) or _REPORTED.match(text):
        return "other"
    if negative[0]:
        return "against"  # it says what was not done, then why or what followed
    if any(negative):
        return "partly"  # a step taken, and what was not
    if _BREAKDOWN.match(text):
        return "other"
    if _BEGAN_ALL.search(text):
        return "done"  # began doing it for all or every one: the step is taken
    return "partly" if _PART.search(text) else "done"


# --------------------------------------------------------------------------- relevance


# How reports word a completed step against how an ask words it: each line one concept, its
# first word naming it (written for tipdiff from the report's register, like
# tipdiff.normalize.SYNONYMS, which the stems already apply; these hold only for evidence:
# "met" answers "convene", never another recommendation).
EVIDENCE_CONCEPTS = """
hotline helpline hotlines helplines callers caller calls
data database databases statistics records tracking figures
campaign campaigns awareness outreach sensitization posters leaflets radio spots events
committee commission council coordinator coordinating taskforce task
convene convened met meet meeting meetings
procedure procedures guidelines guideline instructions protocol protocols manual checklist
screen screened screening interviewed interview interviews checklist
unit units bureau section office department squad
staff investigators officers personnel prosecutors
amend amended amendment amendments revise revised revision
criminalize criminalized criminalizes prohibit prohibited prohibits
center centers centre centres
train trained training trainings course courses workshop workshops
plan plans strategy strategies
penalize penalized penalization punish punished charges charged arrested
repatriation repatriate repatriated return returned home
backlog delays chamber chambers
judges judge courts court
publish published release released
demand buyers buyer purchasing purchase paid
"""


def _evidence_concepts(table: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in table.strip().splitlines():
        words = line.split()
        for w in words:
            out.setdefault(stem(w), stem(words[0]))
    return out


CONCEPT = _evidence_concepts(EVIDENCE_CONCEPTS)


@dataclass(frozen=True, slots=True)
class _Text:
    stems: frozenset[str]
    core: str  # content words without the stock phrasing (what rapidfuzz compares)


_LEAD_IN = re.compile(r"^.{0,160}?\bshould\s+(?:also\s+|further\s+|now\s+)?", re.S)


def _prepare(text: str, *, ask: bool = False) -> _Text:
    c = clean(text)
    if ask:
        m = _LEAD_IN.match(c)
        if m and m.end() < len(c):
            c = c[m.end() :]
    toks = [w for w in TOKEN.findall(c.replace("-", " ")) if w not in STOPWORDS and len(w) > 1]
    stems = [stem(w) for w in toks]
    core = " ".join(sorted({w for w, s in zip(toks, stems, strict=True) if s not in STOCK_STEMS}))
    stems = [CONCEPT.get(x, x) for x in stems]
    return _Text(frozenset(stems), core)


def relevance(
    ask: _Text, sentence: _Text, weight, config: EvidenceConfig
) -> float:
    """0-100: how much of the ask's content the sentence holds (weighted containment of the
    ask's stems), blended with rapidfuzz token_set_ratio over the content words."""
    total = math.fsum(weight(s) for s in ask.stems)
    if not total:
        return 0.0
    shared = math.fsum(weight(s) for s in ask.stems & sentence.stems)
    containment = 100.0 * shared / total
    ratio = fuzz.token_set_ratio(ask.core, sentence.core, processor=None) if ask.core else 0.0
    w = config.containment_weight
    return round(w * containment + (1 - w) * ratio, 2)


def searchable(sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences that may report action: SEARCHED sections, no asks, no verdict."""
    return [
        s
        for s in sentences
        if s.section in SEARCHED
        and not _ASK_WORDS.search(s.text)
        and not _VERDICT_SENTENCE.search(s.text)
    ]


class Body:
    """One narrative's body, prepared once for every ask searched in it."""

    def __init__(
        self,
        sentences: Sequence[Sentence],
        *,
        year: int,
        config: EvidenceConfig = DEFAULT_EVIDENCE,
        weights: TermWeights | None = None,
    ):
        self.year = year
        self.config = config
        self.pool = searchable(sentences)
        self.texts = [_prepare(s.text) for s in self.pool]
        self._stances: dict[int, str] = {}
        # a stem found in many of this body's sentences ("cases", "victims") says little about
        # which of them is about the ask: its weight is the reference weight times its
        # inverse frequency among the body's sentences
        df = Counter(st for t in self.texts for st in t.stems)
        n = len(self.texts)
        ref = weights or reference_weights(config.stock_weight)
        self._weights: dict[str, float] = {}

        def weight(st: str) -> float:
            w = self._weights.get(st)
            if w is None:
                w = ref.weight(st) * (math.log((1 + n) / (1 + df.get(st, 0))) + 1.0)
                self._weights[st] = w
            return w

        self.weight = weight

    def stance(self, k: int) -> str:
        if k not in self._stances:
            self._stances[k] = stance(self.pool[k].text)
        return self._stances[k]

    def find(self, ask: str) -> Evidence:
        """The evidence in this body for one ask."""
        config = self.config
        a = _prepare(ask, ask=True)
        scored = []
        for k, (s, t) in enumerate(zip(self.pool, self.texts, strict=True)):
            score = relevance(a, t, self.weight, config)
            if score >= config.relevance_floor:
                scored.append(Found(s.number, s.section, s.text, score, self.stance(k)))
        verdict, deciding = decide(scored, config)
        rest = sorted(
            (f for f in scored if f not in deciding and f.stance != "other"),
            key=lambda f: (-f.score, f.number),
        )
        shown = tuple((deciding + rest)[: config.max_sentences])
        return Evidence(
            year=self.year, verdict=verdict, sentences=shown, searched=len(self.pool)
        )


def find_evidence(
    ask: str,
    sentences: Sequence[Sentence],
    *,
    year: int,
    config: EvidenceConfig = DEFAULT_EVIDENCE,
    weights: TermWeights | None = None,
) -> Evidence:
    """The evidence in one narrative's body (`sentences`, of report `year`) for one ask."""
    return Body(sentences, year=year, config=config, weights=weights).find(ask)


def decide(scored: Sequence[Found], config: EvidenceConfig) -> tuple[str, list[Found]]:
    """The verdict, and the sentences that decide it (best first)."""

    def best(*stances: str) -> list[Found]:
        return sorted(
            (f for f in scored if f.stance in stances), key=lambda f: (-f.score, f.number)
        )

    done, partly, against = best("done"), best("partly"), best("against")
    d = done[0].score if done else 0.0
    p = partly[0].score if partly else 0.0
    a = against[0].score if against else 0.0
    if against and a >= max(d, p) + config.against_margin:
        return "none", against[:2]
    close = [f for f in against if f.score >= max(d, p) - config.against_margin]
    def enough(f: Found) -> bool:
        floor = config.summary_floor if _EFFORTS_INCLUDED.search(f.text) else config.done_floor
        return f.score >= floor

    strong = [f for f in done if enough(f)]
    if strong and strong[0].score >= p - config.against_margin:
        if close:
            return "partly", [strong[0], close[0]]
        return "done", strong
    steps = sorted(
        (f for f in (*partly, *done) if f.score >= config.partly_floor),
        key=lambda f: (-f.score, f.number),
    )
    if steps:
        return "partly", steps[:1] + close[:1]
    return "none", against[:2]


# A reworded link in this band whose later wording covers less of the earlier ask than the
# earlier covers of the later (`narrowed`) is "reworded-weaker": its evidence is searched too.
WEAKER_BAND = "weak"


def narrowed(old: str, new: str, weights: TermWeights | None = None) -> bool:
    """The later wording covers less of the earlier ask's own content (its words outside the
    report's stock phrasing and boilerplate) than the earlier covers of the later one."""
    weights = weights or reference_weights()
    a, b = prepare([old, new])
    own_a = {x for x in a.stems if x not in BOILERPLATE_STEMS}
    own_b = {x for x in b.stems if x not in BOILERPLATE_STEMS}
    if not own_a or not own_b:
        return False
    covered_a = weights.mass(own_a & b.stems) / weights.mass(own_a)
    covered_b = weights.mass(own_b & a.stems) / weights.mass(own_b)
    return covered_a < covered_b


def searched_for(kind: str, band: str | None, old: str | None, new: str | None) -> bool:
    """Whether a change gets evidence: every dropped ask, and every reworded-weaker one (a
    reworded link in WEAKER_BAND whose later wording is narrower)."""
    if kind == "dropped":
        return True
    return (
        kind == "reworded"
        and band == WEAKER_BAND
        and old is not None
        and new is not None
        and narrowed(old, new)
    )


@dataclass(frozen=True, slots=True)
class EvidenceSettings:
    """The settings of a run's evidence search as the manifest records them."""

    version: str = EVIDENCE_VERSION
    config: dict = field(default_factory=lambda: DEFAULT_EVIDENCE.to_dict())
