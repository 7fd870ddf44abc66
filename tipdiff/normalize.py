"""Normalization for matching only. Parsed text is never changed by it."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TRANSLATE = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "‘": "'",
        "’": "'",
        "–": " ",
        "—": " ",
        "‐": "-",
        "‑": "-",
        "\u00a0": " ",
    }
)
_LGBT = re.compile(r"\blgbt(?:q?i?\+?|qia?\+?)?(?=\W|$)", re.I)
_STRAY_HYPHEN = re.compile(r"(\w)- (?!(?:and|or|to)\b)(\w)")  # "long- term" -> "long-term"

# Words that carry no ask on their own: function words plus the report's stock phrasing.
STOPWORDS = frozenset(
    """
a an and the of to in on for with by as at or from into its their it this that these those
be is are was were been such including include includes other all any both which who whom
should would could can may must also more than through among within across per via e.g i.e
""".split()
)


def clean(text: str) -> str:
    """Comparable form: NFKC, straight quotes, dashes as spaces, one spelling of LGBTQI+,
    'long- term' rejoined, lower case, single spaces. Equal clean forms mean 'unchanged'."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    if "- " in text:
        text = _STRAY_HYPHEN.sub(r"\1-\2", text)
    text = " ".join(text.split()).lower()
    if "lgbt" in text:
        text = _LGBT.sub("lgbtqi+", text)
    return text.rstrip(" .;")


def words(text: str) -> list[str]:
    """Word tokens of the original text (for word diffs): punctuation stays on its word."""
    return text.split()


_SUFFIXES = (
    "ations",
    "ation",
    "ments",
    "ment",
    "ities",
    "ity",
    "ings",
    "ing",
    "ies",
    "ers",
    "ed",
    "er",
    "es",
    "ly",
    "s",
)


def _crude(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:6]


# A domain synonym table, written for tipdiff (not taken from any report): words that the
# report's editors use for one another from year to year. Each line is one concept; its first
# word names it. A word's stem is read as its concept's stem, so "restitution" and
# "compensation", or "consulates" and "embassies", count as shared words. Only words that mean
# the same thing in a recommendation belong here: a broad group would make different asks look
# alike (tests/test_scoring.py checks both sides; bench-align measures it).
SYNONYMS = """
child children minor minors underage juvenile juveniles
compensation compensate restitution reparation reparations damages
consular consulate consulates consul consuls embassy embassies diplomatic
penalty penalties punishment punishments punish sanction sanctions
prison imprison imprisonment imprisoned jail jailed incarceration incarcerate custodial
shelter shelters accommodation housing refuge refuges
budget budgets funding fund funds financing finance money resources
interpreter interpreters interpretation translation translators translator
statistics data figures
study studies research survey surveys assessment
prevalence extent
recruit recruits enlistment enlist enlisted conscript conscripts conscription
bondage bonded debt-bonded
court courts tribunal tribunals
judge judges magistrate magistrates judiciary judicial
detain detained detention arrest arrested arrests
awareness campaign campaigns outreach sensitization sensitize
return returns repatriation repatriate repatriated
abroad overseas
testify testimony testimonies witness witnesses
inspection inspections inspect inspector inspectors audit audits
recruiter recruiters broker brokers intermediary intermediaries
fee fees
passport passports papers
statute statutes legislation
hotline hotlines helpline helplines
procedure procedures protocol protocols guideline guidelines
referral referrals refer
cooperation cooperate collaboration collaborate
transnational cross-border
begging beg beggars mendicancy
indicator indicators sign signs
identify identified identifies identification recognize recognise detect
staff personnel
trafficker traffickers offender offenders perpetrator perpetrators
"""


# Abbreviations the reports use for the report's own stock instruments, spelled out before
# matching, so "train officials on the NRM and SOPs" meets "... the national referral
# mechanism and standard operating procedures". Only instruments every report names the same
# way; a country's own agency acronyms are left as they are.
ABBREVIATIONS = {
    "nrm": "national referral mechanism",
    "nrms": "national referral mechanisms",
    "sop": "standard operating procedure",
    "sops": "standard operating procedures",
    "nap": "national action plan",
    "naps": "national action plans",
    "cso": "civil society organization",
    "csos": "civil society organizations",
    "mou": "memorandum of understanding",
    "mous": "memoranda of understanding",
}
_ABBREVIATION = re.compile(r"\b(" + "|".join(ABBREVIATIONS) + r")\b")


def spell_out(cleaned: str) -> str:
    """A clean text with the report's stock abbreviations (ABBREVIATIONS) spelled out."""
    if not _ABBREVIATION.search(cleaned):
        return cleaned
    return _ABBREVIATION.sub(lambda m: ABBREVIATIONS[m.group(1)], cleaned)


def _concepts(table: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in table.strip().splitlines():
        head, *rest = line.split()
        for word in (head, *rest):
            out.setdefault(_crude(word), _crude(head))
    return out


CONCEPT = _concepts(SYNONYMS)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A deliberately crude stem: strip one common suffix, then keep 6 characters; a word of
    the synonym table is read as its concept's stem."""
    s = _crude(word)
    return CONCEPT.get(s, s)


TOKEN = re.compile(r"[a-z0-9+]+")


def content_stems(cleaned: str) -> tuple[str, ...]:
    """Stems of the content words of a clean text, in order, duplicates kept."""
    toks = TOKEN.findall(cleaned.replace("-", " "))
    return tuple(stem(t) for t in toks if t not in STOPWORDS and len(t) > 1)
