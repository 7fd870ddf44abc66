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
  to lack", "continued to ... with no check", "remained pending", "remained uninvestigated",
  "had no", "without"), the whole sentence or its part about the ask;
- `partly`: a real step, but not the whole ("drafted", "piloted", "began construction",
  "some", "two of the", "had not been approved", and after a turn (", but", "though", "; ")
  what fell short: "but did not", "but no counseling", "other regions had none", "arrived
  late"); a `done` step of a national ask taken only locally ("district committees met");
- `done`: the government reports the step taken ("adopted", "amended", "launched", "began
  hearing cases", the summary's "These efforts included ...");
- `other`: someone else acted (an NGO, a donor, a foreign government; "contributed to a plan
  adopted by neighboring governments"), or the sentence reports no action of the
  government's (observers' reports, the law as it stands: "The penal code criminalized ...",
  a section's opening judgement: "The government maintained prevention efforts"), or it
  reports the same act on another subject than the ask's (`near_topic`: a strategy on youth
  employment for an anti-trafficking strategy, a training of troops for one of diplomats, a
  case database launched for a helpline asked).

The summary's list of the year's steps ("These efforts included ...", "The government
demonstrated its commitment by ...", "... made progress by ...") names each step in a few
words: an item of it most of whose words are the ask's counts as being about the ask
(`EvidenceConfig.summary_item_cover`), however little of a long ask it repeats.

Relevance reads words through a domain table of how reports word a step against how an
ask words it (EVIDENCE_CONCEPTS: "callers" answers "hotline", "decree" answers "law"), so a
step reported in other words scores as being about the ask.

The verdict (VERDICTS): `done` when a sentence about the ask reports it done, scores at
least as high as any partial step, and none about it as closely says it was not; `partly`
when the best evidence is a partial step (or a step and a statement that it is still
missing); `none` otherwise (nothing about it, or only statements against). Every threshold
is data (`EvidenceConfig`), chosen on the evidence set's tune part (bench/bench_evidence.py;
the held-back part is measured apart). Evidence 2.0 is lexical only: a sentence-embedding
stage (all-MiniLM-L6-v2) ranked the cited sentence first less often than these scores on the
tune part, at 1.5 GB installed, so none is shipped (bench/README.md).
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
EVIDENCE_VERSION = "2.13"

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
    done_floor: float = 30.0  # a `done` sentence needs this much to make the verdict done
    summary_floor: float = 34.0  # the same for the summary's "These efforts included ..."
    # the summary lists the year's steps in a few words each ("These efforts included opening
    # shelters outside the capital, ..."): an item whose own content the ask holds this much
    # (its words' first five letters) names the ask's step, however little of a long ask
    # it repeats
    summary_item_cover: float = 0.6
    summary_item_stems: int = 3  # an item needs this many content words to count
    # a done sentence that tells the change as such ("now", "for the first time", "newly",
    # "took effect") needs less of the ask's wording: it often tells the effect in its own
    # words, not the act in the ask's
    changed_floor: float = 26.0
    partly_floor: float = 30.0  # a `partly` (or weaker `done`) sentence, for partly
    against_margin: float = 10.0  # an `against` sentence this close to the best one vetoes
    partly_margin: float = 0.0  # a `done` sentence must score at least the best `partly`
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

# Statements that the thing was not done or is still missing, anywhere in a clause.
_NEG = re.compile(
    r"\b(?:did|does|do|has|have|had|was|were|is|are|could|would|can|will)\s+"
    r"(?:(?:still|yet|also|again|even|ever)\s+)?not\b"
    r"|\b(?:didn't|hasn't|haven't|hadn't|wasn't|weren't|cannot|can't)\b"
    r"|\bfail(?:ed|s|ing)?\s+to\b|\bcontinued\s+to\s+(?:lack|operate\s+without|rely|require|"
    r"allow|penalize|arrest|detain|deport|charge|treat|deny|fine|prosecute\s+victims|restrict|"
    r"confine|limit|withhold|tolerate|face|suffer|impose|use|permit|expel|punish|convict\s+"
    r"victims|mobilize|force|ignore|delay|refuse|obstruct|classify|categori[sz]e|consider|"
    r"regard|define|view|handle|record|settle|label)\b"
    # "kept arresting children", "kept on fining victims": the bad practice goes on
    r"|\bkept\s+(?:on\s+)?(?:arrest|detain|deport|charg|fin|treat|deny|penali[sz]|punish|prosecut|"
    r"restrict|confin|withhold|ignor|delay|refus|rely|relying|classif|settl|clos)\w*ing\b"
    r"|\bkept\s+(?:[\w-]+\s+){1,8}?as\s+(?:an?\s+)?(?:administrative|civil|labou?r|minor|"
    r"misdemeanou?r|petty)\b"
    # "offered no job support", "conducted no inspections": the state's act, with nothing done
    r"|\b(?:offered|provided|gave|took|conducted|opened|allocated|adopted|issued|initiated|"
    r"reported|identified|prosecuted|convicted|investigated|funded|trained|assigned|appointed)"
    r"\s+no\b"
    # "maintained the conditions on women's migration", "kept its ban in place": the
    # restriction the ask would lift stays
    r"|\b(?:maintained|kept|retained|upheld|preserved)\s+(?:the|its|their|a|all)\s+"
    r"(?:[\w'-]+\s+){0,3}?(?:conditions?|restrictions?|bans?|requirements?|limits?|quotas?|"
    r"prohibitions?|curbs?)\b"
    # "left victims exposed to prosecution", "left foreign workers without cover"
    r"|\bleft\s+(?:[\w'-]+\s+){1,4}?(?:exposed|vulnerable|unprotected|at\s+risk|liable|"
    r"without)\b"
    # "was once more left out of the finance law"
    r"|\bleft\s+out\s+of\b|\b(?:once\s+more|again)\s+(?:\w+\s+)?(?:excluded|rejected|postponed|"
    r"deferred|shelved|delayed)\b"
    # "was slow to pay", "were late in paying", "remained reluctant to prosecute"
    r"|\b(?:was|were|is|are|remained|remain|remains)\s+(?:\w+ly\s+)?(?:slow|late|reluctant|"
    r"hesitant)\s+(?:to|in)\b"
    # "continued to <do something> with no check / without screening": the bad practice goes on
    r"|\bcontinued\s+to\s+[^,;.]*?\b(?:with\s+no|without)\b"
    r"|(?<!\bwho\shad\s)(?<!\bthat\shad\s)(?<!\bwhich\shad\s)\b(?:lacked|lacks|lacking)\b"
    # "remained pending", "remained uninvestigated", "remained understaffed", "remained empty"
    r"|\bremain(?:ed|s|ing)?\s+(?:largely\s+|mostly\s+|entirely\s+|severely\s+)?(?:pending|"
    r"under\s+review|unable|before|insufficient|inadequate|ineffective|inactive|incomplete|"
    r"inconsistent|limited|weak|unclear|in\s+draft|a\s+draft|without|absent|stalled|empty|"
    r"unchanged|low|rare|scarce|idle|vacant|closed|suspended|on\s+hold|compulsory|mandatory|outside"
    r"|in\s+force|a\s+(?:\w+\s+)?"
    r"(?:concern|problem|challenge|gap)|un[a-z]{3,}|under(?:staffed|funded|resourced|used)"
    r"|non-?\w+)\b"
    r"|\bwithout\s+(?:a|an|any|(?:first\s+)?(?:check|screen|identify|assess|investigat|refer|inform"
    r"|notify|examin|interview|consult)\w*ing)\b|\bnever\b(?!\s+before)"
    r"|^No\s+(?:\w+\s+){0,6}?(?:was|were|had\s+been|has\s+been|have\s+been)\b|\bwith\s+no\b"
    r"|\bno\s+longer\s+(?:funded|operated|open)\b"
    r"|\bneither\b|\bnone\s+(?:did|was|were|had|received)\b|\b(?:had|has|have|received|saw|got)"
    r"\s+none\b|\bnot\s+yet\b|\brarely\b|\bno\s+(?:efforts?|progress|action|funding|budget|"
    r"shelters?|services|training|mechanism|system|procedures?|data|plan|law|check|checks|"
    r"steps?|investigations?|prosecutions?|convictions?|penalties|change)\b"
    r"|\b(?:had|has|have|saw|received|got|found|made)\s+no\b|\bthere\s+(?:was|were|is|are)\s+no\b"
    r"|\bstill\s+(?:had\s+no|lacked|did\s+not|could\s+not|were\s+not|was\s+not)\b"
    # an old text that has not moved: "remained in committee", "was still under review",
    # "had yet to", "still awaited a vote"
    r"|\bremain(?:ed|s|ing)?\s+(?:in|at|with|before)\s+(?:the\s+)?(?:\w+\s+)?(?:committee|"
    r"parliament|legislature|assembly|senate|congress|cabinet|stage|ministry)\b"
    r"|\b(?:still|remained|remains)\s+(?:under\s+(?:review|consideration|discussion|study)|"
    r"awaiting|awaited|in\s+draft)\b|\b(?:had|has|have|was|were|is|are)\s+yet\s+to\b"
    # "The conflict between the two codes remained", "remained part of the immigration
    # service", "remained annual": the old state goes on (unless what stays is a good thing)
    # "stayed vacant / pending / outside the code" (but people stay: "stayed until they
    # testified", "may stay for a year", "stayed on")
    r"|\bstay(?:ed|s)\s+(?!(?:until|for|up|on|in|at|with|there|home|overnight|behind|longer|open|"
    r"operational|active|available|in\s+place)\b|\d)"
    r"|\bremain(?:ed|s)?\b(?!\s+(?:open|operational|active|available|in\s+operation|functional|"
    r"effective|in\s+place|in\s+office|ongoing|underway|in\s+progress|in\s+(?:the\s+)?shelters?"
    r"|with|at|in\s+(?:the\s+)?country|"
    r"free|high|strong|committed|engaged|stable|on\s+track|valid|eligible))"
    # "still required movement", "still allowed fines": the old state goes on
    r"|\bstill\s+(?!more\b|further\b|larger\b|higher\b)\w+(?:ed|s)\b",
    re.I,
)
# After a turn (", but ...", "; ..."), more says the step fell short: "but no counseling",
# "but not to those who ...", "payments arrived late", "other regions had none".
_NEG_TAIL = re.compile(
    r"\bno\s+(?!longer\b|more\s+than\b|fewer\b|less\b|later\b)\w+|\bnone\b|\bnot\b|\bwithout\b"
    r"|\b(?:late|delayed|irregular(?:ly)?|unpaid|in\s+arrears|excluded|elsewhere|ignored|"
    r"disregarded|bypassed)\b"
    r"|\b(?:continued|continue|continues)\s+to\b|\bstill\b"
    # "though district prosecutors continued the practice", "but much less than announced"
    r"|\b(?:continued|kept(?:\s+up)?|maintained)\s+(?:the|this|that|their|its)\s+(?:old\s+)?"
    r"(?:practice|approach)\b|\b(?:much|far|well)\s+(?:less|fewer|lower|smaller)\b|\bshort\s+of\b"
    r"|\bthe\s+(?:remaining|rest\s+of|others?)\b|\bother\s+(?:regions|provinces|districts|states|"
    r"areas|courts|municipalities|cities|towns|counties)\b",
    re.I,
)
_PART = re.compile(
    r"\b(?:draft(?:ed|ing)?|pilot(?:ed|ing)?|underway|"
    r"initiated\s+(?:work|steps|a\s+review)|in\s+progress|ongoing|partially|partly|partial|"
    # "one" is a part, but "one in each division" is all of them
    r"some|(?<!-)(?<!without\s)one(?!-)(?!\s+(?:in|for|per|at)\s+(?:each|every)\b)|few|only|"
    r"limited|awaited|awaiting|pending|submitted|"
    r"proposed|took\s+steps|steps\s+towards?|lower\s+house|upper\s+house|first\s+reading|"
    r"not\s+(?:other|all|others)|but\s+not|in\s+(?:one|two|three|some)\s+(?:regions?|provinces?|"
    r"districts?|states?)|office\s+hours|ad\s+hoc|commissioned|prepared|developing|developed\s+a\s+"
    r"draft|was\s+considering|considered|(?:met|convened|only)\s+once|trial\s+basis|as\s+an?\s+"
    r"(?:[\w-]+\s+)?(?:trial|test|pilot)"
    r"|on\s+an?\s+(?:test|pilot|temporary|experimental|interim)\s+basis|"
    r"experimental|(?:,|\b(?:is|are|was|were)(?:\s+due)?)"
    r"\s+to\s+be\s+(?:\w+ly\s+)?\w+(?:ed|en|ght|wn|ld|ne|un|pt|nt|id|ut)\b|"
    r"will\s+be|would\s+be|plann(?:ed|ing)\s+to|"
    r"intend(?:ed|s)\s+to|scheduled|planned\s+for|(?:the\s+)?following\s+year|next\s+year|"
    r"\w+-(?:day|week|month|year)\s+trial|trial\s+(?:of|run|period|phase)|"
    r"opened\s+(?:talks|negotiations|discussions|consultations)"
    r"|to\s+(?:plan|prepare|study|consider|explore|assess|draft)\b|"
    r"called\s+for|urged|"
    r"(?<!article\s)(?<!section\s)(?<!chapter\s)(?:one|two|three|four|five|six|seven|eight|nine|"
    r"ten|\d+|some|several|a\s+few|half|a\s+(?:small\s+)?(?:part|portion|fraction|share)"
    r"|a\s+(?:third|quarter|fifth|tenth)|"
    r"two\s+thirds|three\s+quarters)\s+of\s+(?:the|its|these|those|their)\s+(?!(?:\w+\s+)?"
    r"(?:code|law|act|constitution)\b)|the\s+(?:remaining|rest\s+of))\b",
    re.I,
)
# "began construction", "started drafting": work begun on the thing, not the thing; "began
# screening every detainee", "began hearing cases": the practice itself has started.
_BEGAN_WORK = re.compile(
    r"\b(?:began|begun|beginning|started|starting)\s+(?:to\s+)?(?:the\s+)?(?:work(?:ing)?|"
    r"draft(?:ing)?|develop(?:ing|ment)?|prepar(?:ing|ation)|plan(?:ning)?|design(?:ing)?|"
    r"construct(?:ing|ion)?|build(?:ing)?|consult(?:ing|ations?)|discuss(?:ing|ions?)|"
    r"negotiat(?:ing|ions?)|review(?:ing)?|revis(?:ing|ion)|consider(?:ing)?|assess(?:ing|ment)|"
    r"mapping|process|steps|talks|renovat(?:ing|ion)|select(?:ing|ion)|recruit(?:ing|ment)|"
    r"hiring|appointing|(?:a|an|the)\s+\w+)\b",
    re.I,
)
# Someone other than the government acted, or the sentence reports a finding, not a step.
_OTHER_SUBJECT = re.compile(
    r"^(?:(?:An?|The|Some|Several|Many|Other)\s+)?(?:local\s+|international\s+|foreign\s+|"
    r"private\s+|regional\s+|civil\s+society\s+|anti-[\w-]+\s+|legal\s+aid\s+|faith-based\s+|"
    r"women's\s+|human\s+rights\s+)?(?:NGOs?|non-governmental|donors?|foundation|"
    r"organizations?|government\s+of\s+another|foreign\s+government|observers?|media|"
    r"journalists|researchers|civil\s+society|international\s+organizations?|religious|"
    r"employers|companies|unions?|the\s+media|experts|victims|traffickers|reports|"
    r"associations?|business(?:es)?|hotels?|firms|industry|private\s+sector|churches)\b",
    re.I,
)
# An organization named as the subject that is not the state's: "The Nordlys Crisis Center
# trained ...", "Volunteers from the Yrkent Women's Shelter Association interpreted ...",
# "Casa Refugio Tuvasso persuaded ...", "A youth NGO posted ...". A name with a word of the
# state in it ("the National Referral Center", "the Office of ...") stays the state's.
_NGO_HEAD = (
    r"Network|Society|Association|Foundation|Alliance|Coalition|Collective|Initiative|Mission|"
    r"League|Sisters|Friends|Cent(?:er|re)|Shelter|Home|House"
)
_NAMED_OTHERS = re.compile(
    r"^(?:(?:In|During|Also|Additionally|Moreover|Meanwhile)\b[^,]{0,40},\s+)?"
    r"(?:(?:Volunteers|Staff|Lawyers|Counsel(?:l)?ors|Social\s+workers|Members|Activists)\s+"
    r"(?:from|of|at|with)\s+)?(?:[Tt]he\s+)?"
    r"(?P<name>(?:[A-Z][\w'\u2019-]*\s+){1,5}?(?:" + _NGO_HEAD + r")"
    r"(?:\s+(?:for|of|against|on)\s+(?:(?:the|and)\s+|[A-Z][\w'\u2019-]*\s+){1,5})?"
    r"|(?:Casa|Fundaci[o\u00f3]n|Asociaci[o\u00f3]n|Centro|Hogar|Refugio|Maison|Stichting|"
    r"Verein)\s+(?:[A-Z][\w'\u2019-]*\s*){1,4})\b"
    r"|^(?:(?:In|During|Also|Additionally|Moreover|Meanwhile)\b[^,]{0,40},\s+)?"
    r"(?:Volunteers|(?:An?|The|Some|Several|Many|Other)\s+(?:(?!state|government|public|"
    r"official)[a-z][\w'-]*\s+){1,2}(?:NGOs?|non-governmental|charit(?:y|ies)))\b"
)
_STATE_NAME = re.compile(
    r"\b(?:National|State|Federal|Government(?:al)?|Ministry|Ministerial|Municipal|Provincial|"
    r"Regional|City|District|County|Public|Police|Judicial|Inter-?[Aa]gency|Inter-?[Mm]inisterial|"
    r"Presidential|Royal|Crown|Agency|Department|Office|Commission|Council|Directorate|"
    r"Inspectorate|Service|Authority|Bureau|Committee|Army|Military|Court|Prosecutor'?s?|"
    r"Republic|Official|Immigration|Border|Welfare|Anti-Trafficking|Counter-Trafficking)\b"
)


def _named_others(text: str) -> bool:
    """The sentence's subject is an organization named as not the state's."""
    m = _NAMED_OTHERS.match(text)
    return bool(m) and not (m.group("name") and _STATE_NAME.search(m.group("name")))


# Those who report, not act: their "lacked" or "did not" is what they say of others.
_REPORTERS = re.compile(
    r"^(?:(?:An?|The|Some|Several|Many|Other)\s+)?(?:local\s+|international\s+|foreign\s+)?"
    r"(?:NGOs?|observers?|media|journalists|researchers|experts|reports|civil\s+society)\b",
    re.I,
)
# Others acted and the government took part or looked on: "contributed to a regional plan
# adopted by neighboring governments", "participated in a conference organized by ...".
_OTHERS_ACTED = re.compile(
    r"^(?:\w+\s+){1,4}(?:contributed\s+to|participated\s+in|took\s+part\s+in|attended|"
    r"joined|welcomed|observed)\b"
    # done in the passive by others: "Repatriation ... was arranged with the help of an
    # international organization", "... were sheltered by NGOs"
    r"|^[^;]{0,160}?\b(?:was|were)\s+\w+(?:ed|en|ne|ht)"
    r"\s+(?:[^,;]{0,40}?\s)?(?:with\s+the\s+help\s+of|by|"
    r"through)\s+(?:an?\s+|the\s+)?(?:(?:local|international|foreign)\s+)?(?:organi[sz]ations?"
    r"|NGOs?|"
    r"donors?|charit(?:y|ies)|UN\s+agenc(?:y|ies)|IOM|UNICEF|UNHCR)\b"
    # paid for by others: "from private donations", "with donor funding"
    r"|\b(?:from|with|using|through)\s+(?:private|donor|foreign|charitable|church|international)\s+"
    r"(?:donations?|funds?|funding|money|grants?|contributions?)\b|\bby\s+(?:neighbo\w+|other"
    r"|foreign|donor|several)\s+"
    r"(?:governments?|countries|states)\b",
    re.I,
)
# A passive step done to those others ("Foreign victims were interviewed ...", "Employers
# were fined ...", "Eight companies were barred ..."): the authorities acted, so the subject
# does not make the sentence someone else's.
_PASSIVE_STEP = re.compile(
    r"^(?:\w+\s+){0,7}?(?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:\w+ly\s+)?"
    r"(?!able\b|unable\b|aware\b|reluctant\b|afraid\b|at\s+risk\b|present\b|absent\b|"
    r"silent\b|pending\b|evident\b|(?:in)?dependent\b|different\b|frequent\b|open\b|often\b)"
    r"\w+(?:ed|en|wn|id|ht|ut|rd|ld|ne|un|pt|nt)\b",
    re.I,
)
_REPORTED = re.compile(
    r"^(?:\w+\s+){0,3}(?:reported|noted|alleged|claimed|estimated)\s+that\b", re.I
)
# "Of the cases investigated, five involved ...": a breakdown of figures, not a step.
_BREAKDOWN = re.compile(r"^(?:Of\s+(?:the|these|those)\b|Among\s+(?:the|these|those)\b)", re.I)
# The summary's list of the year's steps, in the leads each era's reports use, and its items.
_SUMMARY_LIST = re.compile(
    r"^(?:(?:During|Over|In|Throughout)\s[^,;.]{0,40},\s+)?(?:"
    # "The government demonstrated increasing efforts by ..."
    r"(?:The|Overall,\s+the)\s+government\s+(?:\w+\s+)?demonstrated\s+[^,;]{0,60}?\s+by"
    # "These efforts included ...", "Positive steps during the year included ...", "The
    # government made key achievements by ..."
    r"|(?:(?!\bnot\b|\bno\b)[^,;.]){0,80}?\b(?:efforts|steps|achievements|accomplishments|"
    r"actions|measures|progress|commitment|headway|examples)\b(?:(?!\bnot\b|\bno\b)[^,;.]){0,60}?"
    r"\b(?:included|include|includes|(?:by|through)(?=\s+\w+ing\b))"
    # any lead whose subject is the government and whose steps follow as -ing clauses: "The
    # government improved its response by ...", "Authorities moved forward by ..."
    r"|(?:The\s+government|Authorities|It)\s+(?:(?!\bnot\b|\bno\b|\bdid\b|\bfailed\b)[^,;.]){0,60}?"
    r"\b(?:by|through)(?=\s+\w+ing\b))\s+",
    re.I,
)
_SUMMARY_ITEM = re.compile(r",\s+(?:and\s+)?|;\s+|\s+and\s+(?=\w+ing\b)")


def _listed(text: str) -> list[str]:
    """The items of a summary's list of steps ("These efforts included A, B, and C."); empty
    when the text is no such list."""
    m = _SUMMARY_LIST.match(text)
    return _SUMMARY_ITEM.split(text[m.end() :]) if m else []


def _many_steps(text: str) -> bool:
    """A list of several steps: its words come from several of them, so a score over the
    whole sentence needs a higher floor."""
    return len(_listed(text)) > 1


# Those a step is for: a change in their lot ("Victims no longer had to leave shelter after
# three months", "Victims in the provinces can now seek help at ...") tells the step by its effect.
_PEOPLE = r"victims|survivors|workers|children|migrants|residents"
_AFFECTED = re.compile(
    r"^(?:(?:Adult|Child|Foreign|Male|Female|Migrant|Domestic|Some|Many|All|More|Most)\s+)?"
    rf"(?:{_PEOPLE})\b",
    re.I,
)
# The state acting within a sentence about those the step is for: "..., which courts had
# ordered paid to them", "... paid for by the justice ministry", "after immigration authorities
# waived the fee".
_STATE_ACTED = re.compile(
    r"\b(?:courts?|(?:the\s+)?(?:\w+\s+)?ministry|(?:\w+\s+)?authorities|the\s+government|"
    r"police|prosecutors|officials|the\s+state)\s+(?:had\s+|have\s+|has\s+)?(?!not\b|did\b)"
    r"\w+ed\b|\bpaid\s+for\s+by\b|\bthat\s+opened\b",
    re.I,
)
# A sentence that tells a change as such: the practice is new, or differs from before.
_CHANGE_SHOWN = re.compile(
    r"\b(?:now|for\s+the\s+first\s+time|newly|no\s+longer|took\s+effect|"
    r"(?:entered|came)\s+into\s+force|compared\s+with|than\s+(?:before|previously|in\s+the\s+"
    r"previous)|previously|earlier|since\s+(?:the|a|its)\s+\w+)\b",
    re.I,
)
# A section's opening judgement ("The government increased its efforts to hold traffickers
# accountable.", "The government maintained prevention efforts."): the direction of a whole
# field, not a step; the steps follow it.
_OPENER = re.compile(
    r"^(?:Overall,?\s+)?the\s+government\s+(?:\w+ly\s+)?(?:increased|maintained|decreased|"
    r"reduced|sustained|improved|demonstrated|showed|made)\s+(?:its\s+|overall\s+|some\s+|"
    r"modest\s+|minimal\s+|mixed\s+|uneven\s+|limited\s+|significant\s+|inadequate\s+|"
    r"anti-trafficking\s+|law\s+enforcement\s+|prosecution\s+|protection\s+|victim\s+|"
    r"prevention\s+)*(?:efforts?|progress)(?:\s+to(?:\s+[^\s,;]+){1,7})?\s*\.?\s*$",
    re.I,
)
# The law as it stands ("The penal code prohibited trafficking and set penalties of ..."):
# what the law says, not a step taken during the year, unless the sentence
# says the law is new or changed.
_LAW_STANDS = re.compile(
    r"^[^,;]{0,140}?\b(?:law|code|act|legislation|statute|constitution)\b[^,;]{0,100}?\b"
    r"(?:criminali[sz]e[sd]?|prohibit(?:ed|s)?|prescribe[sd]?|define[sd]?|penali[sz]e[sd]?"
    r"|punish(?:es|ed)?|"
    r"made\s[^,;]{0,80}?\bpunishable|carri(?:ed|es)\s+(?:penalties|sentences)|provided\s+for\s+"
    r"(?:penalties|sentences))\b"
    # "Trafficking for labor exploitation is an offense under section 6 of the act"
    r"|^[^,;]{0,140}?\b(?:is|are)\s+(?:an?\s+)?(?:criminal\s+)?(?:offen[cs]es?|crimes?)\s+under\b"
    # "Under article 12 of the code, trafficking of adults is punished by ..."
    r"|^Under\s+(?:the\s+|its\s+)?[^;]{0,160}?\b(?:law|code|act|article|section|statute)\b"
    r"[^;]{0,160}?\b(?:is|are)\s+(?:\w+ly\s+)?(?:punish|prohibit|criminali[sz]|penali[sz]|"
    r"an?\s+(?:criminal\s+)?offen[cs]e|a\s+crime)"
    # "The X Act is the main statute used against traffickers"
    r"|^[^,;]{0,140}?\b(?:law|code|act|statute)\b[^,;]{0,60}?\b(?:is|are|remains)\s+(?:the\s+|a\s+)?"
    r"(?:main|principal|primary|chief|key|only)\s+(?:statute|law|legal|instrument|basis|tool)"
    # "Article 146 of the criminal code makes recruiting, moving or holding people ... a crime"
    r"|^[^;]{0,140}?\b(?:law|code|act|statute|article|section)\b[^;]{0,60}?\bmakes\s"
    r"[^;]{0,160}?\b(?:a\s+crime|an?\s+(?:criminal\s+)?offen[cs]e|punishable|illegal|unlawful)\b",
    re.I,
)
_LAW_CHANGED = re.compile(
    r"\b(?:amend\w*|new|newly|took\s+effect|entered\s+into\s+force|came\s+into\s+force|"
    r"adopted|enacted|passed|approved|promulgated|revised|replaced|introduced)\b",
    re.I,
)
# A clause boundary inside a sentence: a step taken, then what was not (", but ..."); "while"
# before an -ing word is not one ("remained unable to work while awaiting trial").
_TURN = re.compile(
    r",?\s+(?:but|however|although|though|whereas|yet(?!\s+to\b))\s+"
    r"|,?\s+while\s+(?!\w+ing\b)|;\s+",
    re.I,
)
# An ask for the whole country, and a step taken only locally.
_NATIONAL = re.compile(
    r"\b(?:national(?!\s+(?:guard|police|army|assembly|parliament|congress|court|bank|"
    r"referral|action|coordinat\w+|committee|commission|council|rapporteur))|nationwide|"
    r"countrywide|all\s+regions|every\s+region)\b",
    re.I,
)
_LOCAL = re.compile(
    r"^(?:\w+\s+){0,2}(?:local|municipal|provincial|district|regional|state-level)\b"
    r"|\bin\s+(?:one|two|three|a\s+few|some|several)\s+(?:of\s+the\s+)?(?:regions?|provinces?|"
    r"districts?|states?|municipalit\w+|cities|towns)\b",
    re.I,
)
# The same act on another subject: a step whose subject is another field of policy or another
# crime ("adopted a strategy on youth employment", "trained judges on the new code of criminal
# procedure", "admitted witnesses in organized crime and drug cases") is not a step on a
# trafficking ask, unless the sentence also speaks of trafficking or the ask of that field.
_OTHER_FIELD = re.compile(
    r"\b(?:drugs?|narcotics?|organi[sz]ed\s+crime|(?:counter-?)?terroris[mt]\w*|money\s+laundering|"
    r"climate\s+change|business\s+crimes?|economic\s+crimes?|financial\s+crimes?|"
    r"cyber\s?crimes?|domestic\s+violence|gender-based\s+violence|criminal\s+procedure|"
    r"youth\s+employment|unemployment|road\s+safety|traffic\s+(?:police|safety|accidents?)|"
    r"tax(?:es|ation)?|customs\s+duties|elections?|public\s+health|pandemic|COVID(?:-19)?|"
    r"HIV|civil\s+(?:wage\s+)?(?:claims|suits)|general\s+(?:health|welfare|education)\s+programs?"
    r"|all\s+(?:offen[cs]e|crime)\s+"
    r"(?:categories|types)|violent\s+crimes?|gambling|hygiene|sanitation|food\s+safety"
    r"|fire\s+safety|vaccinat\w+|immuni[sz]ation|malaria|tuberculosis|polio|nutrition|wildlife"
    r"|firearms|arms\s+(?:trade|control)|smuggling\s+of\s+migrants|migrant\s+"
    r"smuggling|petty\s+offen[cs]es|street\s+vending|many\s+types\s+of|other\s+crimes|all\s+"
    r"(?:types\s+of\s+)?(?:criminal\s+)?cases)\b",
    re.I,
)
# What makes a sentence about trafficking: "drug trafficking" and "arms trafficking" do not.
_TRAFFICKING = re.compile(
    r"\b(?<!drug\s)(?<!arms\s)(?<!narcotics\s)(?<!wildlife\s)(?:anti-)?traffick\w*|\bforced\s+"
    r"labou?r|\bvictims?\b|\bsurvivors?\b|\bexploit\w*|\bservitude\b|\bslavery\b|\bbond(?:ed|age)\b"
    r"|\bcommercial\s+sex\b|\bprostitution\b|\bchild\s+labou?r\b|\bforced\s+begging\b",
    re.I,
)


def _compiled(table: dict[str, str]) -> dict[str, re.Pattern]:
    """A table of named patterns, compiled (case apart)."""
    return {name: re.compile(pattern, re.I) for name, pattern in table.items()}


# Who was trained: a training of one audience is not the training of another ("provided
# anti-trafficking training to its troops" does not answer "train diplomatic personnel").
_TRAINING = re.compile(r"\btrain(?:ed|ing|s)?\b|\bcourses?\b|\bworkshops?\b|\bcurriculum\b", re.I)
_TRAIN_ASK = re.compile(r"^(?:\w+\s+){0,3}?train\b", re.I)
_AUDIENCES = _compiled(
    {
        "diplomats": r"\bdiplomat\w*|\bconsular\b|\bembass\w+|\bforeign\s+service\b",
        "troops": r"\btroops\b|\bpeacekeep\w*|\bsoldiers\b|\bmilitary\b|\barmed\s+forces\b",
        "judges": r"\bjudges?\b|\bjudiciary\b|\bjudicial\b|\bmagistrates?\b|\bcourts?\b",
        "prosecutors": r"\bprosecutors?\b|\bprosecution\s+service\b",
        "police": r"\bpolice\b|\blaw\s+enforcement\b|\binvestigators?\b|\bgendarm\w*",
        "inspectors": r"\binspectors?\b|\binspectorate\b",
        "border": r"\bborder\b|\bimmigration\b|\bcoast\s+guard\b|\bairport\b",
        "social": r"\bsocial\s+workers?\b|\bhealth\s+(?:care\s+)?workers?\b|\bteachers?\b|"
                  r"\bmedical\b|\bcaseworkers?\b|\bshelter\s+staff\b",
    }
)


# What was set up: launching one thing is not setting up another ("launched an electronic case
# management system" does not answer "set up a helpline"). Read only right after the verb.
_SET_UP = re.compile(
    r"\b(?:establish(?:ed|es|ing)?|creat(?:e|ed|es|ing)|set(?:ting)?\s+up|launch(?:ed|es|ing)?|"
    r"open(?:ed|s|ing)?|buil[dt]s?|introduc(?:e|ed|es|ing)|institut(?:e|ed|es|ing)|"
    r"inaugurat(?:e|ed|es|ing)|found(?:ed)?)\s+((?:[\w-]+\s+){0,6}[\w-]+)",
    re.I,
)
_THINGS = _compiled(
    {
        "hotline": r"\b(?:hot|help|phone|telephone|toll-free)\s?lines?\b|"
                   r"\bcall\s+cent(?:er|re)s?\b",
        "shelter": r"\bshelters?\b|\bsafe\s+houses?\b|\bcent(?:er|re)s?\b|\bhomes?\b|"
                   r"\bfacilit(?:y|ies)\b",
        "database": r"\bdatabases?\b|\bdata\b|\bregist(?:ry|er)\b|\bcase\s+management\b|"
                    r"\b(?:electronic|online|information)\s+system\b|\bstatistics\b",
        "unit": r"\bunits?\b|\bdepartments?\b|\bdirectorates?\b|\bdivisions?\b|\bsquads?\b|"
                r"\boffices?\b|\bbureaus?\b|\bdesks?\b",
        "body": r"\bcommittees?\b|\bcommissions?\b|\bcouncils?\b|\btask\s?forces?\b|"
                r"\bworking\s+groups?\b|\bsecretariat\b|\brapporteur\b|\bcoordinat\w+\b",
        "fund": r"\bfunds?\b|\bbudget\b|\bgrants?\b",
        "mechanism": r"\bmechanisms?\b|\bprocedures?\b|\bprotocols?\b|\bguidelines\b|"
                     r"\breferral\b|\bsystem\b",
        "plan": r"\bplans?\b|\bstrateg(?:y|ies)\b|\bprogramm?es?\b|\bcampaigns?\b",
        "court": r"\bcourts?\b|\bchambers?\b|\btribunals?\b|\bprosecutors?\b",
    }
)


def _named(table: dict[str, re.Pattern], text: str) -> set[str]:
    """The names of a table's patterns that the text holds."""
    return {name for name, pattern in table.items() if pattern.search(text)}


def _set_up(text: str) -> set[str]:
    """What a text sets up: the things named right after its verbs of setting up."""
    return _named(_THINGS, " ".join(m.group(1) for m in _SET_UP.finditer(text)))


def near_topic(ask: str, text: str) -> bool:
    """The sentence reports a step on another subject than the ask's: another field of
    policy or another crime, with nothing of trafficking in it; or a training of another
    audience than the one the ask names."""
    field = _OTHER_FIELD.search(text)
    if field and not _TRAFFICKING.search(text) and not _OTHER_FIELD.search(ask):
        return True
    if _TRAINING.search(ask):
        if not _TRAINING.search(text) and _TRAIN_ASK.match(_LEAD_IN.sub("", ask)):
            return True  # an ask to train, and a step that trained no one
        wanted, trained = _named(_AUDIENCES, ask), _named(_AUDIENCES, text)
        if _TRAINING.search(text) and wanted and trained and not wanted & trained:
            return True
    asked, made = _set_up(ask), _set_up(text)
    return bool(asked and made and not asked & made)


_ASK_WORDS = re.compile(r"\bshould\b", re.I)
_VERDICT_SENTENCE = re.compile(
    r"minimum\s+standards|\btherefore\b.{0,80}\bTier\b|\bSpecial\s+Case\s+for\b", re.I
)


# A condition, not a failure: "pays compensation when traffickers cannot", "if the employer
# does not". Its negation says nothing of what the government did; it is read without it.
_CONDITION = re.compile(
    r"\b(?:when|whenever|if|where|in\s+cases?\s+where)\s+[^,;.]{0,60}?\b(?:cannot|can't|"
    r"could\s+not|do\s+not|does\s+not|did\s+not|is\s+not|are\s+not)\b[^,;.]*",
    re.I,
)

# What those the step is for had lacked before it: "victims who had none", "workers whose
# documents had been taken", "children who had never been registered". It describes them, not
# the government's step; a "whose" clause after anything else ("guidelines, whose release was
# postponed") is kept.
_BEFORE = re.compile(
    rf"\b((?:{_PEOPLE}|persons|people|women|men|girls|boys|families|nationals|returnees|"
    r"applicants|detainees)\s+)(?:who|whose\s+\w+)\s+(?:had|"
    r"have|has|never|lacked|were|was)\b[^,;.]*",
    re.I,
)

# "no appeal older than two years remained": nothing is left, which is the step's success.
_NOTHING_LEFT = re.compile(r"\bno\s+(?:[\w-]+\s+){0,8}?remain(?:ed|s)\b", re.I)


def stance(text: str) -> str:
    """What one sentence says of the thing it is about: done, partly, against or other."""
    text = _NOTHING_LEFT.sub("", _BEFORE.sub(r"\1", _CONDITION.sub("", text)))
    if _OPENER.match(text):
        return "other"
    if _SUMMARY_LIST.match(text):
        return "done" if not _NEG.search(text) else "partly"
    clauses = [c for c in _TURN.split(text) if c.strip()]
    negative = [bool(_NEG.search(c)) for c in clauses]
    negative[1:] = [
        n or bool(_NEG_TAIL.search(c)) for n, c in zip(negative[1:], clauses[1:], strict=True)
    ]
    if all(negative) and not _REPORTERS.match(text):
        return "against"
    other_subject = (_OTHER_SUBJECT.match(text) or _named_others(text)) and not (
        (_PASSIVE_STEP.match(text) or _AFFECTED.match(text) and (
            _CHANGE_SHOWN.search(text) or _STATE_ACTED.search(text)))
        and not _REPORTERS.match(text)
    )
    if other_subject or _REPORTED.match(text) or _OTHERS_ACTED.search(text):
        return "other" if not (negative[0] and not _REPORTERS.match(text)) else "against"
    if negative[0]:
        return "against"  # it says what was not done, then why or what followed
    if any(negative):
        return "partly"  # a step taken, and what was not
    if _BREAKDOWN.match(text):
        return "other"
    if _LAW_STANDS.match(text) and not _LAW_CHANGED.search(text):
        return "other"
    if _BEGAN_WORK.search(text):
        return "partly"
    if _PART.search(text):
        return "partly"
    return "done"  # including "began screening every ...": the practice has started


# --------------------------------------------------------------------------- relevance


# How reports word a completed step against how an ask words it: each line one concept, its
# first word naming it (written for tipdiff from the report's register, like
# tipdiff.normalize.SYNONYMS, which the stems already apply; these hold only for evidence:
# "met" answers "convene", never another recommendation).
EVIDENCE_CONCEPTS = """
hotline helpline hotlines helplines callers caller calls
data database databases statistics records tracking figures
campaign campaigns awareness outreach sensitization leaflets radio spots events
communities community villages village families households neighborhoods
vulnerable risk
committee commission council coordinator coordinating taskforce task
convene convened met meet meeting meetings
procedure procedures guidelines guideline instructions protocol protocols manual checklist
screen screened screening interviewed interview interviews checklist indicators
unit units bureau section office department squad directorate
staff investigators officers personnel
amend amended amendment amendments revise revised revision reform reforms
criminalize criminalized criminalizes prohibit prohibited prohibits ban banned bans outlaw
center centers centre centres
train trained training trainings course courses workshop workshops module curriculum seminar
plan plans strategy strategies
penalize penalized penalization punish punished charges charged arrested
repatriation repatriate repatriated return returned home
backlog delays chamber chambers
judges judge courts court
publish published release released
demand buyers buyer purchasing purchase clients customers buy buys bought buying
interpreter interpreters interpretation translator translators translation languages language
advisory advise advised advice adviser advisers advisors
attache attaches embassy embassies consulate consulates consular diplomatic missions
law decree regulation regulations rules provision provisions code act ordinance
adopt adopted approved enacted passed promulgated effect force signed
establish established created launched opened founded
allocate allocated budget grants grant disbursed paid funded
complicit complicity corrupt corruption bribes bribe collusion
child children minor minors boys girls
foreign foreigners migrant migrants non-citizens nonnationals
residence stay permit permits visa visas status
employer employers employment job jobs hiring hire
recruitment recruiters recruiting agencies agency licensed licenses license
inspect inspection inspections inspected inspectors visits visited boarded checked
testimony testify testified evidence witness witnesses recordings recorded
survivors survivor
sentence sentenced sentences sentencing imprisonment prison terms penalty penalties
school schools students pupils lessons classes classroom education educational
identity identities names anonymity anonymize anonymized confidential confidentiality privacy
rotation rotations turnover tenure posting postings reassignment reassigned transfers
wiretap wiretaps wiretapping undercover interception intercepted surveillance
timely promptly prompt punctual
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


_LEAD_IN = re.compile(r"^.{0,160}?\bshould:?\s+(?:also\s+|further\s+|now\s+)?", re.S)


# "paid for sex" is buying it; "paid" alone is money spent (a fund paid victims).
_PAID_FOR_SEX = re.compile(
    r"\b(?:paid|paying|pay|pays)\s+(?:\w+\s+)?for\s+(?=sex\b|commercial\s+sex)"
    r"|\bpaid\s+(?=sex\b)"  # "demand for paid sex"
)


# "set up" a unit is establishing it; "set aside" money, "set out" rules are not.
_SET_UP_WORDS = re.compile(r"\bset(?:ting|s)?\s+up\b")


# Where an ask's thing comes from, not what is asked: "the victims' fund established under the
# Comprehensive Law against Exploitation". A step that names that law (amending it, say) is
# about the law, not the fund.
_LOCATOR = re.compile(
    r"\b(?:established|created|set\s+up|provided\s+for|mandated|required|envisaged|foreseen)\s+"
    r"(?:under|by|in)\s+(?:the\s+|its\s+|a\s+)?(?:\d{4}\s+)?"
    # a law named in lower case ("the 2010 anti-trafficking law"), or its name as printed:
    # capitalised words, with "of", "on", "the", "and", "against", "for", "in", "to" between
    # them ("the Law on Migrant Smuggling and Exploitation"), but not the next clause ("...
    # Act and assign judges to them")
    r"(?:(?:[a-z-]+\s+){0,3}?(?:law|act|code|decree|statute|legislation)\b"
    r"|[A-Z][\w'-]*(?:\s+(?:(?:of|on|the|and|against|for|in|to)\s+)*(?:[A-Z][\w'-]*|\d+))*)"
)


def _words(c: str, *, ask: bool) -> list[str]:
    """The content words of a clean text, in order; an ask's lead-in ("To improve ..., the
    government should:") read off first."""
    if ask:
        m = _LEAD_IN.match(c)
        if m and m.end() < len(c):
            c = c[m.end() :]
    return [
        w
        for w in TOKEN.findall(c.replace("-", " "))
        if w not in STOPWORDS and w not in _EXTRA_STOPWORDS and len(w) > 1
    ]


def _prepare(text: str, *, ask: bool = False) -> _Text:
    if ask:
        text = _LOCATOR.sub(" ", text)
    text = _SET_UP_WORDS.sub("establish", _PAID_FOR_SEX.sub("buy ", clean(text)))
    toks = [_WORD_AS.get(w, w) for w in _words(text, ask=ask)]
    stems = [stem(w) for w in toks]
    core = " ".join(sorted({w for w, s in zip(toks, stems, strict=True) if s not in STOCK_STEMS}))
    stems = [CONCEPT.get(x, x) for x in stems]
    return _Text(frozenset(stems), core)


def _heads(text: str, *, ask: bool = False) -> frozenset[str]:
    """A text's content words cut to their first five letters: "families" and "family",
    "crimes" and "crime", "assessing" and "assess" meet, as the crude stems do not always."""
    return frozenset(w[:5] for w in _words(clean(text), ask=ask))


# Words that say nothing of what was asked or done (grammar the shared stop list keeps).
_EXTRA_STOPWORDS = frozenset(
    "not no them they their had has have after before about during under while which where "
    "when there so then its his her our we us it".split()
    # the verb "commit" (a crime) would read as "committee" (the same crude stem)
    + "commit commits committed committing".split()
)
# Words compared as another before their stems are taken, where a crude stem would join two
# things: "consultant" reads as the adviser it is, not as "consular" (both cut to "consul",
# which EVIDENCE_CONCEPTS gives to embassies and attaches since evidence 2.4).
_WORD_AS = {
    "consultant": "adviser", "consultants": "advisers", "consulted": "advised",
    "consultation": "advice", "consultations": "advice", "consulting": "advice",
    # "posters" and the verb "post" (officers, attaches) share a crude stem
    "poster": "leaflet", "posters": "leaflets",
}


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
        self._items: dict[int, list[tuple[str, frozenset[str]]]] = {}
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

    def _summary_items(self, k: int) -> list[tuple[str, frozenset[str]]]:
        """The items of the summary's list of steps in sentence k, with their word heads
        (computed once per body; empty when the sentence is no such list)."""
        if k not in self._items:
            self._items[k] = [(item, _heads(item)) for item in _listed(self.pool[k].text)]
        return self._items[k]

    def _summary_item(self, k: int, ask: frozenset[str]) -> str | None:
        """The item of the summary's list of steps (sentence k) that names the ask's step:
        most of the item's own words are the ask's (`ask`: its word heads); None when there
        is none."""
        config = self.config
        for item, heads in self._summary_items(k):
            if len(heads) >= config.summary_item_stems and len(heads & ask) >= (
                config.summary_item_cover * len(heads)
            ):
                return item
        return None

    def find(self, ask: str) -> Evidence:
        """The evidence in this body for one ask."""
        config = self.config
        a = _prepare(ask, ask=True)
        heads = _heads(ask, ask=True)
        national = bool(_NATIONAL.search(ask))
        local_ask = bool(_LOCAL.search(ask))
        scored, changed = [], set()
        for k, (s, t) in enumerate(zip(self.pool, self.texts, strict=True)):
            score = relevance(a, t, self.weight, config)
            item = self._summary_item(k, heads) if s.section == "summary" else None
            if item is not None and score < config.summary_floor:
                score = config.summary_floor  # the summary names the ask's step in few words
            if score >= config.relevance_floor:
                st = self.stance(k) if item is None else stance(item)
                if st == "done" and national and _LOCAL.search(s.text) and not local_ask:
                    st = "partly"  # a national ask met in one place or at a local level
                if st in ("done", "partly") and near_topic(ask, s.text):
                    st = "other"  # the same act on another subject or for other people
                scored.append(Found(s.number, s.section, s.text, score, st))
                if _CHANGE_SHOWN.search(s.text) and len((a.stems & t.stems) - STOCK_STEMS) >= 2:
                    changed.add(s.number)
        verdict, deciding = decide(scored, config, frozenset(changed))
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


def decide(
    scored: Sequence[Found], config: EvidenceConfig, changed: frozenset[int] = frozenset()
) -> tuple[str, list[Found]]:
    """The verdict, and the sentences that decide it (best first). `changed`: the numbers of
    the sentences that tell a change as such and share at least two of the ask's own words
    (they need only `changed_floor`)."""

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
        floor = config.summary_floor if _many_steps(f.text) else config.done_floor
        if f.number in changed:
            floor = min(floor, config.changed_floor)
        return f.score >= floor

    strong = [f for f in done if enough(f)]
    if strong and strong[0].score >= p - config.partly_margin:
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
