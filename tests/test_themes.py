"""Theme tags (issue 19): the vocabulary is docs/themes.md's and the evaluation set's, the
rules follow the guide's own decisions, and tags are where the tables say they are."""

from __future__ import annotations

import re
import sys

import pytest

from tipdiff import themes
from tipdiff.themes import FRAMES, SUBTHEMES, TAGS, tag

from .conftest import ROOT

DOC = (ROOT / "docs" / "themes.md").read_text(encoding="utf-8")


def test_the_vocabulary_is_the_documented_one_and_the_evaluation_sets():
    documented = set(re.findall(r"^\*\*`([a-z_]+)`\*\* \(", DOC, re.M))
    assert documented == set(SUBTHEMES) and len(SUBTHEMES) == 28
    assert set(re.findall(r"^\| `([a-z]+)` \|", DOC, re.M)) == set(FRAMES)
    sys.path.insert(0, str(ROOT / "bench" / "evalsets" / "tools"))
    try:
        import validate
    finally:
        sys.path.pop(0)
    assert validate.FRAMES == set(FRAMES) and validate.SUBTHEMES == set(SUBTHEMES)
    assert TAGS == (*FRAMES, *SUBTHEMES)


# Invented asks (fictional places, our own words), each with the tags the guide decides.
CASES = [
    ("Amend article 41 so that the trafficking of children for sex requires no proof of force.",
     {"prosecution"}, {"legislation", "sex_trafficking"}),
    ("Seek prison terms rather than fines for traffickers convicted in Port Ambry.",
     {"prosecution"}, {"sentencing"}),
    ("Investigate harbour police officers who warn brothel owners of raids.",
     {"prosecution"}, {"complicit_officials", "sex_trafficking"}),
    ("Screen farm workers detained in immigration sweeps for trafficking indicators.",
     {"protection"}, {"victim_identification"}),
    ("Stop fining victims for prostitution offenses their traffickers compelled.",
     {"protection"}, {"non_punishment", "sex_trafficking"}),
    ("Give adult victims in state shelters the freedom to come and go.",
     {"protection"}, {"shelters_services"}),
    ("Grant foreign victims work permits while their cases are open.",
     {"protection"}, {"foreign_victims"}),
    ("License every recruitment agency and cap the fees they may charge job seekers.",
     {"prevention"}, {"recruitment_fees"}),
    ("Increase the number of labor inspectors and let them enter private homes.",
     {"prevention"}, {"labor_inspection"}),
    ("End the mobilization of teachers for the cotton harvest.",
     {"prevention"}, {"state_forced_labor"}),
    ("Verify the age of every recruit to the border militia.",
     {"prevention"}, {"child_soldiers"}),
    ("Fund and implement the national action plan.",
     {"prevention"}, {"national_action_plan", "funding"}),
    ("Establish a hotline for victims.", {"prevention"}, {"awareness"}),
    ("Vigorously prosecute traffickers and seek justice for every victim.", {"prosecution"}, set()),
    ("In partnership with civil society, develop procedures to identify victims among street children.",
     {"protection", "partnership"}, {"victim_identification"}),
    # theme tags 1.1: the same things in the other words asks use for them
    ("Bring housemaids and other household staff under the limits on working hours.",
     {"prevention"}, {"migrant_workers"}),
    ("Stop jailing workers for absconding when they leave an abusive employer.",
     {"protection"}, {"non_punishment", "migrant_workers"}),
    ("Check children leaving juvenile homes for signs of exploitation and send them to care.",
     {"protection"}, {"victim_identification"}),
    ("Let teachers and health workers grant victim status.",
     {"protection"}, {"victim_identification"}),
    ("Prosecute kiln owners who hold children as unpaid servants.",
     {"prosecution"}, {"forced_child_labor"}),
    ("Increase inspections of the salt pans and mines where children work in the dry season.",
     {"prevention"}, {"labor_inspection", "forced_child_labor"}),
    ("End the use of conscripts as laborers on officers' plantations.",
     {"prevention"}, {"state_forced_labor"}),
    ("Publish annual figures on investigations, broken down by form of exploitation.",
     {"prosecution"}, {"data"}),
    ("Assign clear roles for each ministry in the new referral pathway.",
     {"protection"}, {"victim_identification", "coordination"}),
    ("Warn young people in border towns, through local radio, about false job offers.",
     {"prevention"}, {"awareness"}),
]


@pytest.mark.parametrize("text,frames,subthemes", CASES)
def test_an_ask_gets_the_tags_the_guide_decides(text, frames, subthemes):
    got = tag(text)
    assert (set(got.frames), set(got.themes)) == (frames, subthemes)
    assert got.all == got.frames + got.themes
    assert list(got.frames) == [f for f in FRAMES if f in got.frames]  # vocabulary order


def test_the_guides_decided_hard_cases_mostly_hold():
    """docs/themes.md's table of decided cases: the rules agree on most (the ones they miss
    are named in bench/README.md)."""
    part = DOC[DOC.index("## Hard cases, decided"):DOC.index("## Where the tags go")]
    agree = total = 0
    for line in part.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4 or cells[0] in ("ask (invented wording)",) or set(cells[0]) <= {"-"}:
            continue
        ask, frames, subs, _why = cells
        want = ({f.strip() for f in frames.split(",")},
                set() if subs == "-" else {s.strip() for s in subs.split(",")})
        got = tag(ask)
        total += 1
        agree += (set(got.frames), set(got.themes)) == want
    assert total == 22 and agree >= 19  # the 3 it misses: docs/themes.md, "How tipdiff assigns"


def test_tags_depend_on_the_text_only_and_ignore_case_and_spacing():
    a = tag("Train  JUDGES on the anti-trafficking law.")
    assert a == tag("train judges on the anti-trafficking law") == themes.Tags(
        ("prosecution",), ("training",))
    assert tag("") == themes.Tags(("prevention",), ())  # an empty ask still gets a frame
    hostile = "\x1b[31m" + "(.*)+" * 2000 + "\u202e"
    assert tag(hostile).themes == ()  # text, never a pattern; no catastrophic backtracking


def test_every_rule_compiles_and_names_a_known_tag():
    assert set(themes._RULES) == set(SUBTHEMES)
    assert set(themes._FRAME_SIGNALS) == {"prosecution", "protection", "prevention"}
