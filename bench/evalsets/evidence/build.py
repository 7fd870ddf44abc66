"""Build the evidence evaluation set from the hand-written banks in src/.

Each case is one recommendation ("ask") dropped after the from-year, paired with the
to-year narrative body it should be checked against, labelled done / partly / none with the
ids of the sentences that decide it. Bodies are assembled from sentences we wrote: for each ask
one sentence of the chosen kind (done, said directly or indirectly; partly; not done; an old
draft that did not move; nothing at all), plus same-topic distractors, sentences about other
topics, and section fillers, in the sections and headings of the to-year's era.

usage: python3 bench/evalsets/evidence/build.py
Writes tune.jsonl, heldout.jsonl, heldout2.jsonl ... heldout9.jsonl beside this file; the same
seed gives the same bytes.
"""

import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"

SEED2 = 372  # heldout2
SEED3 = 801  # heldout3 (chosen by counts only, see README.md)
SEED4 = 73  # heldout4 (chosen by counts only, see README.md)
N_BODIES4 = 24
SEED5 = 1397  # heldout5 (chosen by counts only, see README.md)
N_BODIES5 = 24
SEED6 = 2172  # heldout6 (chosen by counts only, see README.md)
N_BODIES6 = 24
SEED7 = 713  # heldout7 (chosen by counts only, see README.md)
N_BODIES7 = 24
SEED8 = 711  # heldout8 (chosen by counts only, see README.md)
N_BODIES8 = 24
SEED9 = 1279  # heldout9 (chosen by counts only, see README.md)
N_BODIES9 = 24
SEED10 = 976  # heldout10 (chosen by counts only, see README.md)
N_BODIES10 = 24
SEED11 = 1238  # heldout11 (chosen by counts only, see README.md)
N_BODIES11 = 24
SEED12 = 2724  # heldout12 (chosen by counts only, see README.md)
N_BODIES12 = 24
SEED13 = 136  # heldout13 (chosen by counts only, see README.md)
N_BODIES13 = 24
SEED14 = 1423  # heldout14 (chosen by counts only, see README.md)
N_BODIES14 = 24
SEED15 = 613  # heldout15 (chosen by counts only, see README.md)
N_BODIES15 = 24
SEED16 = 1006  # heldout16 (chosen by counts only, see README.md)
N_BODIES16 = 24
SEED17 = 522  # heldout17 (chosen by counts only, see README.md)
N_BODIES17 = 24
SEED18 = 202  # heldout18 (chosen by counts only, see README.md)
N_BODIES18 = 23
SEED19 = 854  # heldout19 (chosen by counts only, see README.md)
N_BODIES19 = 24
SEED20 = 7  # heldout20 (chosen by counts only, see README.md)
N_BODIES20 = 24
PARTS = {
    # part: (topic bank, filler bank, seed, number of bodies, id prefix)
    "tune": ("topics_tune.txt", "fillers_tune.txt", 2024, 44, "EVT"),
    "heldout": ("topics_held.txt", "fillers_held.txt", 7919, 24, "EVH"),
    # written later, blind to the matcher, after "heldout" was demoted to development use
    "heldout2": ("topics_held2.txt", "fillers_held2.txt", SEED2, 24, "EVN"),
    # written later still, blind to the matcher, after "heldout2" was seen by the developers
    "heldout3": ("topics_held3.txt", "fillers_held3.txt", SEED3, 24, "EVP"),
    # written later still, blind to the matcher, after "heldout3" was seen by the developers
    "heldout4": ("topics_held4.txt", "fillers_held4.txt", SEED4, N_BODIES4, "EVQ"),
    # written later still, blind to the matcher, after "heldout4" was seen by the developers
    "heldout5": ("topics_held5.txt", "fillers_held5.txt", SEED5, N_BODIES5, "EVR"),
    # the sixth part, written blind to the matcher by two helpers in turn (survey, then banks)
    "heldout6": ("topics_held6.txt", "fillers_held6.txt", SEED6, N_BODIES6, "EVS"),
    # the seventh part, written blind to the matcher (ids EVU-, countries A-L)
    "heldout7": ("topics_held7.txt", "fillers_held7.txt", SEED7, N_BODIES7, "EVU"),
    # the eighth part, written blind to the matcher (a seventh, ids EVU-, is written separately)
    "heldout8": ("topics_held8.txt", "fillers_held8.txt", SEED8, N_BODIES8, "EVV"),
    # the ninth part, written blind to the matcher (ids EVW-, countries A-L)
    "heldout9": ("topics_held9.txt", "fillers_held9.txt", SEED9, N_BODIES9, "EVW"),
    # the tenth part, written blind to the matcher (ids EVX-, countries M-Z; a ninth is separate)
    "heldout10": ("topics_held10.txt", "fillers_held10.txt", SEED10, N_BODIES10, "EVX"),
    # the eleventh part, written blind to the matcher (ids EVY-, countries A-L)
    "heldout11": ("topics_held11.txt", "fillers_held11.txt", SEED11, N_BODIES11, "EVY"),
    # the twelfth part, written blind to the matcher (ids EVZ-, countries M-Z)
    "heldout12": ("topics_held12.txt", "fillers_held12.txt", SEED12, N_BODIES12, "EVZ"),
    # the thirteenth part, written blind to the matcher (ids EWA-, countries A-L)
    "heldout13": ("topics_held13.txt", "fillers_held13.txt", SEED13, N_BODIES13, "EWA"),
    # the fourteenth part, written blind to the matcher (ids EWB-, countries M-Z)
    "heldout14": ("topics_held14.txt", "fillers_held14.txt", SEED14, N_BODIES14, "EWB"),
    # the fifteenth part, written blind to the matcher (ids EWC-, countries A-L)
    "heldout15": ("topics_held15.txt", "fillers_held15.txt", SEED15, N_BODIES15, "EWC"),
    # the sixteenth part, written blind to the matcher (ids EWD-, countries M-Z)
    "heldout16": ("topics_held16.txt", "fillers_held16.txt", SEED16, N_BODIES16, "EWD"),
    # the seventeenth part, written blind to the matcher (ids EWE-, countries Ux/Ix/Ex/Ox)
    "heldout17": ("topics_held17.txt", "fillers_held17.txt", SEED17, N_BODIES17, "EWE"),
    # the eighteenth part, written blind to the matcher (ids EWF-, countries Zh/Qv/Dz/Tz)
    "heldout18": ("topics_held18.txt", "fillers_held18.txt", SEED18, N_BODIES18, "EWF"),
    # the nineteenth part, written blind to the matcher (ids EWG-, countries Vr/Gv/Bz/Kv)
    "heldout19": ("topics_held19.txt", "fillers_held19.txt", SEED19, N_BODIES19, "EWG"),
    # the twentieth part, written blind to the matcher (ids EWH-, countries Pf/Mz/Rz/Wl)
    "heldout20": ("topics_held20.txt", "fillers_held20.txt", SEED20, N_BODIES20, "EWH"),
}
# Options a part may set (the older parts set none, so their bytes do not change):
# "lead_by_era": the summary's done-clause sentence opens as the era's reports do, not always
# with "These efforts included"; "stock_variants": the summary's stock lines in other words the
# reports also use, so that no sentence of the part repeats one of the tune part (True: the
# heldout2 wordings below; "v3": the heldout3 wordings, STOCK_VARIANTS3). "lead_by_era" may also
# name a lead table ("v3": the heldout3 leads, two short wordings an era; "v4": the heldout4
# leads, era_lead4). "t1_weak" (heldout4): the Tier 1 summary's "not yet done" line in other words.
# heldout6: "v6" leads (era_lead6), stock lines (STOCK_VARIANTS6) and Tier 1 line; and
# "plain_summary": in some bodies the summary names the year's steps as plain sentences with no
# lead (the bank's F lines), as many real summaries do, or gives the first steps behind a lead
# and the others as plain sentences after it.
PART_OPTIONS = {"heldout2": {"lead_by_era": True, "stock_variants": True},
                "heldout3": {"lead_by_era": "v3", "stock_variants": "v3"},
                "heldout4": {"lead_by_era": "v4", "stock_variants": "v4", "t1_weak": "v4"},
                "heldout5": {"lead_by_era": "v5", "stock_variants": "v5", "t1_weak": "v5",
                             "plain5": True},
                "heldout6": {"lead_by_era": "v6", "stock_variants": "v6", "t1_weak": "v6",
                             "plain_summary": True},
                "heldout7": {"lead_by_era": "v7", "stock_variants": "v7", "t1_weak": "v7",
                             "plain_summary": True, "plain_also": True, "weak_open7": True},
                "heldout8": {"lead_by_era": "v8", "stock_variants": "v8", "t1_weak": "v8",
                             "plain_summary": "v8"},
                "heldout9": {"lead_by_era": "v9", "stock_variants": "v9", "t1_weak": "v9",
                             "plain_summary": "v9"},
                "heldout10": {"lead_by_era": "v10", "stock_variants": "v10", "t1_weak": "v10",
                              "plain_summary": "v10", "weak_open10": True},
                "heldout11": {"lead_by_era": "v11", "stock_variants": "v11", "t1_weak": "v11",
                              "plain_summary": "v11", "weak_open11": True},
                "heldout12": {"lead_by_era": "v12", "stock_variants": "v12", "t1_weak": "v12",
                              "plain_summary": "v12"},
                "heldout13": {"lead_by_era": "v13", "stock_variants": "v13", "t1_weak": "v13",
                              "plain_summary": "v12"},
                "heldout14": {"lead_by_era": "v14", "stock_variants": "v14", "t1_weak": "v14",
                              "plain_summary": "v12"},
                "heldout15": {"lead_by_era": "v15", "stock_variants": "v15", "t1_weak": "v15",
                              "plain_summary": "v12"},
                "heldout16": {"lead_by_era": "v16", "stock_variants": "v16", "t1_weak": "v16",
                              "plain_summary": "v12"},
                "heldout17": {"lead_by_era": "v17", "stock_variants": "v17", "t1_weak": "v17",
                              "plain_summary": "v12"},
                "heldout18": {"lead_by_era": "v18", "stock_variants": "v18", "t1_weak": "v18",
                              "plain_summary": "v12"},
                "heldout19": {"lead_by_era": "v19", "stock_variants": "v19", "t1_weak": "v19",
                              "plain_summary": "v12"},
                "heldout20": {"lead_by_era": "v20", "stock_variants": "v20", "t1_weak": "v20",
                              "plain_summary": "v12"}}
# heldout19 options: "v19" leads (era_lead19, which looks at the tier for Tier 3 everywhere, for
# Tier 2 Watch List in 2017-2018 and, from 2019, for Tier 2 Watch List upgrades written as
# "achievements"), stock lines (STOCK_VARIANTS19) and Tier 1 line; "plain_summary" "v12" (the
# heldout12 plain-summary modes, era weights and openers, reused unchanged).
# heldout20 options: "v20" leads (era_lead20, which looks at the tier for Tier 3 everywhere and for
# Tier 2 Watch List from 2017), stock lines (STOCK_VARIANTS20) and Tier 1 line; "plain_summary"
# "v12": the heldout12 plain-summary modes, era weights and openers, reused unchanged.
# heldout15 options: "v15" leads (era_lead15, which looks at the tier for Tier 3 everywhere, for
# Tier 1 and Tier 2 Watch List in 2017-2018 and for Tier 2 Watch List from 2019), stock lines
# (STOCK_VARIANTS15) and Tier 1 line; "plain_summary" "v12" (the heldout12 plain-summary modes, era
# weights and openers, reused unchanged).
# heldout16 options: "v16" leads (era_lead16, which looks at the tier for Tier 3 everywhere and, in
# 2017-2018, for Tier 1 and Tier 2 Watch List), stock lines (STOCK_VARIANTS16) and Tier 1 line;
# "plain_summary" "v12" (the heldout12 plain-summary modes, era weights and openers, reused
# unchanged).
# heldout17 options: "v17" leads (era_lead17, which looks at the tier for Tier 3 everywhere and,
# from 2017, for Tier 2 Watch List), stock lines (STOCK_VARIANTS17) and Tier 1 line;
# "plain_summary" "v12" (the heldout12 plain-summary modes, era weights and openers, unchanged).
# heldout18 options: "v18" leads (era_lead18, which looks at the tier for Tier 3 everywhere and for
# Tier 2 Watch List in 2017-2018), stock lines (STOCK_VARIANTS18) and Tier 1 line; "plain_summary"
# "v12": the heldout12 plain-summary modes, era weights and openers, reused unchanged.
# heldout14 options: "v14" leads (era_lead14, which looks at the tier for Tier 3 and, from 2017, for
# Tier 2 Watch List), stock lines (STOCK_VARIANTS14) and Tier 1 line; "plain_summary" "v12" (the
# heldout12 plain-summary modes, era weights and openers, reused unchanged).
# heldout13 options: "v13" leads (era_lead13, which looks at the tier for Tier 3 everywhere and for
# Tier 2 Watch List in 2017-2018), stock lines (STOCK_VARIANTS13) and Tier 1 line; "plain_summary"
# "v12": the heldout12 plain-summary modes and openers, reused unchanged.
# heldout10 options: "v10" leads (era_lead10, which looks at the tier for Tier 3 and, in 2017-2018,
# Tier 1), stock lines (STOCK_VARIANTS10) and Tier 1 line; "plain_summary" "v10": the heldout8 modes
# and era weights, but a lead-free summary may open its first step with a date ("In March 2019,
# ..."), and later plain steps may open with "Additionally," or "Moreover," and the last with
# "Finally," (plain_text10); "weak_open10": the "not done" line sometimes opens "Moreover, ...".
# heldout11 options: "v11" leads (era_lead11, which looks at the tier for Tier 3 and Tier 1), stock
# lines (STOCK_VARIANTS11) and Tier 1 line; "plain_summary" "v11": the heldout8 modes and era
# weights, with plain_text11 (a lead-free summary drops the "also" of its first step and may open
# it with a date; later steps may open with "Additionally," "Furthermore," or "Moreover," and the
# last of several with "Finally,"); "weak_open11": the "not done" line sometimes opens
# "Additionally, ...".
# heldout12 options: "v12" leads (era_lead12, which looks at the tier: Tier 3 everywhere, Tier 1 and
# Tier 2 Watch List from 2017), stock lines (STOCK_VARIANTS12) and Tier 1 line; "plain_summary"
# "v12":
# the heldout8 modes and era weights, a lead-free summary may open its first step with "During the
# year," or a date, and later plain steps with "In addition," / "Furthermore," / "Additionally,",
# the last of several with "Finally," (plain_text12).
# heldout9 options: "v9" leads (era_lead9, which looks at the tier in 2017-2025), stock lines
# (STOCK_VARIANTS9) and Tier 1 line; "plain_summary" "v9": the heldout6 plain-summary modes, and a
# plain sentence that follows other steps may open with "Additionally," or "Moreover," and the last
# of several with "Finally," as the surveyed summaries do.
# heldout8 options: "v8" leads (era_lead8, which also looks at the tier), stock lines
# (STOCK_VARIANTS8) and Tier 1 line; "plain_summary" "v8": the heldout6 plain-summary modes, drawn
# with era weights (lead-free summaries more often in 2008-2016), and a plain sentence that follows
# other steps may open with "In addition," or "Furthermore," as real summaries do.
# heldout7 options: "v7" leads (era_lead7, looking at the tier for Tier 3), stock lines
# (STOCK_VARIANTS7) and Tier 1 line; "plain_summary" as in heldout6, with "plain_also": a summary
# with no lead drops the "also" of its plain step sentences (those read "The government also ..."
# after a lead, as real summaries print them); "weak_open7": the summary's "not done" line
# sometimes opens "Furthermore, the government ...".
# heldout5 options: "lead_by_era" "v5" (era_lead5: leads that also look at the tier); "plain5": a
# done step the summary names may be told as a plain sentence of its own (the bank's F lines)
# instead of a clause behind the lead, and a body whose summary steps are all plain sentences has
# no lead line at all, as many real summaries print them; the "not done" summary line may open
# with "In addition,".
# The summary's three stock lines that a part may word its own way: the Tier 3 line, the
# line on what the government did not meet, and the cooperation clause (STOCK_VARIANTS* below
# give each part's wording, in this order).
STOCK_LINES = (
    "Despite the lack of significant efforts, the government took some steps to address "
    "trafficking.",
    "However, the government did not meet the minimum standards in several key areas.",
    "cooperating with foreign governments on several cases.",
)


def stock_variants(weak: str, not_met: str, cooperation: str) -> dict[str, str]:
    """A part's own wording of the STOCK_LINES, in their order."""
    return dict(zip(STOCK_LINES, (weak, not_met, cooperation), strict=True))


STOCK_VARIANTS = stock_variants(
    "Despite the lack of significant efforts, the government took some steps "
    "to combat trafficking.",
    "However, the government did not meet the minimum standards in some key areas.",
    "working with foreign governments on joint investigations.",
)
# heldout3: a third wording of each stock line, so that none repeats a line of an older part
STOCK_VARIANTS3 = stock_variants(
    "Despite the lack of significant efforts, it took a few steps against "
    "trafficking.",
    "However, in a number of key areas the government fell short of the minimum standards.",
    "assisting foreign counterparts with transnational investigations.",
)
# heldout4: a fourth wording of each stock line
STOCK_VARIANTS4 = stock_variants(
    "Even without significant efforts overall, the government did take some "
    "steps against trafficking.",
    "The government nevertheless fell short of the minimum standards in several key areas.",
    "sharing information with foreign police on cross-border cases.",
)
# heldout5: a fifth wording of each stock line
STOCK_VARIANTS5 = stock_variants(
    "Although its efforts were not significant, the government took a limited "
    "number of steps against trafficking.",
    "Yet in several key areas its efforts remained below the minimum standards.",
    "holding joint operations with the police of neighboring countries.",
)
# heldout7: a seventh wording of each stock line
STOCK_VARIANTS7 = stock_variants(
    "Its efforts were not significant, but the government did take a few "
    "measures against trafficking.",
    "Still, in several important respects the government fell below the minimum standards.",
    "working with neighboring police forces on cross-border cases.",
)
# heldout6: a sixth wording of each stock line (heldout5 is written separately)
STOCK_VARIANTS6 = stock_variants(
    "Although its efforts were not significant overall, the government took a "
    "small number of steps against trafficking.",
    "Even so, the government did not reach the minimum standards in a number of important "
    "areas.",
    "exchanging case information with partner governments.",
)
# heldout10: a tenth wording of each stock line
STOCK_VARIANTS10 = stock_variants(
    "The government's efforts were not significant, though it did take a "
    "handful of steps against trafficking.",
    "All the same, key areas still fell short of the minimum standards.",
    "pursuing cross-border investigations together with police in partner countries.",
)
# heldout11: an eleventh wording of each stock line
STOCK_VARIANTS11 = stock_variants(
    "The government's efforts fell short of significant, but it did act against "
    "trafficking in a few ways.",
    "Even so, shortcomings persisted in several areas covered by the minimum standards.",
    "working on joint investigations with the authorities of other countries.",
)
# heldout12: a twelfth wording of each stock line
STOCK_VARIANTS12 = stock_variants(
    "While its efforts fell short of significant, the government took a limited "
    "set of steps against trafficking.",
    "Despite this, several key areas were still below the minimum standards.",
    "sharing evidence with prosecutors of neighboring countries in cross-border cases.",
)
# heldout14: a fourteenth wording of each stock line
STOCK_VARIANTS14 = stock_variants(
    "The government's efforts were not significant overall, although it took a "
    "small number of concrete measures.",
    "Several key areas nonetheless fell short of the minimum standards.",
    "trading case files with two foreign police forces.",
)
# heldout15: a fifteenth wording of each stock line
STOCK_VARIANTS15 = stock_variants(
    "The government carried out a few anti-trafficking actions, though not enough "
    "to amount to significant efforts.",
    "Even so, the government's performance stayed below the minimum standards in several "
    "key areas.",
    "joining foreign counterparts in investigations that crossed borders.",
)
# heldout16: a sixteenth wording of each stock line
STOCK_VARIANTS16 = stock_variants(
    "Its overall efforts did not amount to significant ones, but the government "
    "acted against trafficking in a handful of areas.",
    "Nevertheless, a number of important areas stayed below the minimum standards.",
    "trading evidence with investigators abroad in transnational cases.",
)
# heldout17: a seventeenth wording of each stock line
STOCK_VARIANTS17 = stock_variants(
    "Its efforts overall fell short of significant, but the government did "
    "carry out a few measures against trafficking.",
    "In several key respects, however, the minimum standards were still not met.",
    "pursuing cases jointly with investigators from neighboring states.",
)
# heldout8: an eighth wording of each stock line
STOCK_VARIANTS8 = stock_variants(
    "Its efforts were not significant, yet the government made a few moves "
    "against trafficking.",
    "Nonetheless, serious gaps against the minimum standards persisted in several areas.",
    "coordinating casework with police forces of neighboring states.",
)
# heldout9: a ninth wording of each stock line
STOCK_VARIANTS9 = stock_variants(
    "Although its overall efforts were not significant, the government did take "
    "a handful of measures.",
    "Important gaps against the minimum standards nevertheless remained.",
    "hosting a regional conference on exploitation.",
)
# heldout13: a thirteenth wording of each stock line
STOCK_VARIANTS13 = stock_variants(
    "Though its efforts were not significant, the government did act against "
    "trafficking in a limited way.",
    "However, what the minimum standards require was not achieved in several key areas.",
    "running joint cases with law enforcement counterparts abroad.",
)
# heldout18: an eighteenth wording of each stock line
STOCK_VARIANTS18 = stock_variants(
    "Its overall efforts were not significant, though the government did take "
    "some limited action.",
    "Even so, in several key areas the government's record stayed below what the minimum "
    "standards require.",
    "working cross-border cases jointly with the authorities of a neighboring state.",
)
# heldout19: a nineteenth wording of each stock line
STOCK_VARIANTS19 = stock_variants(
    "Although the government fell well short of significant efforts, it acted "
    "against trafficking in a few limited ways.",
    "In several key areas, though, the government's work did not reach the minimum "
    "standards.",
    "exchanging intelligence with foreign police on cases that crossed borders.",
)
# heldout20: a twentieth wording of each stock line
STOCK_VARIANTS20 = stock_variants(
    "Although its efforts did not reach the level of significant ones, the "
    "government took a few actions against trafficking.",
    "Yet the minimum standards remained out of reach in several important areas.",
    "investigating cross-border cases together with police from neighboring countries.",
)
# "stock_variants" option -> the part's wording (True: STOCK_VARIANTS, the heldout2 wording)
STOCK_BY_OPTION = {
    "v3": STOCK_VARIANTS3,
    "v4": STOCK_VARIANTS4,
    "v5": STOCK_VARIANTS5,
    "v6": STOCK_VARIANTS6,
    "v7": STOCK_VARIANTS7,
    "v8": STOCK_VARIANTS8,
    "v9": STOCK_VARIANTS9,
    "v10": STOCK_VARIANTS10,
    "v11": STOCK_VARIANTS11,
    "v12": STOCK_VARIANTS12,
    "v13": STOCK_VARIANTS13,
    "v14": STOCK_VARIANTS14,
    "v15": STOCK_VARIANTS15,
    "v16": STOCK_VARIANTS16,
    "v17": STOCK_VARIANTS17,
    "v18": STOCK_VARIANTS18,
    "v19": STOCK_VARIANTS19,
    "v20": STOCK_VARIANTS20,
}
PROFILE_PART = {"tune": "tune", "heldout": "held", "heldout2": "held2", "heldout3": "held3",
                "heldout4": "held4", "heldout5": "held5",
                "heldout6": "held6",
                "heldout7": "held7", "heldout8": "held8",
                "heldout9": "held9", "heldout10": "held10",
                "heldout11": "held11", "heldout12": "held12",
                "heldout13": "held13", "heldout14": "held14", "heldout15": "held15",
                "heldout16": "held16",
                "heldout17": "held17",
                "heldout18": "held18",
                "heldout19": "held19",
                "heldout20": "held20"}
PROFILE_FIELDS = ("part", "C", "CD", "CAP", "R1", "R2", "R3", "LAW", "ART", "UNIT", "BODY",
                  "MINL", "MINS", "NGO", "DEST", "SECT1", "SECT2", "PORT", "CUR")
# Topics that only fit some countries (by profile name), and the first to-year they fit.
FLAGS = {
    "sfl": {"Eskaria", "Grevalia"},
    "csl": {"Gilvador", "Embrel"},
    "fsh": {"Farrowen", "Dunvarra", "Varnesse"},
    "gulf": {"Cendora", "Tarquenia", "Aurevia"},
    "bond": {"Irrenmoor"},
    "scam": {"Hartovia"},
    "cds": {"Maradel", "Coldmarch"},
    "care": {"Lostrena"},
    "quarry": {"Coldmarch"},
    "source": {"Halvenna", "Eskaria", "Kestovar", "Irrenmoor", "Lostrena", "Coldmarch", "Fiorana",
               "Ulmoria", "Maradel", "Hartovia", "Gilvador", "Embrel"},
    # heldout2 profiles
    "sponsor2": {"Velmora", "Almadra"},
    "fleet2": {"Pellucia", "Brannoch"},
    "kiln2": {"Torvanda", "Ostrany"},
    "beg2": {"Sarvenne", "Zerania"},
    "armed2": {"Zerania", "Kalduria"},
    "care2": {"Istrova", "Torvanda"},
    "origin2": {"Ostrany", "Sarvenne", "Torvanda", "Pellucia", "Kalduria", "Istrova"},
    # heldout3 profiles
    "gulf3": {"Quarsiya", "Dhamaris"},
    "origin3": {"Mirovka", "Tesmara", "Hadranu", "Solvanca", "Lisvarra", "Nyambera"},
    "sez3": {"Hadranu", "Tesmara"},
    "trainee3": {"Seravind", "Brevania"},
    "ent3": {"Seravind", "Ardelune", "Quarsiya"},
    "tour3": {"Ardelune", "Nyambera", "Hadranu"},
    "stateless3": {"Ardelune", "Solvanca", "Hadranu", "Dhamaris"},
    "marriage3": {"Solvanca", "Tesmara", "Nyambera", "Lisvarra"},
    "bride3": {"Hadranu", "Tesmara"},
    # heldout4 profiles
    "dest4": {"Varcellis", "Kethrin", "Norvessa", "Soranel"},
    "ranch4": {"Brakkenveld"},
    "mine4": {"Corvasso", "Tamarund", "Bellanca"},
    "fdi4": {"Tamarund", "Dushavar"},
    "indig4": {"Corvasso", "Tamarund", "Bellanca", "Brakkenveld"},
    # heldout5 profiles
    "caste5": {"Adrevane", "Belmoray"},
    "custom5": {"Adrevane", "Belmoray", "Lumarest", "Hollavia", "Gosmara"},
    "gang5": {"Caldessa", "Kerrowan"},
    "statework5": {"Dravonia", "Jastrova"},
    "tourism5": {"Ferrandel", "Caldessa", "Mendravia"},
    "logging5": {"Gosmara", "Mendravia", "Lumarest"},
    "childlab5": {"Lumarest", "Adrevane", "Hollavia", "Caldessa", "Belmoray"},
    "transit5": {"Hollavia", "Lumarest", "Caldessa"},
    # heldout6 profiles
    "dest6": {"Zarkhan", "Quintara"},
    "lodging6": {"Zarkhan", "Quintara", "Rhovanne", "Wendmark"},
    "origin6": {"Umbrava", "Nolvenne", "Vestrova", "Sabrelle", "Oriveth"},
    "cash6": {"Oriveth", "Sabrelle", "Tuvasso"},
    "descent6": {"Sabrelle"},
    "bond6": {"Umbrava"},
    "camp6": {"Nolvenne", "Wendmark", "Vestrova"},
    "gang6": {"Tuvasso", "Pardessa"},
    "placement6": {"Pardessa", "Oriveth", "Sabrelle", "Tuvasso"},
    "penal6": {"Vestrova", "Wendmark", "Umbrava"},
    "sport6": {"Oriveth", "Nolvenne", "Sabrelle", "Pardessa"},
    "season6": {"Rhovanne", "Wendmark", "Vestrova", "Tuvasso"},
    "insp6": {"Wendmark", "Vestrova", "Umbrava", "Nolvenne"},
    "region6": {"Rhovanne", "Umbrava", "Wendmark", "Pardessa", "Oriveth"},
    # heldout7 profiles
    "dest7": {"Isperal", "Kelmaris"},
    "coast7": {"Estravia", "Harrowmere", "Anselmar", "Bravonne"},
    "storm7": {"Harrowmere", "Anselmar", "Estravia"},
    "tour7": {"Anselmar", "Harrowmere", "Estravia", "Cassivel"},
    "foreign7": {"Anselmar", "Harrowmere", "Falcaro", "Jorvanda", "Dornholt", "Estravia"},
    # heldout8 profiles
    "isl8": {"Orlanthe", "Tavirel", "Wyrmont", "Yselder"},
    "camp8": {"Rastovia"},
    "auto8": {"Rastovia"},
    "fed8": {"Nasselle"},
    "corr8": {"Selmarra", "Quillmere"},
    "resort8": {"Tavirel", "Yselder", "Perravo"},
    "aupair8": {"Morvaine", "Wyrmont", "Ulvendra"},
    "permit8": {"Orlanthe", "Tavirel", "Yselder", "Morvaine", "Wyrmont"},
    "childout8": {"Perravo", "Quillmere", "Selmarra", "Ulvendra"},
    "judg8": {"Quillmere", "Nasselle", "Tavirel", "Yselder", "Perravo"},
    # heldout9 profiles
    "port9": {"Elvantia", "Hembrelle", "Alcantry"},
    "armed9": {"Gaskerra"},
    "mine9": {"Gaskerra", "Ibrosia"},
    "export9": {"Jalvenne"},
    "dest9": {"Belvasco", "Corrivane", "Dresmond", "Fennorra", "Korvalis", "Alcantry"},
    "asylum9": {"Belvasco", "Corrivane", "Dresmond", "Fennorra", "Korvalis"},
    # heldout10 profiles
    "armed10": {"Rivoncia", "Urvania"},
    "isl10": {"Pelagrin", "Zelmarin"},
    "exp10": {"Querand", "Teskara"},
    "dest10": {"Sundaval", "Marrowind", "Valdoria", "Ostravel"},
    "narrowlaw10": {"Querand", "Urvania", "Rivoncia"},
    "ent10": {"Valdoria", "Marrowind", "Nerovia", "Sundaval"},
    "border10": {"Nerovia", "Teskara", "Ostravel", "Marrowind"},
    # heldout11 profiles
    "rich11": {"Arvandel", "Elmstrand", "Lornevic"},
    "dest11": {"Arvandel", "Brosmere", "Elmstrand", "Fauvrenne", "Joravik", "Lornevic"},
    "farm11": {"Brosmere", "Fauvrenne", "Joravik"},
    "asylum11": {"Arvandel", "Brosmere", "Elmstrand", "Fauvrenne", "Lornevic"},
    "origin11": {"Calvessa", "Deverin", "Glenmoray", "Hestoria", "Ivorda"},
    "camp11": {"Deverin", "Ivorda"},
    "street11": {"Calvessa", "Glenmoray", "Hestoria"},
    "insurg11": {"Calvessa", "Glenmoray"},
    # heldout12 profiles
    "childlaw12": {"Ombrecia", "Zandovar", "Pastovia"},
    "asylum12": {"Moravesk", "Tolmere", "Vandrelle", "Stravonne"},
    "dest12": {"Moravesk", "Tolmere", "Vandrelle", "Stravonne", "Rellavia"},
    "hreg12": {"Quenmarch", "Ustravin"},
    "origin12": {"Nalvoria", "Ombrecia", "Pastovia", "Quenmarch", "Ustravin", "Zandovar"},
    "tour12": {"Nalvoria", "Pastovia", "Rellavia"},
    "transit12": {"Ombrecia", "Zandovar", "Nalvoria", "Pastovia"},
    "surrog12": {"Quenmarch", "Ustravin", "Rellavia", "Nalvoria"},
    "voc12": {"Quenmarch", "Ustravin", "Nalvoria"},
    "farm12": {"Rellavia", "Vandrelle", "Stravonne", "Pastovia", "Nalvoria"},
    "remote12": {"Ombrecia", "Zandovar", "Nalvoria", "Pastovia", "Ustravin", "Quenmarch"},
    # heldout13 profiles
    "dest13": {"Astrolle", "Eredmark", "Kaskovia", "Lindravel"},
    "origin13": {"Bedravia", "Dolvanto", "Gorsavin", "Imbrasta", "Chesmarin"},
    "beg13": {"Feldvara", "Imbrasta", "Hallowdene"},
    # heldout14 profiles
    "dest14": {"Palvenne", "Quistara", "Sevrania", "Wystrelle"},
    "relschool14": {"Mirelcia", "Oskeria", "Uldemar"},
    "sez14": {"Norvandy", "Rudovia", "Trevassa", "Veskara"},
    "camp14": {"Oskeria", "Palvenne", "Veskara"},
    "origin14": {"Mirelcia", "Norvandy", "Oskeria", "Rudovia", "Trevassa", "Uldemar", "Veskara"},
    # heldout15 profiles
    "origin15": {"Ambrosel", "Castmarra", "Delvonne", "Escallia", "Gravonia", "Hestrava",
                 "Jovellan"},
    "host15": {"Brevoria", "Delvonne", "Fernmoor", "Iskandel"},
    # heldout16 profiles
    "origin16": {"Marvessa", "Nethraine", "Quotarra", "Sorvenna", "Tambrino", "Ustrevo"},
    "dest16": {"Orlavia", "Pennrith", "Rosquel", "Verunda", "Wexmarra"},
    "kiln16": {"Nethraine", "Quotarra", "Sorvenna"},
    # heldout17 profiles
    "nolaw17": {"Ixmorra", "Exbrenna"},
    "haslaw17": {"Uxmaral", "Uxantia", "Ixtaveria", "Ixelund", "Exmoravia", "Exvalda", "Oxmere",
                 "Oxandra", "Oxtovia"},
    "gang17": {"Uxantia", "Ixtaveria", "Oxtovia"},
    "care17": {"Uxmaral", "Exmoravia", "Exbrenna", "Oxandra"},
    "childdom17": {"Exmoravia", "Exbrenna", "Oxandra", "Ixmorra"},
    "origin17": {"Uxmaral", "Uxantia", "Ixtaveria", "Ixmorra", "Exmoravia", "Exbrenna", "Oxandra",
                 "Oxtovia"},
    # heldout18 profiles
    "dest18": {"Zhelvana", "Qvarenne", "Tzarmena", "Dzaravel"},
    "harvest18": {"Dzolvany", "Tzeverin", "Zhamsaray"},
    "trainee18": {"Dzhemira", "Tzolvik"},
    "host18": {"Zhorvast", "Qvarenne"},
    "origin18": {"Dzolvany", "Tzeverin", "Zhamsaray", "Qvellmar"},
    "stateind18": {"Zhorvast", "Tzeverin", "Dzolvany"},
    "bilang18": {"Qvellmar", "Tzolvik", "Zhamsaray"},
    # heldout19 profiles
    "tour19": {"Vrimaro", "Gvelmira", "Bzanquila", "Kvestrela", "Vrennora"},
    "host19": {"Gvonteca", "Vrastelle", "Kvalmaro", "Bzorrento"},
    "export19": {"Gvadora", "Kvirano"},
    # heldout20 profiles
    "descent20": {"Pfaruna", "Mzolani", "Rzunda"},
    "beg20": {"Pfaruna", "Mzavenne", "Rzemora", "Wlokoro"},
    "armed20": {"Mzolani", "Rzavanti", "Wlavessa"},
    "conscript20": {"Pfessaly", "Mzirova"},
    "mine20": {"Rzavanti", "Wlavessa", "Pfendoro", "Rzemora"},
    "origin20": {"Pfendoro", "Mzirova", "Wlokoro", "Pfessaly", "Mzavenne"},
}
# Topic constraints by topic id (both banks): countries it fits, first to-year it fits.
TOPIC_NEEDS = {
    "harvest": "sfl", "conscripts": "sfl", "agecheck": "csl", "demob": "csl",
    "vessels": "fsh", "observers": "fsh", "seafood": "fsh",
    "sponsorship": "gulf", "dwlaw": "gulf", "passports": "gulf", "absconding": "gulf",
    "dwhours": "gulf", "fees": "source,gulf", "agencies": "source,gulf",
    "feeban": "source,gulf", "subagents": "source,gulf", "repat": "source",
    "attaches": "source", "predeparture": "source", "bondedpros": "bond", "bondcomp": "bond",
    "scamlaw": "scam", "scamscreen": "scam", "childfoster": "cds", "carecheck": "care",
    "quarryinsp": "quarry",
    # heldout2 topics
    "visasponsor": "sponsor2", "indicatorsinv": "sponsor2", "fleetinsp": "fleet2",
    "crewpermit": "fleet2", "kilnpros": "kiln2", "kilnregister": "kiln2", "beggingpros": "beg2",
    "beggingreg": "beg2", "childsoldiers": "armed2", "recruitage": "armed2", "orphanage": "care2",
    "consular": "origin2", "recruiterlic": "origin2",
    # heldout3 topics
    "grievance3": "gulf3", "centralrecruit3": "gulf3", "bilateral3": "origin3",
    "screenreturnees3": "origin3", "bridebroker3": "bride3", "sezinsp3": "sez3",
    "trainee3": "trainee3", "visaent3": "ent3", "tourismcode3": "tour3",
    "birthreg3": "stateless3", "childmarriage3": "marriage3",
    # heldout4 topics
    "deposit4": "dest4", "wages4": "dest4", "empreg4": "dest4", "subcontract4": "dest4",
    "arrival4": "dest4", "dwvisits4": "dest4", "cattle4": "ranch4", "mining4": "mine4",
    "fdi4": "fdi4", "langaware4": "indig4",
    # heldout5 topics
    "hereditary5": "caste5", "ngocomplaint5": "caste5", "amicable5": "custom5",
    "gangkids5": "gang5", "civicwork5": "statework5", "rehabwork5": "statework5",
    "seasonal5": "tourism5", "logging5": "logging5", "cashtransfer5": "childlab5",
    "villagecomm5": "childlab5", "schoolage5": "childlab5", "transitctr5": "transit5",
    # heldout6 topics
    "laborcourt6": "dest6", "housinginsp6": "lodging6", "deployban6": "origin6",
    "childlabormon6": "cash6", "descent6": "descent6", "vigilance6": "bond6", "camps6": "camp6",
    "gangscreen6": "gang6", "criadazgo6": "placement6", "prisonlabor6": "penal6",
    "sports6": "sport6", "seasonal6": "season6", "moratorium6": "insp6",
    "regionproto6": "region6",
    # heldout7 topics
    "lenders7": "dest7", "seascreen7": "coast7", "disaster7": "storm7", "hotelstaff7": "tour7",
    "patrols7": "tour7", "foreignprog7": "foreign7",
    # heldout8 topics
    "islands8": "isl8", "campguards8": "camp8", "regionlaw8": "auto8", "statemou8": "fed8",
    "corridor8": "corr8", "resortkids8": "resort8", "aupair8": "aupair8", "permitinfo8": "permit8",
    "childrepat8": "childout8", "magistrate8": "judg8", "corrob8": "judg8",
    "crossborder8": "isl8,judg8", "informalstatus8": "isl8,judg8",
    # heldout9 topics
    "crewpros9": "port9", "portwatch9": "port9", "childrecruit9": "armed9", "minecert9": "mine9",
    "exportprog9": "export9", "livein9": "dest9", "employerban9": "dest9", "reportvisa9": "dest9",
    "students9": "dest9", "integration9": "dest9", "screenasylum9": "asylum9",
    "refugeeinfo9": "asylum9",
    # heldout10 topics
    "soldiercourt10": "armed10", "islandsvc10": "isl10", "export10": "exp10",
    "dwwage10": "dest10", "exitvisa10": "dest10", "malevict10": "narrowlaw10",
    "venues10": "ent10", "hosts10": "border10",
    # heldout11 topics
    "importban11": "rich11", "carecert11": "dest11", "farmcamps11": "farm11",
    "mediators11": "farm11", "brokers11": "farm11", "reception11": "asylum11",
    "ngoaccess11": "asylum11", "irregular11": "asylum11", "returnjobs11": "origin11",
    "conflictreturn11": "camp11", "streetcampaign11": "street11", "overload11": "insurg11",
    # heldout12 topics
    "adults12": "childlaw12", "appealwindow12": "asylum12", "posted12": "dest12",
    "careagency12": "dest12", "gigwork12": "dest12", "residreg12": "hreg12",
    "pilgrim12": "origin12",
    "modeling12": "origin12", "voluntour12": "tour12", "transport12": "transit12",
    "surrogacy12": "surrog12", "interns12": "voc12", "brokers12": "farm12",
    "mobilecourt12": "remote12", "family12": "dest12,asylum12",
    # heldout13 topics
    "alms13": "beg13", "returnchild13": "beg13", "schoolreg13": "beg13",
    "recordabroad13": "origin13", "femalemig13": "origin13", "subagent13": "origin13",
    "foreignaccess13": "dest13", "overstay13": "dest13", "dwlaw13": "dest13", "release13": "dest13",
    # heldout14 topics
    "wagecase14": "dest14", "visactr14": "dest14", "jobchange14": "dest14",
    "begging14": "relschool14", "schoolreg14": "relschool14", "zoneinsp14": "sez14",
    "camplo14": "camp14", "jointteam14": "origin14", "agencyline14": "dest14,origin14",
    # heldout15 topics
    "returnee15": "origin15", "transitctr15": "origin15", "feecap15": "origin15",
    "predep15": "origin15", "arbit15": "origin15", "attache15": "origin15",
    "agencyvet15": "origin15", "bilateral15": "origin15", "migscreen15": "host15",
    # heldout16 topics
    "recruitcrim16": "origin16", "returnee16": "origin16", "feeban16": "origin16",
    "recruitlic16": "origin16", "asylumscreen16": "dest16", "workpermit16": "dest16",
    "kilnreg16": "kiln16",
    # heldout17 topics
    "lawenact17": "nolaw17", "lawdef17": "haslaw17", "finelieu17": "haslaw17",
    "implreg17": "haslaw17", "judgeonly17": "haslaw17", "gangscreen17": "gang17",
    "carecheck17": "care17", "childdom17": "childdom17", "recruiters17": "origin17",
    "departure17": "origin17",
    # heldout18 topics
    "arbit18": "dest18", "passport18": "dest18", "absconding18": "dest18", "nocert18": "dest18",
    "arrivalpack18": "dest18,trainee18", "officialharvest18": "harvest18", "quota18": "harvest18",
    "mobilize18": "harvest18", "traineecase18": "trainee18", "returnees18": "origin18",
    "statecontract18": "host18", "quitban18": "stateind18", "langversion18": "bilang18",
    # heldout19 topics
    "sextourist19": "tour19", "refugeeschool19": "host19", "exportprog19": "export19",
    # heldout20 topics
    "descentpros20": "descent20", "descentdef20": "descent20", "begpros20": "beg20",
    "streetop20": "beg20", "schoolreg20": "beg20", "soldierpros20": "armed20",
    "handover20": "armed20", "servicelimit20": "conscript20", "minecert20": "mine20",
    "bilateral20": "origin20",
}
TOPIC_FIRST = {"osec": 2012, "survivors": 2018, "supply": 2015, "inspectid": 2012,
               "sops": 2008, "nrm": 2008, "research": 2010, "fees": 2012, "scamscreen": 2021,
               "scamlaw": 2021, "survadv": 2018, "procure": 2016, "seafood": 2015,
               "onlinepros": 2012, "onlineads": 2015, "secretariat": 2010, "courtdata": 2009,
               "victimstatus": 2010, "grievance3": 2012, "childrooms3": 2009, "civilseat3": 2010,
               "finvest3": 2008, "sezinsp3": 2010, "bridebroker3": 2008,
               "wages4": 2012, "airline4": 2012, "afterhours4": 2010, "recognize4": 2008,
               "evalplan4": 2010, "health4": 2008,
               "rapporteur5": 2010, "housing5": 2012, "gbv5": 2010, "gangkids5": 2012,
               "mobileteams5": 2008, "ngoidentify5": 2008, "directory5": 2008,
               "lgbti6": 2014, "gangscreen6": 2010, "directory6": 2008, "servicetrack6": 2008,
               "mobile6": 2008, "regionproto6": 2008, "disability6": 2010, "deployban6": 2009,
               "laborcourt6": 2010, "misuse6": 2008,
               "remotetest7": 2008, "survivorinput7": 2014, "scamaware7": 2019,
               "foreignprog7": 2010, "massage7": 2008,
               "digitalnrm8": 2012, "elearn8": 2010, "napgoals8": 2010, "covenants8": 2012,
               "traumastaff8": 2012, "workcrime8": 2010, "remote8": 2008,
               "forensics9": 2010, "reportvisa9": 2012, "preventfund9": 2010,
               "refugeeinfo9": 2015, "mentorship9": 2012, "minecert9": 2012,
               "conflictreturn11": 2016, "importban11": 2010, "evidencerelease11": 2012,
               "carecert11": 2010, "overload11": 2016, "publicreport11": 2008,
               "gigwork12": 2017, "surrogacy12": 2012, "careagency12": 2010, "emergency12": 2010,
               "bankaccess12": 2010, "corporate12": 2008, "posted12": 2008, "interns12": 2010,
               "jobads14": 2012, "nrm14": 2008, "zoneinsp14": 2010, "visactr14": 2012,
               "reopen14": 2009, "jointteam14": 2008,
               "migscreen15": 2016, "status15": 2010, "respteam15": 2012, "lawdata15": 2008,
               "transitctr15": 2008, "corruptsop15": 2010, "predep15": 2008, "arbit15": 2012,
               "ngorep15": 2010,
               "nrm16": 2008, "finance16": 2008, "rapporteur16": 2009, "childrooms16": 2008,
               "publicreport16": 2008,
               "survivors17": 2015, "dataunify17": 2009, "gangscreen17": 2010,
               "sopsadopt18": 2008, "servicepolicy18": 2008, "regioncomm18": 2008,
               "commfund18": 2008, "arrivalpack18": 2010, "traineecase18": 2008,
               "statecontract18": 2008, "hotlinedata18": 2008, "lawdata18": 2008,
               "importban19": 2015, "casedb19": 2009, "remotetest19": 2008, "ngoseats19": 2008,
               "idsop19": 2008, "refugeeschool19": 2010,
               "sopuse20": 2008, "lawdata20": 2008, "handover20": 2010}
# Topics too close to each other to sit in one body (a sentence on one could pass for the
# other): never two of a group as asks, nor one as an ask and another as background.
CONFLICTS = (
    {"sops", "nrm", "screening", "inspectid", "idguide", "referral", "scamscreen"},
    {"fees", "agencies", "feeban", "subagents"},
    {"victimfund", "restitution", "compfund", "bondcomp"},
    {"sponsorship", "dwlaw", "absconding", "dwhours"},
    {"lawforms", "childsex", "nomovement", "fines", "penalties"},
    {"committee", "leadagency"},
    {"demand", "supply", "procure", "buyers", "seafood"},
    {"hotline", "awareness", "helpline", "predeparture"},
    # heldout2 topics
    {"kilnpros", "kilnregister"}, {"beggingpros", "beggingreg"}, {"childsoldiers", "recruitage"},
    {"fleetinsp", "crewpermit"}, {"migrantscreen", "nonpunish", "guardians"},
    {"shelterbudget", "reintegration"}, {"napfund", "secretariat", "localcomm"},
    {"lessercharges", "judgecurr"}, {"laborreferral", "indicatorsinv", "agriinsp"},
    {"onlinepros", "extraterr"}, {"recruiterlic", "onlineads"},
    # heldout3 topics
    {"adultsop3", "screenreturnees3", "vicescreen3"}, {"shelterstd3", "ngolaw3", "shelteraudit3"},
    {"recruitcrim3", "centralrecruit3", "trainee3"}, {"childrooms3", "familyassess3"},
    # heldout4 topics
    {"deposit4", "wages4"}, {"streetkids4", "markets4", "begging4"}, {"transit4", "airline4"},
    {"lawcenters4", "reopen4"}, {"empreg4", "subcontract4"}, {"dwpros4", "dwvisits4"},
    {"cattle4", "mining4", "fdi4"}, {"afterhours4", "socstaff4"}, {"courtjur4", "sentguide4"},
    {"dipdw4", "dwvisits4", "dwpros4"}, {"sexoff4", "airline4"},
    # heldout5 topics
    {"specialcourts5", "backlog5"}, {"serve5", "extradite5", "backlog5"},
    {"unitstaff5", "autorefer5"}, {"amicable5", "ngocomplaint5"},
    {"mobileteams5", "ngoidentify5"}, {"transitctr5", "gangkids5"},
    {"gbv5", "localoffice5", "directory5"}, {"malecoord5", "longstay5", "housing5"},
    {"sheltoversight5", "longstay5"}, {"assistfund5", "housing5"}, {"civicwork5", "rehabwork5"},
    {"cashtransfer5", "schoolage5", "villagecomm5"}, {"informal5", "unions5"},
    {"logging5", "seasonal5"},
    # heldout6 topics
    {"specialcourt6", "settle6", "descent6"}, {"camps6", "mobile6", "gangscreen6"},
    {"criadazgo6", "childlabormon6", "schooling6"}, {"moratorium6", "housinginsp6", "seasonal6"},
    {"laborcourt6", "seasonal6"}, {"deployban6", "seasonal6"},
    {"directory6", "servicetrack6", "regionproto6"}, {"iddocs6", "schooling6"},
    {"faith6", "descent6"}, {"focal6", "mobile6"},
    # heldout7 topics
    {"twolaws7", "penalcode7", "internal7"}, {"appealtech7", "magistrate7"},
    {"cautionrule7", "remotetest7"}, {"remotetest7", "vwso7"},
    {"refurbshelter7", "shelterguide7", "traumatrain7"}, {"caseworker7", "vwso7"},
    {"permitfees7", "tempstatus7"}, {"massage7", "patrols7"}, {"hotelstaff7", "patrols7"},
    {"pmoffice7", "staffcontinuity7", "survivorinput7"},
    {"seascreen7", "disaster7", "foreignprog7"},
    {"policeref7", "ngoreports7", "hotlinefollow7"}, {"criminalcomp7", "vwso7"},
    {"scamaware7", "lenders7"}, {"domesticlaw7", "lenders7"},
    # heldout8 topics
    {"corrob8", "remote8", "evidence8"}, {"magistrate8", "remote8"},
    {"shelteropen8", "premises8", "multiyear8", "traumastaff8"}, {"depart8", "informalstatus8"},
    {"assistministry8", "statemou8", "digitalnrm8"}, {"coordinator8", "ambassador8", "napgoals8"},
    {"workcrime8", "covenants8"}, {"permitinfo8", "aupair8"}, {"recruits8", "elearn8"},
    {"crossborder8", "childcode8"}, {"islands8", "regionlaw8"}, {"dvscreen8", "digitalnrm8"},
    # heldout9 topics
    {"domesticcases9", "ownnationals9"}, {"crewpros9", "portwatch9"},
    {"appealsusp9", "releasenotice9"}, {"employerban9", "reportvisa9"},
    {"compforeign9", "assetfund9"}, {"labexploit9", "purpose9"},
    {"screenasylum9", "refugeeinfo9"}, {"integration9", "abroadvictims9"},
    # heldout10 topics
    {"cyberpatrol10", "platforms10"}, {"assetfund10", "enforceorder10", "compforeign10"},
    {"permres10", "exitvisa10", "statusdeadline10"}, {"nationals10", "asylumscreen10"},
    {"registry10", "employerguide10"}, {"foster10", "childcase10"},
    {"appealsent10", "plea10"}, {"detainwit10", "civilparty10"}, {"prevfund10", "ngosurvey10"},
    # heldout11 topics
    {"sentdata11", "provdata11", "protdata11"}, {"farmcamps11", "mediators11", "brokers11"},
    {"labprosecute11", "adminfirst11"}, {"irregular11", "ngoaccess11", "reception11"},
    {"victimwitness11", "courttravel11"}, {"evidencerelease11", "raidplan11"},
    {"localfunds11", "localplans11", "projmonitor11"}, {"projmonitor11", "ngomou11"},
    {"workpermit11", "carecert11"}, {"judicialplan11", "overload11", "unitbudget11"},
    {"streetcampaign11", "childdetain11"}, {"unannounced11", "brokers11"},
    {"campaignfund11", "mediators11", "publicreport11"},
    # heldout12 topics
    {"whistle12", "anticorr12", "officialcode12"}, {"labauth12", "customs12", "brokers12"},
    {"statusconds12", "asstcrime12", "family12"}, {"childnotify12", "minorpresume12",
    "childhouse12"},
    {"ngoaccess12", "ngoaccord12", "homelessscreen12"}, {"posted12", "gigwork12", "customs12"},
    {"careagency12", "disqualify12", "modeling12", "pilgrim12"}, {"interns12", "residreg12"},
    {"emergency12", "childnotify12"}, {"corporate12", "brokers12"},
    # heldout13 topics
    {"dismissed13", "overlap13", "finesonly13"}, {"alms13", "returnchild13", "schoolreg13"},
    {"fastcourt13", "specpros13"}, {"recordabroad13", "videostatement13"},
    {"foreignaccess13", "interpreters13", "overstay13"}, {"reintegplan13", "homevisit13",
    "survivorgrant13", "maleshelter13"}, {"detainscreen13", "borderchild13"},
    {"overstay13", "release13", "dwlaw13"}, {"femalemig13", "subagent13"},
    {"secretariat13", "budgetline13", "reportleg13", "casedb13"}, {"complicit13", "unitstatus13"},
    {"mobileteam13", "unitstatus13"},
    # heldout14 topics
    {"fastcourt14", "specpros14", "reopen14"}, {"childforce14", "penparity14"},
    {"mobileteam14", "wagecase14", "zoneinsp14"}, {"begging14", "schoolreg14", "streetkid14"},
    {"maleid14", "sheltermove14"}, {"prisonscreen14", "camplo14", "nrm14"},
    {"foreignben14", "nocase14"}, {"compfund14", "ngogrant14", "budget14"},
    {"localcomm14", "secretariat14", "natpolicy14", "budget14"},
    {"visactr14", "jobchange14", "agencyline14", "wagecase14"}, {"jobads14", "agencyline14"},
    {"jointteam14", "officercharge14"},
    # heldout15 topics
    {"tribunal15", "prosoffice15"}, {"settle15", "suspend15"}, {"undercover15", "reimburse15"},
    {"immig15", "arbit15"}, {"settle15", "arbit15"}, {"ngorep15", "status15", "custody15"},
    {"returnee15", "transitctr15", "migscreen15"}, {"regional15", "reinteg15"},
    {"feecap15", "agencyvet15", "predep15"}, {"feecap15", "bilateral15", "attache15"},
    {"leadagency15", "napfund15"}, {"regs15", "victimfund15"}, {"lawdata15", "study15"},
    # heldout16 topics
    {"finesalt16", "suspended16", "childforce16"}, {"suspended16", "specialcourt16"},
    {"laborreferral16", "unannounced16", "kilnreg16"},
    {"recruitcrim16", "feeban16", "recruitlic16"},
    {"nrm16", "commsex16", "asylumscreen16"}, {"commsex16", "nonliability16"},
    {"shelterfree16", "maleshelter16", "ngofund16"}, {"nap16", "coordbudget16"},
    {"coordbudget16", "publicreport16", "rapporteur16"},
    # heldout17 topics
    {"lawenact17", "lawdef17", "finelieu17", "implreg17", "judgeonly17"},
    {"adminpen17", "laborinsp17"}, {"nap17", "bodyfund17", "annualrep17"},
    {"nrm17", "identauth17"}, {"ngofund17", "provcentre17", "maleshelter17", "victimfund17"},
    {"specpros17", "dataunify17"}, {"childdom17", "carecheck17"}, {"recruiters17", "departure17"},
    {"migrantscreen17", "residency17"}, {"exitcheck17", "borderpol17"},
    # heldout18 topics
    {"arbit18", "passport18"}, {"quota18", "mobilize18", "officialharvest18"},
    {"prosunit18", "tipcourt18"}, {"lawdata18", "hotlinedata18"},
    {"victimstatus18", "servicepolicy18", "ionfund18"},
    {"sopsadopt18", "raidscreen18", "childvictim18"}, {"maleshelter18", "shelteradmit18"},
    {"commfund18", "regioncomm18"}, {"nocert18", "absconding18"},
    {"arrivalpack18", "hotlinedata18"},
    # heldout19 topics
    {"maleshelter19", "longcare19"}, {"ngofund19", "victimfund19"},
    {"migscreen19", "idsop19", "residence19"}, {"idsop19", "childmou19"},
    {"laborcrime19", "inspectors19"}, {"secretariat19", "ngoseats19"}, {"nap19", "secretariat19"},
    {"specpros19", "unitstaff19"},
    # heldout20 topics
    {"descentpros20", "descentdef20"}, {"lessercharge20", "sexpenalty20", "suspended20"},
    {"adultid20", "sopuse20"}, {"overnight20", "adultshelter20", "ngofund20", "womenmove20"},
    {"migscreen20", "nonpunish20"}, {"begpros20", "streetop20", "schoolreg20"},
    {"soldierpros20", "handover20"}, {"commfund20", "commcreate20", "napadopt20"},
    {"recruitreg20", "bilateral20"}, {"minecert20", "inspectpen20"},
    {"smuggletrain20", "lessercharge20"},
)
# Filler sentences that would say something about an ask's topic: skipped in a body where
# that topic is asked (a filler must never decide, or contradict, a label).
FILLER_SKIP = {
    "hotline": ("hotline", "emergency number"), "helpline": ("hotline", "emergency number"),
    "inspectors": ("labor inspections", "inspections and found"),
    "quarryinsp": ("labor inspections", "inspections and found"),
    "inspectid": ("labor inspections", "inspections and found"),
    "nap": ("national action plan", "strategy"), "planheld": ("national action plan", "strategy"),
    "diplomats": ("diplomat",), "demand": ("demand for commercial sex", "curb demand"),
    "buyers": ("demand for commercial sex", "curb demand"),
    "committee": ("coordinated the government", "brought together"),
    "leadagency": ("coordinated the government", "brought together"),
    "legalaid": ("legal aid", "legal assistance"), "ngofund": ("to NGOs for victim assistance",),
    "ledata": ("did not report how many", "did not say how many", "was not reported"),
    "annualrep": ("did not report how many", "did not say how many", "was not reported"),
    "casesys": ("did not report how many", "did not say how many", "was not reported"),
    "unit": ("Limited resources", "little equipment"),
    "awareness": ("leaflets", "world day", "safe migration", "migrating", "unsafe migration",
                  "irregular migration"),
    "predeparture": ("leaflets", "safe migration", "migrating", "unsafe migration"),
    "vwt": ("victim testimony", "police interviews", "presence of a social worker"),
    "maleshelter": ("shelters for women and children",),
    "sheltercap": ("shelters that housed", "waited weeks"), "judges": ("course on financial",),
    "permits": ("returned", "went home"), "reflection": ("returned", "went home"),
    "restitution": ("civil suits", "civil claim"), "victimfund": ("civil suits", "civil claim"),
    "compfund": ("civil suits", "civil claim"),
    "fees": ("recruitment agencies", "Recruitment agencies"),
    "agencies": ("recruitment agencies", "Recruitment agencies"),
    "feeban": ("recruitment agencies", "Recruitment agencies"),
    "subagents": ("recruitment agencies", "Recruitment agencies"),
    "supply": ("public procurement", "government purchasing"),
    "procure": ("public procurement", "government purchasing"),
    "sponsorship": ("contract",), "dwlaw": ("contract",), "dwhours": ("contract",),
    "childcare": ("day center", "drop-in center"), "childfoster": ("day center", "drop-in center"),
    "osec": ("day center", "drop-in center"),
    "sops": ("during raids", "during police operations"),
    "idguide": ("during raids", "during police operations"),
    "screening": ("during raids", "during police operations"),
    # heldout2 topics (fillers_held2.txt)
    "courtdata": ("how many",),
    "witnessprot": ("testif", "questioned child", "trials often"),
    "guardians": ("questioned child", "child victims"),
    "victimstatus": ("Victims could receive", "residence permit", "while their cases"),
    "reintegration": ("Victims could receive",),
    "shelterbudget": ("shelter",),
    "crewpermit": ("residence permit", "documents"),
    "visasponsor": ("documents", "labor migration agreement"),
    "indicatorsinv": ("documents",),
    "recruiterlic": ("labor migration agreement", "well-paid work", "migrate for work"),
    "consular": ("diplomatic", "labor migration agreement", "migrate for work"),
    "onlineads": ("well-paid work", "migrate for work"),
    "agriinsp": ("labor inspections",), "fleetinsp": ("labor inspections",),
    "laborreferral": ("labor inspections",),
    "kilnregister": ("labor inspections", "debts"), "kilnpros": ("debts",),
    "napfund": ("met {N}", "annual report"), "secretariat": ("met {N}", "annual report"),
    "localcomm": ("met {N}",),
    "beggingpros": ("street vending",), "beggingreg": ("street vending",),
    "migrantscreen": ("police operations",),
    "judgecurr": ("officials from several ministries",),
    # heldout3 topics (fillers_held3.txt)
    "immbribe3": ("complicity", "Corruption"), "wiretap3": ("relied heavily",),
    "ngolaw3": ("victim assistance",),
    "victimwork3": ("residence permits",), "familyassess3": ("re-exploited",),
    "grievance3": ("hotline",), "sezinsp3": ("labor inspections",), "schoolcurr3": ("schools",),
    "regionunit3": ("task forces",), "civilseat3": ("{BODY}",),
    "screenreturnees3": ("repatriation",), "vicescreen3": ("brothels",),
    "trialdelay3": ("earlier years", "acquittals"), "blacklist3": ("public tenders",),
    # heldout4 topics (fillers_held4.txt)
    "courtjur4": ("prison terms", "workshop"),
    "begging4": ("Children identified", "sell drugs"),
    "bail4": ("prison terms", "still before the courts"),
    "tenure4": ("The {UNIT} had", "donor-funded course"),
    "sentguide4": ("prison terms", "workshop", "Acquittals"),
    "dwpros4": ("private homes", "Debts owed", "wage theft"),
    "smuggling4": ("Migrants traveling", "trained {N2} officials", "workshop"),
    "leak4": ("Corruption", "complicity", "operations at bars", "low-level officials"),
    "lawcenters4": ("crisis centers", "waited weeks", "medical care"),
    "reopen4": ("crisis centers", "waited weeks", "Children identified"),
    "allowance4": ("small grants", "waited weeks", "gave {AMT} to NGOs"),
    "afterhours4": ("waited weeks", "referred {N2} victims to care"),
    "recognize4": ("waited weeks",),
    "health4": ("medical care",),
    "streetkids4": ("Children identified", "Children are exploited", "sell drugs"),
    "markets4": ("Children identified", "Children are exploited"),
    "transit4": ("Migrants traveling",),
    "socstaff4": ("waited weeks", "did not say how many victims"),
    "privacy4": ("behind a screen", "social media"),
    "falsecharge4": ("punished", "stopped cooperating"),
    "deposit4": ("wage theft", "Debts owed", "memorandum"),
    "wages4": ("wage theft", "Debts owed"),
    "empreg4": ("recruitment agencies", "inspections but", "Debts owed"),
    "subcontract4": ("recruitment agencies", "memorandum", "Debts owed"),
    "arrival4": ("hotline", "Migrants traveling"),
    "dwvisits4": ("private homes", "inspections but"),
    "evalplan4": ("action plan", "published a report", "research", "met {N} times"),
    "cattle4": ("inspections but", "forced labor in {SECT1}"),
    "mining4": ("inspections but", "forced labor in {SECT1}"),
    "fdi4": ("inspections but", "retention of their documents", "forced labor in {SECT1}"),
    "langaware4": ("campaign", "radio", "sessions for pupils"),
    "airline4": ("trained {N2} officials", "Migrants traveling"),
    "sexoff4": ("Children are exploited",),
    "dipdw4": ("private homes", "Staff of the foreign ministry"),
    "ratify4": ("UN TIP Protocol",),
    # heldout5 topics (fillers_held5.txt)
    "serve5": ("prison terms", "convictions", "sentences"),
    "backlog5": ("earlier years", "two years", "acquitted"),
    "specialcourts5": ("Judges", "verdict"),
    "autorefer5": ("Prosecutors", "handled as"),
    "unitstaff5": ("vehicles", "police officers and prosecutors"),
    "extradite5": ("foreign countries", "foreign government"),
    "amicable5": ("civil suits", "reluctant to testify"),
    "ngocomplaint5": ("civil suits", "reluctant to testify"),
    "gangkids5": ("detained",),
    "malecoord5": ("women and girls exploited",),
    "sheltoversight5": ("Shelter staff",),
    "ngoidentify5": ("NGOs identified",),
    "mobileteams5": ("NGOs identified", "foreign donors"),
    "longstay5": ("Shelter staff", "stayed"),
    "assistfund5": ("medical care", "foreign donors"),
    "transitctr5": ("detained",),
    "housing5": ("follow-up support",),
    "localoffice5": ("outside {CAP}", "hotline"),
    "directory5": ("referred",),
    "rapporteur5": ("lack of data", "measure"),
    "cashtransfer5": ("parents send",),
    "logging5": ("labor inspectorate", "forced labor in {SECT1}"),
    "informal5": ("labor violations",),
    "unions5": ("labor inspectorate",),
    "seasonal5": ("bars and hotels",),
    "borderkids5": ("Migrants traveling", "bus stations"),
    "villagecomm5": ("parents send",),
    "schoolage5": ("schools",),
    # heldout6 topics (fillers_held6.txt)
    "iddocs6": ("identity documents",),
    "schooling6": ("vocational training", "schools"),
    "lgbti6": ("trained {N2} police officers",),
    "misuse6": ("did not separate", "immigration violations"),
    "regionproto6": ("varied from one district",),
    "directory6": ("varied from one district",),
    "servicetrack6": ("received medical care", "assisted {N2} victims"),
    "deployban6": ("recruitment agencies", "memorandum"),
    "seasonal6": ("recruitment agencies", "memorandum", "Workers in {SECT2}"),
    "disability6": ("hotline", "leaflets", "awareness campaigns"),
    "criadazgo6": ("Children from poor families", "relatives or neighbors"),
    "childlabormon6": ("Children from poor families", "forced labor."),
    "employers6": ("arrested its manager", "workers in {SECT2}", "demand for forced labor",
                   "hold men and boys"),
    "focal6": ("most of them based", "regional police"),
    "mobile6": ("limited vehicles", "outside the capital"),
    "specialcourt6": ("average trial", "begun in earlier years", "still before the courts",
                      "investigation stage"),
    "settle6": ("withdrew their statements", "civil suits"),
    "faith6": ("awareness campaigns", "international day"),
    "peacekeep6": ("diplomats",),
    "prisonlabor6": ("demand for forced labor",),
    "counsel6": ("Shelters offered",),
    "housing6": ("were often full", "small grants"),
    "laborcourt6": ("civil suits",),
    "camps6": ("Migrants from neighboring countries",),
    "gangscreen6": ("detained victims",),
    "coercion6": ("trained {N2} police officers", "did not understand the elements",
                  "confused trafficking"),
    "extradite6": ("Joint cases",),
    # heldout7 topics (fillers_held7.txt)
    "remotetest7": ("foreign witnesses",), "magistrate7": ("adjournments",),
    "appealtech7": ("adjournments", "convicted"), "disaster7": ("fined for immigration",
                                                                 "Migrants transiting"),
    "seascreen7": ("fined for immigration", "Migrants transiting"),
    "tempstatus7": ("reflection period",), "permitfees7": ("reflection period",),
    "caseworker7": ("Services open to victims", "placed them"),
    "foreignprog7": ("labor inspections", "Migrant workers"),
    "pmoffice7": ("convened",), "staffcontinuity7": ("convened",),
    "survivorinput7": ("national action plan",), "lenders7": ("debt", "Migrant workers"),
    "scamaware7": ("social media", "safe migration"), "domesticlaw7": ("domestic work",),
    "massage7": ("commercial sex",), "refurbshelter7": ("allocated",),
    "hotlinefollow7": ("published statistics",), "policeref7": ("police academy", "tipped off"),
    "ngoreports7": ("tipped off",), "patrols7": ("bars in",), "hotelstaff7": ("bars in",),
    # heldout8 topics (fillers_held8.txt)
    "multiyear8": ("reimbursed in part", "foreign donors", "some state money",
                   "Spending on victim services"),
    "premises8": ("reimbursed in part", "rented flats", "at capacity"),
    "shelteropen8": ("general shelters", "at capacity", "rented flats"),
    "childrepat8": ("came home",),
    "depart8": ("came home", "kept some victims from talking", "went back to their families"),
    "dvscreen8": ("general shelters", "children's hotline"),
    "traumastaff8": ("distressed some victims", "little beyond a bed"),
    "permitinfo8": ("rights of employees", "Recruiters must be licensed"),
    "corridor8": ("migrating safely", "heard talks"),
    "napgoals8": ("yearly report", "minutes"),
    "coordinator8": ("met {N} times", "enough staff"),
    "workcrime8": ("inspected {N2} workplaces",),
    "covenants8": ("study of forced labor",),
    "elearn8": ("seminar",), "recruits8": ("seminar",),
    "ambassador8": ("regional meetings", "worked jointly with foreign police"),
    "evidence8": ("took back their accounts", "kept some victims from talking", "seminar"),
    "corrob8": ("took back their accounts", "not always understood"),
    "remote8": ("testifying victim", "repeated interviews"),
    "campguards8": ("complicity",),
    "archive8": ("complicity", "first hearing"),
    "magistrate8": ("testifying victim", "first hearing"),
    "liaison8": ("four languages",),
    "informalstatus8": ("without papers",),
    "resortkids8": ("girls are sold",),
    # heldout9 topics (fillers_held9.txt)
    "mlat9": ("extradited", "foreign police liaison"),
    "pretrial9": ("trials from earlier years", "slow criminal cases", "acquitted"),
    "domesticcases9": ("move from villages",),
    "ownnationals9": ("move from villages", "list of indicators"),
    "screenasylum9": ("list of indicators",),
    "students9": ("job placement firms", "heavy fees"),
    "assetfund9": ("allocated", "State money"),
    "preventfund9": ("allocated", "awareness events", "State money"),
    "schoolcounsel9": ("in schools",), "forensics9": ("reluctance to testify",),
    "refugeeinfo9": ("awareness events",),
    "legalaid9": ("testify behind a screen",), "releasenotice9": ("testify behind a screen",),
    "integration9": ("allowed to stay",), "reportvisa9": ("allowed to stay",),
    "employerban9": ("job placement firms",),
    # heldout10 topics (fillers_held10.txt)
    "appealsent10": ("prison terms", "sentenced a man"),
    "plea10": ("prison terms", "sentenced a man"),
    "detainwit10": ("punished victims", "witnesses did not appear"),
    "civilparty10": ("witnesses did not appear",),
    "cyberpatrol10": ("social media",), "platforms10": ("social media", "deceptive job offers"),
    "exitvisa10": ("Migrant workers in", "confiscation of their identity documents"),
    "dwwage10": ("private homes",),
    "prevfund10": ("budget line", "gave {AMT} to NGOs", "modest budget"),
    "ngosurvey10": ("{NGO} reported assisting", "did not report how many",
                    "did not break its figures", "annual report"),
    "registry10": ("labor inspections", "labor inspectors"),
    "employerguide10": ("labor inspections", "labor inspectors", "Recruitment agencies"),
    "mentor10": ("job training",), "foster10": ("social workers", "child victims"),
    "childcase10": ("social workers", "child victims"),
    "statusdeadline10": ("reflection period",), "permres10": ("Repatriation of victims",),
    "compforeign10": ("Repatriation of victims",), "assetfund10": ("gave {AMT} to NGOs",),
    "nationals10": ("Of the identified victims", "relatives or acquaintances"),
    "asylumscreen10": ("list of indicators",),
    "export10": ("false offers of work abroad", "Recruitment agencies"),
    "malevict10": ("Men from {DEST}",), "venues10": ("commercial sex in {CAP}",
                                                     "women exploited in commercial sex"),
    "mla10": ("worked with police from {DEST}",),
    "journalists10": ("radio campaign",), "banks10": (), "hosts10": (), "immig10": (),
    "soldiercourt10": (), "islandsvc10": ("outside",), "enforceorder10": (),
    # heldout11 topics (fillers_held11.txt)
    "overload11": ("from arrest to verdict",), "judicialplan11": ("from arrest to verdict",),
    "conflictreturn11": ("identified as victims in other countries",),
    "irregular11": ("reflection period",),
    "projmonitor11": ("gave {AMT} to NGOs", "part of its costs"),
    "localfunds11": ("gave {AMT} to NGOs",), "victimwitness11": ("testify behind a screen",),
    "courttravel11": ("testify behind a screen",),
    "streetcampaign11": ("selling goods on the roadside", "state care homes"),
    "brokers11": ("Recruitment agencies need a license",),
    "carecert11": ("Recruitment agencies need a license", "private homes"),
    "localplans11": ("national action plan",), "returnjobs11": ("false job offers abroad",),
    "raidplan11": ("bars and nightclubs",), "workpermit11": ("Foreign nationals from",),
    "publicreport11": (), "sentdata11": (), "provdata11": (), "protdata11": (),
    "campaignfund11": ("awareness events", "leaflets", "campaigns warning",
    "campaigns aimed at buyers"),
    # heldout12 topics (fillers_held12.txt)
    "whistle12": ("complicity", "Corruption", "bribes"),
    "anticorr12": ("complicity", "Corruption", "bribes"),
    "labauth12": ("inspected {N2} workplaces",),
    "customs12": ("inspected {N2} workplaces", "too few inspectors"),
    "liaison12": ("forces in {DEST}", "extradited"),
    "mobilecourt12": ("several years to reach a verdict", "Cases outside {CAP}"),
    "ngoaccess12": ("immigration offenses",),
    "statusconds12": ("shelters that accepted", "Shelters were often full",
                      "renewable permit"),
    "minorpresume12": ("protects victims from punishment",),
    "asstcrime12": ("Victims could get medical care",),
    "emergency12": ("hotline",),
    "family12": ("return home", "renewable permit"),
    "posted12": ("inspected {N2} workplaces", "too few inspectors"),
    "gigwork12": ("inspected {N2} workplaces", "too few inspectors"),
    "careagency12": ("recruitment agency licenses",),
    "disqualify12": ("recruitment agency licenses",),
    "modeling12": ("recruitment agency licenses", "false job offers"),
    "pilgrim12": ("recruitment agency licenses",),
    "ngoaccord12": ("Coordination between ministries",),
    "officialcode12": ("demand for commercial sex", "buyers"),
    "childhouse12": ("waited several days",),
    # heldout13 topics (fillers_held13.txt)
    "dismissed13": ("still at trial", "Appeal courts"),
    "overlap13": ("Some judges were unfamiliar",),
    "finesonly13": ("prison terms of three",), "fastcourt13": ("trials lasted", "still at trial"),
    "specpros13": ("police officers and judges",), "complicit13": (),
    "mobileteam13": ("Labor inspectors carried out", "exploited by labor brokers"),
    "recordabroad13": ("repatriated from",), "unitstatus13": ("too few vehicles", "{UNIT} handled"),
    "foreignaccess13": ("not required to cooperate", "temporary residence permit"),
    "interpreters13": ("several local languages",), "overstay13": ("temporary residence permit",),
    "reintegplan13": (), "homevisit13": (), "survivorgrant13": (),
    "maleshelter13": ("Shelters for women and children",),
    "detainscreen13": ("not to be punished",),
    "returnchild13": ("state care homes", "city relatives"),
    "videostatement13": ("from behind a screen", "relied heavily on victims"),
    "secretariat13": ("gave {AMT}", "Funding for shelters"),
    "budgetline13": ("gave {AMT}", "Funding for shelters"),
    "reportleg13": ("yearly account", "No figure was given", "did not break down"),
    "casedb13": ("No figure was given", "did not break down"),
    "dwlaw13": (), "release13": ("identity documents",), "femalemig13": ("work abroad",),
    "subagent13": ("Recruiters must hold", "fair recruitment"), "alms13": (),
    "schoolreg13": (), "borderchild13": ("Victims pass through",),
    # heldout14 topics (fillers_held14.txt)
    "fastcourt14": ("waiting for a verdict", "kept on paper"),
    "specpros14": ("Prosecutors dropped",),
    "mobileteam14": ("had {N2} officers and offices",),
    "wagecase14": ("wages withheld", "visits to workplaces"),
    "zoneinsp14": ("visits to workplaces",),
    "maleid14": ("adult women",),
    "ngogrant14": ("partial government funding",),
    "agencyline14": ("recruitment agencies",),
    "visactr14": ("labor cooperation memorandum",),
    "jobads14": ("messaging apps",),
    "prisonscreen14": ("protects victims from prosecution",),
    "natpolicy14": ("annual summary",),
    "begging14": ("begging",), "streetkid14": ("begging",),
    "compfund14": ("civil claims",),
    # heldout15 topics (fillers_held15.txt)
    "tribunal15": ("still before the courts",), "immig15": ("migrant smuggling",),
    "corruptsop15": ("complicity",), "reimburse15": ("vehicles and fuel",),
    "lawdata15": ("did not break them down",), "regional15": ("shelters", "Shelters"),
    "victimfund15": ("provided {AMT}",), "respteam15": ("legal aid", "Psychological care"),
    "reinteg15": ("reintegration",), "returnee15": ("penalized",), "migscreen15": ("penalized",),
    "feecap15": ("recruitment agencies", "high fees"),
    "agencyvet15": ("recruitment agencies", "unlicensed recruiters"),
    "leadagency15": ("meetings over the year",), "predep15": ("recruitment agencies",),
    # heldout16 topics (fillers_held16.txt)
    "implrules16": ("police academy",), "finesalt16": ("Sentences ranged",),
    "suspended16": ("Sentences ranged",), "statute16": ("earlier years", "dating from"),
    "specialcourt16": ("Trials took",), "childforce16": ("pimping",), "complicit16": (),
    "finance16": (), "laborreferral16": ("labor authorities", "labor disputes"),
    "recruitcrim16": ("recruitment agencies", "owed to recruiters"),
    "unannounced16": ("labor authorities",),
    "kilnreg16": ("labor authorities", "owed to recruiters"),
    "feeban16": ("recruitment agencies", "owed to recruiters"),
    "recruitlic16": ("recruitment agencies",), "workpermit16": ("labor authorities",),
    "nrm16": ("sending {N2} victims", "did not count"), "commsex16": ("commercial sex",),
    "shelterfree16": ("shelters",), "maleshelter16": ("shelters", "Women and girls made up"),
    "ngofund16": ("shelters",), "asylumscreen16": ("foreigner recognized",),
    "legalrep16": ("information on their rights", "civil claims"), "childrooms16": (),
    "nonliability16": ("commit crimes",), "returnee16": ("go back to work",),
    "nap16": ("gathered {N} times", "budget line"),
    "coordbudget16": ("gathered {N} times", "budget line"),
    "publicreport16": ("did not report", "did not break down"),
    "rapporteur16": ("gathered {N} times",),
    "childmarriage16": (),
    # heldout17 topics (fillers_held17.txt)
    "judgeonly17": ("Trials frequently stalled",),
    "dataunify17": ("did not say how many",),
    "borderpol17": ("main crossing points",),
    "ngofund17": ("reported looking after",),
    "maleshelter17": ("shelter for women and girls",),
    "provcentre17": ("shelter for women and girls",),
    "childdom17": ("sending children to work",),
    "exitcheck17": ("main crossing points",),
    "departure17": ("false job offers", "regional meetings on migration"),
    "recruiters17": ("false job offers",),
    "residency17": ("who went home",),
    "complicit17": (),
    # heldout18 topics (fillers_held18.txt)
    "recruitcrime18": ("licenses of", "licensing system"),
    "suspend18": ("Prison terms handed down",),
    "lawdata18": ("concerned forced labor", "had been exploited in", "related articles",
                  "Prison terms handed down"),
    "childvictim18": ("were children",),
    "regioncomm18": ("regional meetings",),
    "arrivalpack18": ("Posters",),
    "quota18": ("studying forced labor",), "mobilize18": ("studying forced labor",),
    "officialharvest18": ("studying forced labor",),
    "tipcourt18": ("a first judgment",),
    # heldout19 topics (fillers_held19.txt)
    "barguard19": ("bars and nightclubs", "official suspected"),
    "judges19": ("still at trial",),
    "longcare19": ("cash allowances",),
    "maleshelter19": ("crisis center",), "shelterexit19": ("crisis center",),
    "childmou19": ("police interviews",),
    "remoteoffice19": ("outside {CAP}",),
    "migscreen19": ("punishing any victim",),
    "idsop19": ("joint course",),
    "secretariat19": ("{BODY} held", "{BODY} published"), "ngoseats19": ("{BODY} held",),
    "nap19": ("{BODY} held",),
    "recruitlaw19": ("deceptive recruitment",),
    "hotline19": ("radio campaign", "leaflets"),
    "laborcrime19": ("forum with employers",),
    "refugeeschool19": ("schools",),
    "victimfund19": ("seized property",),
    # heldout20 topics (fillers_held20.txt)
    "descentpros20": ("private deals",), "lawdata20": ("could not say", "counted"),
    "suspended20": ("acquitted",), "soldierpros20": (), "smuggletrain20": ("cross-border",),
    "lessercharge20": (), "unitfund20": ("counterparts in {DEST}",),
    "sopuse20": ("referred to it by officials",), "migscreen20": ("come back to", "Border posts",
                                                       "Refugees"),
    "nonpunish20": ("distrusted the police",), "leaders20": ("world day", "short film", "posters"),
    "schoolreg20": ("attend class",), "streetop20": ("bus stations", "markets"),
    "begpros20": ("bus stations",), "recruitreg20": ("lured to",), "bilateral20": ("lured to",),
    "inspectpen20": ("hazardous work", "forced labor in {SECT2}"),
    "minecert20": ("{SECT2}",), "adultshelter20": ("reluctant to seek help",),
    "ngofund20": ("{NGO} said it had cared",), "overnight20": ("bus stations",),
}
# Filler sentences per section (without the opener), and background topics, by era: older
# narratives are shorter.
ERA_SIZES = {
    "2004-2007": {"pros": (4, 6), "prot": (3, 5), "prev": (2, 4), "prof": (3, 4), "bg": 3},
    "2008-2016": {"pros": (8, 11), "prot": (7, 10), "prev": (5, 8), "prof": (4, 6), "bg": 6},
    "2017-2018": {"pros": (11, 14), "prot": (10, 13), "prev": (8, 11), "prof": (6, 8), "bg": 8},
    "2019-2025": {"pros": (11, 14), "prot": (10, 13), "prev": (8, 11), "prof": (6, 9), "bg": 10},
}
SMALL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
ORDINALS = ("second", "third", "fourth", "fifth")
SECTION_ORDER = ("summary", "recommendations", "prosecution", "protection", "prevention",
                 "trafficking_profile")
# Label plan: (label, kind, weight). Kinds are documented in README.md.
PLAN = (
    ("done", "done_direct", 18), ("done", "done_indirect", 16), ("done", "done_summary_only", 4),
    ("partly", "partly", 26),
    ("none", "none_negative", 25), ("none", "none_silent", 10),
)
STAGNANT_SHARE = 0.3  # of asks whose topic has an old-draft sentence


@dataclass
class Topic:
    tid: str
    section: str
    tags: list
    asks: list = field(default_factory=list)
    e: list = field(default_factory=list)
    w: list = field(default_factory=list)
    d: list = field(default_factory=list)
    i: list = field(default_factory=list)
    p: list = field(default_factory=list)
    n: list = field(default_factory=list)
    s: list = field(default_factory=list)
    x: list = field(default_factory=list)
    f: list = field(default_factory=list)  # heldout5 and heldout6: plain summary sentences


def load_topics(path):
    topics, cur = [], None
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        key, _, text = raw.partition("|")
        kind = ""
        if ":" in key:
            key, kind = key.split(":", 1)
        if key == "T":
            parts = text.split("|")
            cur = Topic(parts[0], parts[1], [t for t in parts[2].split(",") if t])
            topics.append(cur)
            continue
        if cur is None or key not in "AEWDIPNSXF" or len(key) != 1:
            raise SystemExit(f"{path.name}:{lineno}: unexpected line")
        bucket = {"A": cur.asks, "E": cur.e, "W": cur.w, "D": cur.d, "I": cur.i, "P": cur.p,
                  "N": cur.n, "S": cur.s, "X": cur.x, "F": cur.f}[key]
        bucket.append((kind, text) if key in "PNX" else text)
    return topics


def load_fillers(path):
    out = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            key, _, text = raw.partition("|")
            out.setdefault(key, []).append(text)
    return out


def load_profiles(part):
    rows = []
    for raw in (SRC / "profiles.txt").read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            prof = dict(zip(PROFILE_FIELDS, raw.split("|"), strict=True))
            if prof["part"] == PROFILE_PART[part]:
                rows.append(prof)
    return rows


def era_of(year):
    if year <= 2007:
        return "2004-2007"
    if year <= 2016:
        return "2008-2016"
    if year <= 2018:
        return "2017-2018"
    return "2019-2025"


def fits(topic, prof, to_year):
    if to_year < TOPIC_FIRST.get(topic.tid, 2005):
        return False
    needs = TOPIC_NEEDS.get(topic.tid, "")
    return not needs or any(prof["C"] in FLAGS[flag] for flag in needs.split(","))


def conflicts(a, b):
    return any(a in group and b in group for group in CONFLICTS)


def pick_apart(rng, pool, k, taken=()):
    """Pick up to k topics from pool, none conflicting with each other or with taken."""
    chosen = list(taken)
    out = []
    for topic in rng.sample(pool, len(pool)):
        if len(out) == k:
            break
        if topic in chosen or any(conflicts(topic.tid, t.tid) for t in chosen):
            continue
        chosen.append(topic)
        out.append(topic)
    return out


class Filler:
    """Fills placeholders with values fixed per body, so one body stays consistent."""

    def __init__(self, prof, to_year, rng):
        self.prof, self.rng = prof, rng
        y = to_year - 1
        start = rng.choice((y, y, y + 1))
        self.values = dict(prof)
        self.values.update(
            Y=str(y), Y0=str(y - rng.randint(2, 5)), Y1=str(start), Y4=str(start + 3),
            ORD=rng.choice(ORDINALS))

    def __call__(self, text, cap=True):
        def sub(m):
            key = m.group(1)
            if key == "MONTH":
                return self.rng.choice(MONTHS)
            if key in ("N", "NB"):
                return SMALL[self.rng.randint(2, 9)]
            if key in ("N2", "N2B"):
                return str(self.rng.randint(11, 240))
            if key == "AMT":
                amount = self.rng.choice((120, 250, 480, 900, 1500, 3200)) * 1000
                usd = amount // self.rng.choice((4, 7, 12, 25))
                return f"{amount:,} {self.values['CUR']} (${usd:,})"
            return self.values[key]
        out = re.sub(r"\{([A-Z0-9]+)\}", sub, text)
        out = out.replace("The the ", "The ").replace(" the the ", " the ")
        return out[:1].upper() + out[1:] if cap else out


def ask_in_style(ask, from_year):
    """The ask as the from-year's list prints it (the parser's item text)."""
    era = era_of(from_year)
    if era == "2004-2007":
        return "The government should " + ask[0].lower() + ask[1:]
    if era in ("2008-2016", "2017-2018"):
        return ask[0].lower() + ask[1:].rstrip(".")
    return ask


def join_clauses(clauses):
    if len(clauses) == 1:
        return clauses[0]
    return ", ".join(clauses[:-1]) + ("," if len(clauses) > 2 else "") + " and " + clauses[-1]


class Body:
    def __init__(self):
        self.sections = {name: [] for name in SECTION_ORDER}

    def add(self, section, text, pos=None):
        items = self.sections[section]
        entry = {"text": text}
        if pos is None:
            items.append(entry)
        else:
            items.insert(pos, entry)
        return entry

    def finish(self, headings, order):
        out, n = [], 0
        for name in order:
            sents = self.sections[name]
            if not sents:
                continue
            rendered = []
            for entry in sents:
                n += 1
                entry["id"] = f"s{n}"
                rendered.append({"id": entry["id"], "text": entry["text"]})
            out.append({"section": name, "heading": headings.get(name), "sentences": rendered})
        return out


def summary_frame(prof, to_year, tier, rng):
    c = prof["C"]
    era = era_of(to_year)
    covid = ", considering the impact of the COVID-19 pandemic on its anti-trafficking capacity"
    covid = covid if 2021 <= to_year <= 2023 else ""
    if tier == "Tier 1":
        meets = f"The Government of {c} fully meets the minimum standards for the elimination " \
                "of trafficking."
        if era in ("2004-2007", "2008-2016"):
            meets = meets.replace("fully meets", "fully complies with")
        move = f"The government continued to demonstrate serious and sustained efforts during " \
               f"the reporting period{covid}; therefore {c} remained on Tier 1."
    elif tier == "Tier 3":
        verb = "comply with" if era in ("2004-2007", "2008-2016") else "meet"
        meets = f"The Government of {c} does not fully {verb} the minimum standards for the " \
                "elimination of trafficking and is not making significant efforts to do so; " \
                f"therefore {c} remained on Tier 3."
        move = "Despite the lack of significant efforts, the government took some steps to " \
               "address trafficking."
    else:
        if era in ("2004-2007", "2008-2016"):
            meets = f"The Government of {c} does not fully comply with the minimum standards " \
                    "for the elimination of trafficking; however, it is making significant " \
                    "efforts to do so."
        else:
            meets = f"The Government of {c} does not fully meet the minimum standards for the " \
                    "elimination of trafficking but is making significant efforts to do so."
        move = f"The government demonstrated overall increasing efforts compared with the " \
               f"previous reporting period{covid}; therefore {c} remained on {tier}."
    return meets, move


def build_part(part):
    bank_name, filler_name, seed, n_bodies, prefix = PARTS[part]
    topics = load_topics(SRC / bank_name)
    fillers = load_fillers(SRC / filler_name)
    profiles = load_profiles(part)
    rng = random.Random(seed)
    cases = []
    plan = [(label, kind) for label, kind, w in PLAN for _ in range(w)]
    rng.shuffle(plan)
    drawn = 0
    slots = body_slots(profiles, n_bodies, rng)
    # tiers in the report's rough proportions (1 : 3 : 1.5 : 0.5), shuffled per part
    tiers = ["Tier 1"] * 2 + ["Tier 2"] * 6 + ["Tier 2 Watch List"] * 3 + ["Tier 3"]
    rng.shuffle(tiers)
    tiers_used = []
    for prof, to_year in slots:
        from_year = to_year - 1
        usable = [t for t in topics if fits(t, prof, to_year)]
        k = rng.randint(4, 6)
        picked = pick_apart(rng, usable, k)
        background = pick_apart(rng, usable, ERA_SIZES[era_of(to_year)]["bg"], taken=picked)
        labels = []
        for topic in picked:
            if topic.s and rng.random() < STAGNANT_SHARE:
                labels.append(("none", "none_stagnant"))
            else:
                labels.append(plan[drawn % len(plan)])
                drawn += 1
        tier = tiers[len(tiers_used) % len(tiers)]
        tiers_used.append(tier)
        cases.extend(make_body_cases(prof, from_year, to_year, tier, picked, labels, background,
                                     fillers, rng, prefix, len(cases),
                                     PART_OPTIONS.get(part, {})))
    return cases


def body_slots(profiles, n_bodies, rng):
    """(profile, to-year) per body: unique pairs, to-years spread over the eras like the
    report's lists (about 8% 2005-2007, 38% 2008-2016, 14% 2017-2018, 40% 2019-2025)."""
    quota = {(2005, 2007): 0.08, (2008, 2016): 0.38, (2017, 2018): 0.14, (2019, 2025): 0.40}
    years = []
    for (lo, hi), share in quota.items():
        span = list(range(lo, hi + 1))
        for i in range(round(share * n_bodies)):
            years.append(span[i % len(span)] if i < len(span) else rng.choice(span))
    while len(years) < n_bodies:
        years.append(rng.randint(2019, 2025))
    rng.shuffle(years)
    slots, used = [], set()
    for b, year in enumerate(years[:n_bodies]):
        prof = profiles[b % len(profiles)]
        while (prof["C"], year) in used:
            year = year + 1 if year < 2025 else 2005
        used.add((prof["C"], year))
        slots.append((prof, year))
    return slots


def make_body_cases(prof, from_year, to_year, tier, picked, labels, background, fillers, rng,
                    prefix, start, options=None):
    fill = Filler(prof, to_year, rng)
    body = Body()
    avoid = [w for t in picked for w in FILLER_SKIP.get(t.tid, ())]

    def pool(kind):
        return [t for t in fillers[kind] if not any(w in t for w in avoid)]
    era = era_of(to_year)
    c = prof["C"]
    direction = {"Tier 1": "same", "Tier 2": "up", "Tier 2 Watch List": "same", "Tier 3": "down"}
    direction = direction[tier]
    # section fillers first, so case sentences land among them
    size = ERA_SIZES[era]

    def some(kinds, span):
        texts = [t for kind in kinds for t in pool(kind)]
        return rng.sample(texts, min(len(texts), rng.randint(*span)))

    body.add("prosecution", fill(rng.choice(fillers[f"PROSOPEN:{direction}"])))
    body.add("prosecution", fill(rng.choice(fillers["LAW"])))
    for text in some(("PROSCOUNT", "PROSOTHER"), size["pros"]):
        body.add("prosecution", fill(text))
    body.add("protection", fill(rng.choice(fillers[f"PROTOPEN:{direction}"])))
    for text in some(("PROTCOUNT", "PROTOTHER"), size["prot"]):
        body.add("protection", fill(text))
    body.add("prevention", fill(rng.choice(fillers[f"PREVOPEN:{direction}"])))
    for text in some(("PREVOTHER",), size["prev"]):
        body.add("prevention", fill(text))
    profile_texts = some(("PROFILE",), size["prof"])
    if era in ("2017-2018", "2019-2025"):
        profile_texts.insert(0, rng.choice(fillers["PROFILEOPEN"]))
    for text in profile_texts:
        body.add("trafficking_profile", fill(text))

    def insert(section, text):
        items = body.sections[section]
        pos = rng.randint(1, len(items)) if items else 0
        return body.add(section, fill(text), pos)

    done_clauses, weak_clauses, records = [], [], []
    plain_steps = []  # heldout5: done steps told as sentences of their own in the summary
    # heldout6: how this body's summary names the year's steps (older parts: always a lead)
    plain_sents, plain_mode = [], None
    if (options or {}).get("plain_summary") == "v8":
        # heldout8: real lead-free summaries are commonest in 2008-2016 (see README.md)
        plain_mode = rng.choice(("lead", "plain", "plain", "mixed") if era == "2008-2016"
                                else ("lead", "lead", "plain", "mixed"))
    elif (options or {}).get("plain_summary") == "v10":
        # heldout10: the heldout8 era weights (lead-free summaries commonest in 2008-2016)
        plain_mode = rng.choice(("lead", "plain", "plain", "mixed") if era == "2008-2016"
                                else ("lead", "lead", "plain", "mixed"))
    elif (options or {}).get("plain_summary") in ("v11", "v12"):
        # heldout11 and heldout12: the heldout8 era weights (lead-free summaries commonest in
        # 2008-2016)
        plain_mode = rng.choice(("lead", "plain", "plain", "mixed") if era == "2008-2016"
                                else ("lead", "lead", "plain", "mixed"))
    elif (options or {}).get("plain_summary"):
        plain_mode = rng.choice(("lead", "lead", "plain", "mixed"))
    # (heldout9 uses the heldout6 draw above; its own connectives are added below)
    for topic, (label, kind) in zip(picked, labels, strict=True):
        rec = {"topic": topic, "label": label, "kind": kind, "ev": [], "against": [],
               "sum_e": False, "sum_w": False, "note": ""}
        if kind == "done_direct" or kind == "done_indirect":
            texts = topic.d if kind == "done_direct" else topic.i
            rec["ev"].append(insert(topic.section, rng.choice(texts)))
            # an indirect case stays indirect: no plain summary clause beside it
            rec["sum_e"] = kind == "done_direct" and bool(topic.e) and rng.random() < 0.55
        elif kind == "done_summary_only":
            rec["sum_e"] = True
            rec["note"] = "reported only in the summary"
        elif kind == "partly":
            sub, text = rng.choice(topic.p)
            rec["ev"].append(insert(topic.section, text))
            rec["note"] = f"partial progress ({sub})"
        elif kind == "none_negative":
            sub, text = rng.choice(topic.n)
            rec["against"].append(insert(topic.section, text))
            rec["sum_w"] = bool(topic.w) and rng.random() < 0.4
            rec["note"] = f"hard negative ({sub})"
        elif kind == "none_stagnant":
            rec["against"].append(insert(topic.section, rng.choice(topic.s)))
            rec["note"] = "hard negative (old draft did not move)"
        else:
            rec["note"] = "nothing on the topic"
        if topic.x and (kind == "none_silent" or rng.random() < 0.45):
            where, text = rng.choice(topic.x)
            section = {"ngo": topic.section, "profile": "trafficking_profile"}.get(
                where, rng.choice(("prosecution", "protection", "prevention")))
            insert(section, text)
            rec["note"] += f"; same-topic distractor ({where})"
        if rec["sum_e"] and (options or {}).get("plain5") and topic.f and rng.random() < 0.5:
            plain_steps.append((rec, rng.choice(topic.f)))
        elif rec["sum_e"]:
            if plain_mode and topic.f and (plain_mode == "plain" or
                                           (plain_mode == "mixed" and done_clauses)):
                plain_sents.append((rec, fill(rng.choice(topic.f))))
            else:
                done_clauses.append((rec, fill(rng.choice(topic.e), cap=False)))
        if rec["sum_w"]:
            weak_clauses.append((rec, fill(rng.choice(topic.w), cap=False)))
        records.append(rec)
    # other topics the government acted on (or not): realistic noise, never about the asks
    still_open = []
    for topic in background:
        kind = rng.choice(("d", "i", "p", "n"))
        choices = {"d": topic.d, "i": topic.i, "p": [t for _, t in topic.p],
                   "n": [t for _, t in topic.n]}[kind]
        if choices:
            insert(topic.section, rng.choice(choices))
        if kind in ("p", "n") or not choices:
            still_open.append(topic)
    # summary
    meets, move = summary_frame(prof, to_year, tier, rng)
    options = options or {}

    def stock(text):
        variants = options.get("stock_variants")
        table = STOCK_BY_OPTION.get(variants, STOCK_VARIANTS if variants else {})
        return table.get(text, text)

    move = stock(move)
    body.add("summary", meets)
    body.add("summary", move)
    option = options.get("lead_by_era")
    if option in LEAD_BY_OPTION:
        lead = LEAD_BY_OPTION[option](era, tier, rng)
    elif option:
        lead = era_lead(era, rng)
    else:
        lead = "These efforts included "
    if done_clauses:
        entry = body.add("summary", lead +
                         join_clauses([t for _, t in done_clauses]) + ".")
        for rec, _ in done_clauses:
            rec["ev"].append(entry)
    elif tier != "Tier 3" and not plain_steps and not plain_sents:
        body.add("summary", lead + stock("cooperating with foreign governments on several cases."))
    for rec, text in plain_steps:
        if not done_clauses:  # no lead line before it: the step is told on its own
            text = text.replace(" also ", " ", 1)
        rec["ev"].append(body.add("summary", fill(text)))
    for i, (rec, text) in enumerate(plain_sents):
        if options.get("plain_summary") == "v10":  # heldout10: its own openers
            text = plain_text10(text, i, len(plain_sents), plain_mode, bool(done_clauses), fill,
                                rng)
            rec["ev"].append(body.add("summary", text))
            continue
        if options.get("plain_summary") == "v11":  # heldout11: its own openers
            text = plain_text11(text, i, len(plain_sents), plain_mode, bool(done_clauses), fill,
                                rng)
            rec["ev"].append(body.add("summary", text))
            continue
        if options.get("plain_summary") == "v12":  # heldout12: its own openers
            text = plain_text12(text, i, len(plain_sents), plain_mode, bool(done_clauses), fill,
                                rng)
            rec["ev"].append(body.add("summary", text))
            continue
        # a summary with no lead at all sometimes opens its first step with a time phrase
        if i == 0 and plain_mode == "plain" and rng.random() < 0.4:
            text = rng.choice(("During the year, ", "Over the reporting period, ")) + \
                text[:1].lower() + text[1:]
        elif options.get("plain_summary") == "v8" and (i > 0 or done_clauses) and \
                rng.random() < 0.5:
            # heldout8: a later step may open with a connective instead of "also"
            text = rng.choice(("In addition, ", "Furthermore, ")) + \
                text[:1].lower() + text[1:].replace(" also ", " ", 1)
        if options.get("plain_summary") == "v8" and i == 0 and not done_clauses:
            text = text.replace(" also ", " ", 1)  # heldout8: the first step has nothing before it
        if options.get("plain_summary") == "v9":
            if i == 0 and not done_clauses:
                text = text.replace(" also ", " ", 1)  # heldout9: nothing before the first step
            elif i > 0 and i == len(plain_sents) - 1 and rng.random() < 0.5:
                text = "Finally, " + text[:1].lower() + text[1:].replace(" also ", " ", 1)
            elif rng.random() < 0.5:
                text = rng.choice(("Additionally, ", "Moreover, ")) + \
                    text[:1].lower() + text[1:].replace(" also ", " ", 1)
        if options.get("plain_also") and plain_mode == "plain":
            text = text.replace(" also ", " ", 1)
        rec["ev"].append(body.add("summary", text))
    if tier == "Tier 1":
        if weak_clauses:
            opening = T1_OPENING.get(
                options.get("t1_weak"), "Although the government meets the minimum standards, it "
            )
            entry = body.add("summary", opening + join_clauses([t for _, t in weak_clauses]) + ".")
            for rec, _ in weak_clauses:
                rec["against"].append(entry)
    else:
        body.add("summary", stock("However, the government did not meet the minimum standards "
                                  "in several key areas."))
        if weak_clauses:
            opening = "The government "
            if options.get("plain5") and rng.random() < 0.4:
                opening = "In addition, the government "
            elif options.get("weak_open7") and rng.random() < 0.3:
                opening = "Furthermore, the government "
            elif options.get("weak_open10") and rng.random() < 0.3:
                opening = "Moreover, the government "
            elif options.get("weak_open11") and rng.random() < 0.3:
                opening = "Additionally, the government "
            entry = body.add("summary", opening +
                             join_clauses([t for _, t in weak_clauses]) + ".")
            for rec, _ in weak_clauses:
                rec["against"].append(entry)
    # the to-year's own asks: about background topics only (a case's ask was dropped)
    # (only topics the body does not report done: a report does not re-ask what was done)
    recs = [fill(rng.choice(t.asks)) for t in still_open if t.asks]
    if era == "2004-2007":
        for ask in recs[:2]:
            body.add("summary", "The government should " + ask[0].lower() + ask[1:])
    else:
        styled = [ask_in_style(ask, to_year) for ask in recs]
        if era in ("2008-2016", "2017-2018") and styled:
            styled[0] = styled[0][0].upper() + styled[0][1:]
            styled[-1] += "."
        for ask in styled:
            body.add("recommendations", ask)
    if era in ("2004-2007", "2008-2016") and rng.random() < 0.5:
        body.add("prevention", fill(rng.choice(fillers["PREVOLD"])))
    elif pool("PREVCLOSE"):
        body.add("prevention", fill(rng.choice(pool("PREVCLOSE"))))
    headings, order = headings_for(era, c)
    sections = body.finish(headings, order)
    cases = []
    for rec in records:
        topic = rec["topic"]
        cases.append({
            "id": f"{prefix}-{start + len(cases) + 1:04d}",
            "country": c,
            "from_year": from_year,
            "to_year": to_year,
            "era": era,
            "tier": tier,
            "ask": ask_in_style(fill(rng.choice(topic.asks)), from_year),
            "topic": topic.tid,
            "section_expected": topic.section,
            "subthemes": topic.tags,
            "body": sections,
            "label": rec["label"],
            "kind": rec["kind"],
            "evidence_ids": sorted({e["id"] for e in rec["ev"]}, key=lambda s: int(s[1:])),
            "against_ids": sorted({e["id"] for e in rec["against"]}, key=lambda s: int(s[1:])),
            "notes": rec["note"].lstrip("; "),
        })
    return cases


def era_lead(era, rng):
    """How the summary introduces the year's steps in each era (heldout2 only)."""
    if era == "2004-2007":
        return "Over the reporting period, the government made progress by "
    if era == "2008-2016":
        return rng.choice(("The government demonstrated its commitment by ",
                           "During the year, the government made progress by "))
    if era == "2017-2018":
        return "The government demonstrated increasing efforts by "
    return "These efforts included "


def era_lead3(era, rng):
    """heldout3: short leads in the manner of each era's reports (two an era, kept short so that
    they do not repeat a report's longer stock wording)."""
    if era == "2004-2007":
        return rng.choice(("Over the reporting period, the government made progress by ",
                           "The government made progress by "))
    if era == "2008-2016":
        return rng.choice(("The government demonstrated its commitment by ",
                           "The government made progress by "))
    if era == "2017-2018":
        return rng.choice(("The government demonstrated increasing efforts by ",
                           "The government demonstrated significant efforts by "))
    return "These efforts included "


def era_lead4(era, rng):
    """heldout4: leads drawn from a fresh survey of summaries (see README.md), none of them the
    older parts' wordings except the common "These efforts included" from 2019, kept short so
    that no line repeats a long run of a report's stock wording."""
    if era == "2004-2007":
        return rng.choice(("Steps the government took over the year included ",
                           "The government showed its commitment by "))
    if era == "2008-2016":
        return rng.choice(("Positive steps during the year included ",
                           "During the year, authorities made headway by "))
    if era == "2017-2018":
        return rng.choice(("These achievements included ",
                           "The government made key achievements by "))
    return rng.choice(("Examples of these efforts included ", "These achievements included ",
                       "The government's efforts included ", "These efforts included "))


def era_lead5(era, tier, rng):
    """heldout5: leads from this part's survey (see README.md); a Tier 3 summary introduces the
    few steps it lists as steps, not as achievements. Kept short, none a long run of a report's
    stock wording."""
    if tier == "Tier 3":
        return "Its few steps included " if era in ("2004-2007", "2008-2016") \
            else "These steps included "
    if era == "2004-2007":
        return rng.choice(("Over the last year, the government acted by ",
                           "The government made modest headway by "))
    if era == "2008-2016":
        return rng.choice(("Within limited means, the government made progress by ",
                           "During the reporting period, it moved forward by "))
    if era == "2017-2018":
        return rng.choice(("Its achievements included ", "The government made key achievements, "
                           "including "))
    return rng.choice(("These efforts included ", "These efforts include ",
                       "Those efforts included "))


def era_lead6(era, rng):
    """heldout6: leads from this part's survey (see README.md), none of them an older part's
    wording except "These efforts included" from 2019, which real summaries use most; the
    present-tense "These efforts include" also occurs in real summaries of that era."""
    if era == "2004-2007":
        return rng.choice(("The government made progress in some areas by ",
                           "The government advanced its efforts by "))
    if era == "2008-2016":
        return rng.choice(("The government improved its response by ",
                           "The government addressed long-standing gaps by "))
    if era == "2017-2018":
        return rng.choice(("The government showed increased efforts through ",
                           "The government strengthened its efforts by "))
    return rng.choice(("These efforts included ", "These efforts included ",
                       "These efforts include ",
                       "The government demonstrated overall increasing efforts by "))


def era_lead7(era, tier, rng):
    """heldout7: leads from this part's survey (see README.md), kept to a few words; a Tier 3
    summary lists its few steps as such. "These efforts included" from 2019 is the commonest lead
    of real summaries and is drawn most often."""
    if tier == "Tier 3":
        return "Such steps included " if era in ("2017-2018", "2019-2025") \
            else "Among its limited steps were "
    if era == "2004-2007":
        return rng.choice(("In the past year, the government took action by ",
                           "The government made gains by "))
    if era == "2008-2016":
        return rng.choice(("Despite scarce resources, the government advanced by ",
                           "Its main steps during the year included "))
    if era == "2017-2018":
        return rng.choice(("The government increased its efforts by ",
                           "Key achievements during the year included "))
    return rng.choice(("These efforts included ", "These efforts included ",
                       "The government's efforts this year included ", "These included "))


def era_lead8(era, tier, rng):
    """heldout8: leads from this part's survey (see README.md), short so that no line repeats a
    long run of a report's stock wording; Tier 1 and Tier 3 summaries of 2017-2018 get their own."""
    if era == "2004-2007":
        return rng.choice(("The government showed continued political will by ",
                           "The government took several important steps, including "))
    if era == "2008-2016":
        return rng.choice(("Continuing its progress, the government moved ahead by ",
                           "The government took important steps by "))
    if era == "2017-2018":
        if tier == "Tier 1":
            return "The government showed sustained efforts by "
        if tier == "Tier 3":
            return "Its limited steps included "
        return rng.choice(("Increased efforts included ", "Its increased efforts included "))
    return rng.choice(("These efforts included ", "These efforts included ",
                       "Its efforts included "))


def era_lead9(era, tier, rng):
    """heldout9: leads from this part's survey (see README.md), a few words each; from 2017 a
    Tier 1 or Tier 3 summary gets its own. "These efforts included" from 2019 is drawn most."""
    if era == "2004-2007":
        return rng.choice(("The government made uneven progress, including by ",
                           "The government continued modest progress by "))
    if era == "2008-2016":
        return rng.choice(("The government's efforts during the year included ",
                           "Government officials made progress by "))
    if tier == "Tier 1":
        return "Its sustained efforts included " if era == "2017-2018" \
            else rng.choice(("These efforts included ", "Its sustained efforts included "))
    if tier == "Tier 3":
        return "Its few measures included "
    if era == "2017-2018":
        return rng.choice(("Efforts during the year included ",
                           "The government's increased efforts included "))
    return rng.choice(("These efforts included ", "These efforts included ",
                       "Such efforts included "))


def era_lead10(era, tier, rng):
    """heldout10: leads from this part's survey (see README.md), kept to a few words; a Tier 3
    summary lists its few steps as such, and a Tier 1 summary of 2017-2018 keeps its own."""
    if tier == "Tier 3":
        return "These few steps included "
    if era == "2004-2007":
        return rng.choice(("Nonetheless, the government made some efforts by ",
                           "The government made uneven progress, including by "))
    if era == "2008-2016":
        return rng.choice(("The government made notable progress by ",
                           "Over the year, the government advanced its response by "))
    if era == "2017-2018":
        if tier == "Tier 1":
            return "The government showed serious efforts by "
        return rng.choice(("The government demonstrated progress by ",
                           "Its efforts during the year included "))
    return rng.choice(("These efforts included ", "These efforts included ",
                       "Efforts during the year included "))


def plain_text10(text, i, n, plain_mode, after_lead, fill, rng):
    """heldout10: how a plain summary step opens. The first step of a lead-free summary may carry
    a date ("In March 2019, ..."), as older summaries print it; a later step may open with
    "Additionally," or "Moreover,", and the last of several with "Finally,"."""
    def lower(t):
        return t if t.startswith("Parliament ") else t[:1].lower() + t[1:]
    if i == 0 and not after_lead:
        if plain_mode == "plain" and rng.random() < 0.4:
            return fill("In {MONTH} {Y}, ") + lower(text)
        return text
    if n > 1 and i == n - 1 and rng.random() < 0.5:
        return "Finally, " + lower(text)
    if rng.random() < 0.5:
        return rng.choice(("Additionally, ", "Moreover, ")) + lower(text)
    return text


def era_lead11(era, tier, rng):
    """heldout11: leads from this part's survey (see README.md), kept to a few words; a Tier 3
    summary names its few steps as such, and a Tier 1 summary of 2017-2018 keeps its own."""
    if tier == "Tier 3":
        return "Those steps included "
    if era == "2004-2007":
        return rng.choice(("During the year, the government advanced by ",
                           "The government showed progress by "))
    if era == "2008-2016":
        return rng.choice(("The government took several positive steps by ",
                           "Notable efforts during the year included "))
    if era == "2017-2018":
        if tier == "Tier 1":
            return "The government sustained its efforts by "
        return rng.choice(("The government showed greater efforts by ",
                           "Among the year's efforts were "))
    return rng.choice(("These efforts included ", "These efforts included ",
                       "Key efforts included "))


def plain_text11(text, i, n, plain_mode, after_lead, fill, rng):
    """heldout11: how a plain summary step opens. With nothing before it, the first step drops its
    "also" and in a lead-free summary may open with a date; a later step may open with
    "Additionally,", "Furthermore," or "Moreover,", and the last of several with "Finally,"."""
    def lower(t):
        return t if t.startswith("Parliament ") else t[:1].lower() + t[1:]
    if i == 0 and not after_lead:
        text = text.replace(" also ", " ", 1)
        if plain_mode == "plain" and rng.random() < 0.3:
            return fill("In {MONTH} {Y}, ") + lower(text)
        return text
    if n > 1 and i == n - 1 and rng.random() < 0.4:
        return "Finally, " + lower(text.replace(" also ", " ", 1))
    if rng.random() < 0.5:
        return rng.choice(("Additionally, ", "Furthermore, ", "Moreover, ")) + \
            lower(text.replace(" also ", " ", 1))
    return text


def era_lead12(era, tier, rng):
    """heldout12: leads from this part's survey (see README.md), a few words each; a Tier 3 summary
    lists its few steps as such, and from 2017 Tier 1 and Tier 2 Watch List summaries keep
    their own.
    "These efforts included" from 2019 is drawn most, as in the surveyed summaries."""
    if tier == "Tier 3":
        return "Its positive steps included " if era in ("2017-2018", "2019-2025") \
            else "Among the few steps it took were "
    if era == "2004-2007":
        return rng.choice(("The government built on earlier progress by ",
                           "The government made clear progress by "))
    if era == "2008-2016":
        return rng.choice(("The government made solid efforts by ",
                           "During the year, the government took steps including "))
    if tier == "Tier 1":
        return "Its serious and sustained efforts included " if era == "2017-2018" \
            else rng.choice(("These efforts included ", "These achievements included "))
    if tier == "Tier 2 Watch List" and era == "2017-2018":
        return "The government made significant efforts during the year by "
    if era == "2017-2018":
        return rng.choice(("Key steps during the year included ",
                           "The government's achievements included "))
    return rng.choice(("These efforts included ", "These efforts included ",
                       "The government's efforts during the year included "))


def plain_text12(text, i, n, plain_mode, after_lead, fill, rng):
    """heldout12: how a plain summary step opens. The first step of a lead-free summary may open
    with "During the year," or a date; a later step may open with "In addition,", "Furthermore," or
    "Additionally," (dropping its "also"), and the last of several with "Finally,"."""
    def lower(t):
        return t if t.startswith("Parliament ") else t[:1].lower() + t[1:]
    if i == 0 and not after_lead:
        text = text.replace(" also ", " ", 1)
        if plain_mode == "plain" and rng.random() < 0.4:
            return rng.choice(("During the year, ", fill("In {MONTH} {Y}, "))) + lower(text)
        return text
    if n > 1 and i == n - 1 and rng.random() < 0.5:
        return "Finally, " + lower(text.replace(" also ", " ", 1))
    if rng.random() < 0.5:
        return rng.choice(("In addition, ", "Furthermore, ", "Additionally, ")) + \
            lower(text.replace(" also ", " ", 1))
    return text


def era_lead13(era, tier, rng):
    """heldout13: leads from this part's survey (see README.md), a few words each; a Tier 3
    summary names its few steps as such, and a Tier 2 Watch List summary of 2017-2018 keeps its
    own. "These efforts included" from 2019 is drawn most, as in the surveyed summaries."""
    if tier == "Tier 3":
        return "The government's few steps included "
    if era == "2004-2007":
        return rng.choice(("Over the last year, the government improved its response by ",
                           "The government took meaningful steps by "))
    if era == "2008-2016":
        return rng.choice(("The government strengthened its response by ",
                           "During the year, the government moved forward by "))
    if era == "2017-2018":
        if tier == "Tier 2 Watch List":
            return "The government made significant efforts in the reporting period by "
        return rng.choice(("The government showed increasing efforts by ",
                           "Its efforts during the reporting period included "))
    return rng.choice(("These efforts included ", "These efforts included ",
                       "The government's steps during the year included "))


def era_lead14(era, tier, rng):
    """heldout14: leads from this part's survey (see README.md); a Tier 3 summary lists its few
    steps as such, a 2017-2018 Tier 2 Watch List summary keeps its own lead, and "These efforts
    included" from 2019 is drawn most."""
    if tier == "Tier 3":
        return "The few steps it took included " if era in ("2017-2018", "2019-2025") \
            else "Its limited efforts consisted of "
    if era == "2004-2007":
        return rng.choice(("Over the past year the government made progress by ",
                           "The government advanced its efforts by "))
    if era == "2008-2016":
        return rng.choice(("During the reporting period the government made strong efforts by ",
                           "The government showed progress by "))
    if tier == "Tier 2 Watch List" and era == "2017-2018":
        return "During the reporting period the government showed significant efforts by "
    if era == "2017-2018":
        return rng.choice(("The government showed increasing efforts by ",
                           "The government's increasing efforts included "))
    return rng.choice(("These efforts included ", "These efforts included ",
                       "These efforts included ", "Its efforts during the year included "))


def era_lead15(era, tier, rng):
    """heldout15: leads from this part's survey (see README.md); a Tier 3 summary names its few
    actions as such; in 2017-2018 Tier 1 and Tier 2 Watch List summaries keep their own leads, and
    from 2019 "These efforts included" is drawn most (a Tier 2 Watch List summary may instead
    list "achievements", as one surveyed upgrade year did)."""
    if tier == "Tier 3":
        return "The limited actions it took included " if era in ("2017-2018", "2019-2025") \
            else "Its modest measures comprised "
    if era == "2004-2007":
        return rng.choice(("In the past year the government moved ahead by ",
                           "The government registered gains by "))
    if era == "2008-2016":
        return rng.choice(("Over the year the government built momentum by ",
                           "The government stepped up its response by "))
    if era == "2017-2018":
        if tier == "Tier 1":
            return "The government sustained serious efforts by "
        if tier == "Tier 2 Watch List":
            return "Significant efforts during the year included "
        return rng.choice(("Its increased efforts during the year included ",
                           "The government showed greater efforts than the year before by "))
    if tier == "Tier 2 Watch List":
        return rng.choice(("These efforts included ", "These achievements included "))
    return rng.choice(("These efforts included ", "These efforts included ",
                       "These efforts included ", "The efforts included "))


def era_lead16(era, tier, rng):
    """heldout16: leads from this part's survey (see README.md); a Tier 3 summary lists the few
    steps it took, 2017-2018 Tier 1 and Tier 2 Watch List summaries keep their own leads, and
    "These efforts included" from 2019 is drawn most, as in the surveyed summaries."""
    if tier == "Tier 3":
        return "Among the steps it did take were " if era in ("2017-2018", "2019-2025") \
            else "The limited steps it did take included "
    if era == "2004-2007":
        return rng.choice(("During the last year, the government moved forward by ",
                           "The government made some headway by "))
    if era == "2008-2016":
        return rng.choice(("The government made measurable progress by ",
                           "In the reporting period, the government advanced by "))
    if era == "2017-2018":
        if tier == "Tier 1":
            return "The government kept up serious efforts by "
        if tier == "Tier 2 Watch List":
            return "The government made significant efforts over the year by "
        return rng.choice(("The government stepped up its efforts by ",
                           "Increasing efforts during the year included "))
    return rng.choice(("These efforts included ", "These efforts included ",
                       "These efforts included ", "The year's efforts included "))


def era_lead17(era, tier, rng):
    """heldout17: leads from this part's survey (see README.md), a few words each; a Tier 3
    summary names its few steps as such, and a Tier 2 Watch List summary from 2017 keeps its own.
    "These efforts included" from 2019 is drawn most, as in the surveyed summaries."""
    if tier == "Tier 3":
        return "The steps it did take included " if era in ("2017-2018", "2019-2025") \
            else "Its modest steps consisted of "
    if era == "2004-2007":
        return rng.choice(("In the last year, the government stepped up its response by ",
                           "The government improved on its record by "))
    if era == "2008-2016":
        return rng.choice(("During the year, the government made headway by ",
                           "The government showed progress during the year by "))
    if tier == "Tier 2 Watch List":
        return "The government made notable efforts over the reporting period by " \
            if era == "2017-2018" else rng.choice(("These efforts included ",
                                                    "Its efforts over the year included "))
    if era == "2017-2018":
        return rng.choice(("The government showed greater efforts by ",
                           "Key achievements over the year included "))
    return rng.choice(("These efforts included ", "These efforts included ",
                       "These efforts included ", "Its efforts over the year included "))


def era_lead18(era, tier, rng):
    """heldout18: leads from this part's survey (see README.md), a few words each; a Tier 3 summary
    names the few steps it took, a 2017-2018 Tier 2 Watch List summary keeps its own lead, and
    "These efforts included" from 2019 is drawn most, as in the surveyed summaries."""
    if tier == "Tier 3":
        return "The steps it did take included "
    if era == "2004-2007":
        return rng.choice(("The government showed modest progress by ",
                           "Over the year the government moved its reforms ahead by "))
    if era == "2008-2016":
        return rng.choice(("The government advanced on several fronts by ",
                           "During the year the government took concrete steps by "))
    if era == "2017-2018":
        if tier == "Tier 2 Watch List":
            return "Its significant efforts during the reporting period included "
        return rng.choice(("The government demonstrated increasing efforts through ",
                           "Its main achievements included "))
    return rng.choice(("These efforts included ", "These efforts included ",
                       "These efforts included ", "Notable among these efforts were "))


def era_lead19(era, tier, rng):
    """heldout19: leads from this part's survey (see README.md), a few words each; a Tier 3 summary
    names the handful of steps it took, a 2017-2018 Tier 2 Watch List summary keeps its own lead,
    and from 2019 a Tier 2 Watch List summary sometimes lists "achievements" (as upgrade years
    do); "These efforts included" from 2019 is drawn most, as in the surveyed summaries."""
    if tier == "Tier 3":
        return "Its handful of steps included "
    if era == "2004-2007":
        return rng.choice(("Over the year the government made partial progress by ",
                           "The government registered modest advances by "))
    if era == "2008-2016":
        return rng.choice(("Real gains in the period came from ",
                           "Steps forward during the year included "))
    if era == "2017-2018":
        if tier == "Tier 2 Watch List":
            return "The government showed significant efforts this year by "
        return rng.choice(("The government displayed increasing efforts by ",
                           "Stronger efforts over the twelve months included "))
    if tier == "Tier 2 Watch List":
        return rng.choice(("These efforts included ", "These achievements included "))
    return rng.choice(("These efforts included ", "These efforts included ",
                       "These efforts included ", "The efforts of the year included "))


def era_lead20(era, tier, rng):
    """heldout20: leads from this part's survey (see README.md), a few words each; a Tier 3 summary
    names the few actions it took, a Tier 2 Watch List summary from 2017 keeps its own lead (an
    upgrade year's "achievements" from 2019), and "These efforts included" from 2019 is drawn most,
    as in the surveyed summaries."""
    if tier == "Tier 3":
        return "Its few concrete actions included "
    if era == "2004-2007":
        return rng.choice(("The government acted against trafficking during the year by ",
                           "Over the year the government advanced, notably by "))
    if era == "2008-2016":
        return rng.choice(("The government showed its resolve during the year by ",
                           "Over the reporting period the government made gains by "))
    if tier == "Tier 2 Watch List":
        return "The government made significant efforts, among them " if era == "2017-2018" \
            else rng.choice(("These efforts included ", "These achievements included "))
    if era == "2017-2018":
        return rng.choice(("The government increased its efforts over the year by ",
                           "Achievements over the year included "))
    return rng.choice(("These efforts included ", "These efforts included ",
                       "These efforts included ", "Among these efforts were "))


def headings_for(era, country):
    if era in ("2004-2007", "2008-2016"):
        headings = {"prosecution": "Prosecution", "protection": "Protection",
                    "prevention": "Prevention", "summary": None, "trafficking_profile": None,
                    "recommendations": f"Recommendations for {country}:"}
        order = ("trafficking_profile", "summary", "recommendations", "prosecution",
                 "protection", "prevention")
        return headings, order
    rec = (f"RECOMMENDATIONS FOR {country.upper()}" if era == "2017-2018"
           else "PRIORITIZED RECOMMENDATIONS:")
    headings = {"prosecution": "PROSECUTION", "protection": "PROTECTION",
                "prevention": "PREVENTION", "summary": None,
                "trafficking_profile": "TRAFFICKING PROFILE", "recommendations": rec}
    return headings, SECTION_ORDER


def template_regex(text):
    parts = re.split(r"\{[A-Z0-9]+\}", text)
    return re.compile(".*?".join(re.escape(p) for p in parts))


# "lead_by_era" option -> the part's summary leads (True: era_lead, the heldout2 leads)
LEAD_BY_OPTION = {
    "v3": lambda era, tier, rng: era_lead3(era, rng),
    "v4": lambda era, tier, rng: era_lead4(era, rng),
    "v5": era_lead5,
    "v6": lambda era, tier, rng: era_lead6(era, rng),
    "v7": era_lead7,
    "v8": era_lead8,
    "v9": era_lead9,
    "v10": era_lead10,
    "v11": era_lead11,
    "v12": era_lead12,
    "v13": era_lead13,
    "v14": era_lead14,
    "v15": era_lead15,
    "v16": era_lead16,
    "v17": era_lead17,
    "v18": era_lead18,
    "v19": era_lead19,
    "v20": era_lead20,
}


# "t1_weak" option -> how a Tier 1 summary opens what the government has still not done
T1_OPENING = {
    "v4": "Even though it meets the minimum standards, the government ",
    "v5": "The government meets the minimum standards, but it ",
    "v6": "While it meets the minimum standards, the government ",
    "v7": "Despite meeting the minimum standards, the government ",
    "v8": "Despite meeting the minimum standards, the government ",
    "v9": "While meeting the minimum standards, the government ",
    "v10": "The government meets the minimum standards; nonetheless, it ",
    "v11": "Although it meets the minimum standards, the government ",
    "v12": "While the minimum standards are met, the government ",
    "v13": "Even as it meets the minimum standards, the government ",
    "v14": "Its standards are met, yet the government ",
    "v15": "Although its record meets the minimum standards, in some areas the government ",
    "v16": "The minimum standards are met; still, the government ",
    "v17": "Though the minimum standards are met, the government still ",
    "v18": "Although its record meets the minimum standards, the government ",
    "v19": "Meeting the minimum standards did not mean the work was complete: the government ",
    "v20": "Meeting the minimum standards overall, the government nonetheless ",
}


def self_check(cases, topics):
    """Every sentence of an ask's own topic that lands in its body must be cited: a filler or
    another topic's sentence must never repeat it uncounted. Returns a list of problems."""
    by_id = {t.tid: t for t in topics}
    problems = []
    for case in cases:
        topic = by_id[case["topic"]]
        whole = topic.d + topic.i + [t for _, t in topic.p + topic.n] + topic.s + topic.f
        partial = topic.e + topic.w
        cited = set(case["evidence_ids"]) | set(case["against_ids"])
        for sec in case["body"]:
            for sent in sec["sentences"]:
                if sent["id"] in cited:
                    continue
                if any(template_regex(t).fullmatch(sent["text"]) for t in whole) or \
                        any(template_regex(t).search(sent["text"]) for t in partial):
                    problems.append(f"{case['id']}: {sent['id']} is about the ask but not cited")
    return problems


def main():
    for part in PARTS:
        if not (SRC / PARTS[part][0]).exists():
            print(f"skip {part}: no bank yet")
            continue
        cases = build_part(part)
        problems = self_check(cases, load_topics(SRC / PARTS[part][0]))
        for problem in problems:
            print("error:", problem)
        if problems:
            return 1
        out = HERE / f"{part}.jsonl"
        with out.open("w", encoding="utf-8") as fh:
            for case in cases:
                fh.write(json.dumps(case, ensure_ascii=False) + "\n")
        labels = {}
        for case in cases:
            labels[case["label"]] = labels.get(case["label"], 0) + 1
        n_bodies = len({(c["country"], c["to_year"]) for c in cases})
        print(f"{out.name}: {len(cases)} cases, {n_bodies} bodies, labels {labels}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
