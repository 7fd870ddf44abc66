"""Build the section-finding set: whole narratives in the shapes real copies take, each with
the expected section bounds.

The narratives are rendered from the evidence set's bodies (bench/evalsets/evidence/*.jsonl,
own words, fictional countries), so every sentence is ours; this script adds the shapes around
them: title lines, tier headers, site chrome, recommendation lists in each era's form, heading
styles (PROSECUTION, Prosecution, Prosecution:, inline), hard-wrapped PDF text with page
furniture, a Special Case narrative, a table-of-contents line, and the start of the next
country's text after the end.

usage: python3 bench/evalsets/sections/build.py
Writes tune/*.txt, heldout/*.txt and tune.jsonl, heldout.jsonl (expected bounds) beside it.
"""

import json
import random
import sys
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
EVIDENCE = HERE.parent / "evidence"
TIERS_UP = {"Tier 1": "TIER 1", "Tier 2": "TIER 2", "Tier 2 Watch List": "TIER 2 WATCH LIST",
            "Tier 3": "TIER 3"}
ORDINALS = ("second", "third", "fourth")


class Doc:
    """Lines of a narrative and the spans of its sections (1-based, inclusive)."""

    def __init__(self, blanks=True):
        self.lines, self.spans, self.cur = [], [], None
        self.blanks = blanks

    def add(self, text=""):
        self.lines.append(text)

    def blank(self):
        if self.blanks and self.lines and self.lines[-1] != "":
            self.lines.append("")

    def begin(self, section, heading):
        self.end()
        self.cur = {"section": section, "heading": heading, "start": len(self.lines) + 1}

    def end(self):
        if self.cur is None:
            return
        last = len(self.lines)
        while last >= self.cur["start"] and not self.lines[last - 1].strip():
            last -= 1
        self.cur["end"] = last
        self.spans.append(self.cur)
        self.cur = None

    def insert(self, at, new_lines):
        """Insert lines before line number `at` (1-based), shifting the spans after it."""
        self.lines[at - 1:at - 1] = new_lines
        for span in self.spans:
            if span["start"] >= at:
                span["start"] += len(new_lines)
            if span["end"] >= at:
                span["end"] += len(new_lines)

    def paragraphs(self, sentences, rng, wrap=0, first_prefix=""):
        """Group sentences into paragraphs of 2-5; one line each, or hard-wrapped."""
        i, first = 0, True
        while i < len(sentences):
            n = rng.randint(2, 5)
            text = " ".join(sentences[i:i + n])
            if first and first_prefix:
                text = first_prefix + text
            first = False
            i += n
            if wrap:
                for piece in textwrap.wrap(text, wrap, break_on_hyphens=False):
                    self.add(piece)
            else:
                self.add(text)
            self.blank()


def bodies(part):
    seen = {}
    for line in (EVIDENCE / f"{part}.jsonl").read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        key = (case["country"], case["to_year"])
        if key not in seen:
            seen[key] = case
    return [seen[k] for k in sorted(seen, key=lambda k: (k[1], k[0]))]


def texts(case, section):
    for sec in case["body"]:
        if sec["section"] == section:
            return [s["text"] for s in sec["sentences"]]
    return []


def header_line(c, tier, year, style):
    up = c.upper()
    if style == "old":
        return f"{up} ({TIERS_UP[tier]})" if year <= 2006 else f"{up} ({tier})"
    if style == "paren":
        return f"{up} ({tier})"
    if style == "colon_upper":
        return f"{up}: {TIERS_UP[tier]}"
    return f"{up}: {tier}"


def rec_items(case):
    items = texts(case, "recommendations")
    out = []
    for it in items:
        it = it.strip().rstrip(".")
        out.append(it[0].upper() + it[1:] + ".")
    return out


def write_recs(doc, case, year, rng, form):
    """Recommendations in the form a year and a copy give them; returns nothing."""
    c = case["country"]
    items = rec_items(case)
    if not items:
        return
    lower = [items[0].rstrip(".")] + [i[0].lower() + i[1:].rstrip(".") for i in items[1:]]
    semicolon = "; ".join(lower[:-1] + ["and " + lower[-1]]) + "." if len(lower) > 1 \
        else lower[0] + "."
    if form == "inline_2008":
        doc.begin("recommendations", f"Recommendations for {c}:")
        doc.add(f"Recommendations for {c}: " + semicolon)
    elif form == "line_2008":
        doc.begin("recommendations", f"Recommendations for {c}:")
        doc.add(f"Recommendations for {c}:")
        doc.blank()
        doc.add(semicolon)
    elif form == "upper_2017":
        heading = f"RECOMMENDATIONS FOR {c.upper()}"
        doc.begin("recommendations", heading)
        doc.add(heading)
        doc.blank()
        doc.add(semicolon)
    elif form == "inline_bullets":
        heading = "PRIORITIZED RECOMMENDATIONS"
        doc.begin("recommendations", heading)
        doc.add(heading)
        doc.blank()
        doc.add(" • ".join(items))
    elif form == "glued":
        heading = "PRIORITIZED RECOMMENDATIONS:"
        doc.begin("recommendations", heading)
        doc.add(heading)
        doc.blank()
        doc.add("".join(items))
    elif form == "bullet_lines":
        heading = "PRIORITIZED RECOMMENDATIONS:"
        doc.begin("recommendations", heading)
        doc.add(heading)
        doc.blank()
        for it in items:
            doc.add("  • " + it)
    elif form == "dash_lines":
        heading = "PRIORITIZED RECOMMENDATIONS:"
        doc.begin("recommendations", heading)
        doc.add(heading)
        for it in items:
            doc.add("- " + it)
    elif form == "mirror_paras":
        heading = "Prioritized Recommendations"
        doc.begin("recommendations", heading)
        doc.add(heading)
        doc.blank()
        for it in items:
            doc.add(it)
            doc.blank()
    elif form == "asterisks":
        doc.begin("recommendations", None)
        doc.add(" * ".join(items))
    doc.blank()


def write_body_sections(doc, case, rng, headings, wrap=0, inline=False):
    for section in ("prosecution", "protection", "prevention"):
        sents = texts(case, section)
        heading = headings[section]
        doc.begin(section, heading)
        if inline:
            doc.paragraphs(sents, rng, wrap, first_prefix=heading + " ")
        else:
            doc.add(heading)
            if not wrap:
                doc.blank()
            doc.paragraphs(sents, rng, wrap)


def profile_sentences(case):
    return texts(case, "trafficking_profile")


def render(case, style, rng, next_country):
    """Render one narrative; returns (text, spans, notes)."""
    c, year, tier = case["country"], case["to_year"], case["tier"]
    doc = Doc()
    notes = []
    summary = texts(case, "summary")
    if style == "statedotgov":
        if rng.random() < 0.5:
            doc.add("An official website of the United States government Here's how you know")
            doc.blank()
            notes.append("government-site boilerplate before the title")
        title = f"{year} Trafficking in Persons Report: {c}"
        doc.begin("title", title)
        doc.add(title)
        doc.blank()
        hdr = header_line(c, tier, year, "paren" if year >= 2022 else "colon")
        doc.begin("header", hdr)
        doc.add(hdr)
        doc.blank()
        doc.begin("summary", None)
        doc.paragraphs(summary, rng)
        form = {2019: "inline_bullets", 2020: "glued", 2021: "inline_bullets",
                2024: "asterisks"}.get(year, "bullet_lines")
        if form == "asterisks":
            notes.append("2024 shape: ' * ' items and no recommendations heading")
        write_recs(doc, case, year, rng, form)
        heads = {s: s.upper() for s in ("prosecution", "protection", "prevention")}
        write_body_sections(doc, case, rng, heads)
        doc.begin("trafficking_profile", "TRAFFICKING PROFILE")
        doc.add("TRAFFICKING PROFILE")
        doc.blank()
        doc.paragraphs(profile_sentences(case), rng)
    elif style == "navline":
        nav = (f"In this section / {c.upper()}: {tier} PRIORITIZED RECOMMENDATIONS PROSECUTION "
               "PROTECTION PREVENTION TRAFFICKING PROFILE")
        doc.add(f"Home Reports Office to Monitor and Combat Trafficking in Persons {year} "
                f"Trafficking in Persons Report: {c}")
        doc.add(nav)
        doc.blank()
        notes.append("a table-of-contents line names every heading before the text")
        hdr = header_line(c, tier, year, "colon")
        doc.begin("header", hdr)
        doc.add(hdr)
        doc.blank()
        doc.begin("summary", None)
        doc.paragraphs(summary, rng)
        write_recs(doc, case, year, rng, "inline_bullets")
        heads = {s: s.upper() for s in ("prosecution", "protection", "prevention")}
        write_body_sections(doc, case, rng, heads)
        doc.begin("trafficking_profile", "TRAFFICKING PROFILE")
        doc.add("TRAFFICKING PROFILE")
        doc.blank()
        doc.paragraphs(profile_sentences(case), rng)
    elif style == "mirror":
        doc.add("[ Human Trafficking, Country-by-Country ]")
        doc.blank()
        hdr = f"{c.upper()} ({tier}) Extracted in part from the U.S. State Dept {year} TIP Report"
        doc.begin("header", hdr)
        doc.add(hdr)
        doc.blank()
        doc.begin("summary", None)
        doc.paragraphs(summary, rng)
        write_recs(doc, case, year, rng, "mirror_paras")
        colon = rng.random() < 0.5
        heads = {s: s.capitalize() + (":" if colon else "")
                 for s in ("prosecution", "protection", "prevention")}
        if colon:
            notes.append("mixed-case headings with a colon")
        write_body_sections(doc, case, rng, heads)
        notes.append("mirror copy ends before the trafficking profile")
    elif style == "news":
        title = f"{year} Trafficking in Persons Report: {c}"
        doc.begin("title", title)
        doc.add(title)
        doc.end()
        doc.add("Regional Affairs")
        doc.add("LETTER TO THE EDITOR")
        doc.add("Have a concern or an opinion about this story? Click below to share your "
                "thoughts.")
        doc.blank()
        doc.add("The following report was published by the U.S. Department of State. It is "
                "reproduced in full below.")
        doc.blank()
        notes.append("news-site chrome between the title and the header")
        hdr = header_line(c, tier, year, "paren")
        doc.begin("header", hdr)
        doc.add(hdr)
        doc.begin("summary", None)
        doc.paragraphs(summary, rng)
        write_recs(doc, case, year, rng, "dash_lines")
        heads = {s: s.upper() for s in ("prosecution", "protection", "prevention")}
        write_body_sections(doc, case, rng, heads)
        doc.begin("trafficking_profile", "TRAFFICKING PROFILE")
        doc.add("TRAFFICKING PROFILE")
        doc.blank()
        doc.paragraphs(profile_sentences(case), rng)
    elif style == "ecoi2017":
        title = f"Trafficking in Persons Report {year} - Country Narratives - {c}"
        doc.begin("title", title)
        doc.add(title)
        doc.blank()
        hdr = header_line(c, tier, year, "colon_upper" if year == 2017 else "colon")
        doc.begin("header", hdr)
        doc.add(hdr)
        doc.blank()
        doc.begin("summary", None)
        doc.paragraphs(summary, rng)
        write_recs(doc, case, year, rng, "upper_2017")
        heads = {s: s.upper() for s in ("prosecution", "protection", "prevention")}
        write_body_sections(doc, case, rng, heads)
        doc.begin("trafficking_profile", "TRAFFICKING PROFILE")
        doc.add("TRAFFICKING PROFILE")
        doc.blank()
        doc.paragraphs(profile_sentences(case), rng)
    elif style in ("archive2008", "inline2008"):
        title = f"Trafficking in Persons Report {year} - {c}"
        doc.add("Last Updated: Monday, 3 March 2014, 10:12 GMT")
        doc.blank()
        doc.begin("title", title)
        doc.add(title)
        doc.blank()
        doc.end()
        doc.add("Publisher United States Department of State")
        doc.add(f"Publication Date {rng.randint(3, 27)} June {year}")
        doc.add(f"Cite as United States Department of State, Trafficking in Persons Report "
                f"{year} - {c}, June {year}")
        doc.add("DisclaimerThis is not a UNHCR publication. UNHCR is not responsible for, nor "
                "does it necessarily endorse, its content.")
        doc.blank()
        notes.append("archive metadata with a glued 'DisclaimerThis'")
        hdr = header_line(c, tier, year, "colon" if year >= 2015 else "paren")
        doc.begin("header", hdr)
        doc.add(hdr)
        doc.blank()
        doc.begin("trafficking_profile", None)
        doc.paragraphs(profile_sentences(case), rng)
        doc.begin("summary", None)
        doc.paragraphs(summary, rng)
        write_recs(doc, case, year, rng, "inline_2008" if rng.random() < 0.6 else "line_2008")
        if style == "inline2008":
            heads = {s: s.capitalize() + ":" for s in ("prosecution", "protection",
                                                        "prevention")}
            write_body_sections(doc, case, rng, heads, inline=True)
            notes.append("inline headings at the start of a paragraph")
        else:
            heads = {s: s.capitalize() for s in ("prosecution", "protection", "prevention")}
            write_body_sections(doc, case, rng, heads)
    elif style == "pdf":
        wrap = 104
        doc.blanks = False
        doc.add("COUNTRY NARRATIVES")
        doc.add(str(rng.randint(60, 420)))
        notes.append("hard-wrapped PDF text, no blank lines, a running header and page number "
                     "inside the protection section")
        hdr = header_line(c, tier, year, "colon" if year >= 2015 else "paren")
        doc.begin("header", hdr)
        doc.add(hdr)
        if year <= 2016:
            doc.begin("trafficking_profile", None)
            doc.paragraphs(profile_sentences(case), rng, wrap)
        doc.begin("summary", None)
        doc.paragraphs(summary, rng, wrap)
        heading = f"RECOMMENDATIONS FOR {c.upper()}" + (":" if year <= 2016 else "")
        items = rec_items(case)
        if items:
            doc.begin("recommendations", heading)
            doc.add(heading)
            lower = [items[0].rstrip(".")] + [i[0].lower() + i[1:].rstrip(".")
                                              for i in items[1:]]
            text = "; ".join(lower[:-1] + ["and " + lower[-1]]) + "." if len(lower) > 1 \
                else lower[0] + "."
            for piece in textwrap.wrap(text, wrap):
                doc.add(piece)
        heads = {s: s.upper() for s in ("prosecution", "protection", "prevention")}
        write_body_sections(doc, case, rng, heads, wrap=wrap)
        if year >= 2017:
            doc.begin("trafficking_profile", "TRAFFICKING PROFILE")
            doc.add("TRAFFICKING PROFILE")
            doc.paragraphs(profile_sentences(case), rng, wrap)
        doc.end()
        prot = next(sp for sp in doc.spans if sp["section"] == "protection")
        if prot["end"] - prot["start"] > 4:
            doc.insert(prot["start"] + 3, [str(rng.randint(60, 420)), "COUNTRY NARRATIVES"])
        doc.add(f"{next_country.upper()}: Tier 2")
        doc.add(f"{next_country} is a source and destination country for men, women, and "
                "children subjected to forced labor and")
        notes.append("the next country's header follows the narrative")
    elif style == "region2005":
        doc.add("V. Country Narratives -- Countries A through G")
        doc.blank()
        doc.add("Trafficking in Persons Report")
        doc.add("Office to Monitor and Combat Trafficking in Persons")
        doc.add(f"June {rng.randint(3, 14)}, {year}")
        doc.blank()
        doc.add("Caption: Children collect scrap metal at a market; some are sent there by "
                "relatives who keep their earnings.")
        doc.blank()
        notes.append("region page with a photo caption before the header")
        hdr = header_line(c, tier, year, "old")
        doc.begin("header", hdr)
        doc.add(hdr)
        doc.blank()
        doc.begin("trafficking_profile", None)
        doc.paragraphs(profile_sentences(case), rng)
        doc.begin("summary", None)
        doc.paragraphs(summary, rng)
        notes.append("asks are 'should' sentences inside the summary; no recommendations "
                     "section")
        heads = {s: s.capitalize() for s in ("prosecution", "protection", "prevention")}
        write_body_sections(doc, case, rng, heads)
    elif style == "nohead":
        title = f"{year} Trafficking in Persons Report: {c}"
        doc.begin("title", title)
        doc.add(title)
        doc.blank()
        notes.append("no tier header: the tier is only in the summary")
        doc.begin("summary", None)
        doc.paragraphs(summary, rng)
        write_recs(doc, case, year, rng, "bullet_lines" if year >= 2022 else "inline_bullets")
        heads = {s: s.upper() for s in ("prosecution", "protection", "prevention")}
        write_body_sections(doc, case, rng, heads)
        doc.begin("trafficking_profile", "TRAFFICKING PROFILE")
        doc.add("TRAFFICKING PROFILE")
        doc.blank()
        doc.paragraphs(profile_sentences(case), rng)
    elif style == "special":
        render_special(doc, case, rng, notes)
    doc.end()
    text = "\n".join(doc.lines).rstrip("\n") + "\n"
    return text, doc.spans, notes


def render_special(doc, case, rng, notes):
    c, year = case["country"], case["to_year"]
    hdr = f"SPECIAL CASE: {c.upper()}"
    doc.begin("header", hdr)
    doc.add(hdr)
    doc.blank()
    doc.begin("summary", None)
    doc.add(f"{c} is a Special Case for the {rng.choice(ORDINALS)} consecutive year. The "
            "government did not control large parts of the country, and courts in several "
            "cities had not functioned since fighting resumed. Armed groups held territory in "
            f"{rng.choice(('the north', 'the border areas', 'the eastern provinces'))}, and "
            "accurate information on trafficking was difficult to obtain.")
    doc.blank()
    efforts = texts(case, "prosecution")[:5] + texts(case, "protection")[:4]
    efforts += texts(case, "prevention")[:4]
    doc.begin("government_efforts", "GOVERNMENT EFFORTS")
    doc.add("GOVERNMENT EFFORTS")
    doc.blank()
    half = len(efforts) // 2
    doc.paragraphs(efforts[:half], rng)
    doc.add("PART TWO")
    doc.blank()
    doc.add("GOVERNMENT EFFORTS … continues")
    doc.blank()
    doc.paragraphs(efforts[half:], rng)
    notes.append(f"Special Case ({year}): summary and GOVERNMENT EFFORTS only; a mirror's "
                 "'PART TWO' and '... continues' lines sit inside the section")
    doc.begin("trafficking_profile", "TRAFFICKING PROFILE")
    doc.add("TRAFFICKING PROFILE")
    doc.blank()
    doc.paragraphs(profile_sentences(case), rng)


def style_for(year, i):
    if year <= 2007:
        return "region2005"
    if year <= 2016:
        return ("archive2008", "inline2008", "pdf")[i % 3]
    if year <= 2018:
        return ("ecoi2017", "pdf", "mirror")[i % 3]
    return ("statedotgov", "mirror", "news", "navline", "nohead", "statedotgov")[i % 6]


def era_of(year):
    if year <= 2007:
        return 0
    if year <= 2016:
        return 1
    return 2 if year <= 2018 else 3


def stratified(cases, count):
    """count bodies, each era in proportion to its bodies (at least one of each era present)."""
    by_era = {}
    for case in cases:
        by_era.setdefault(era_of(case["to_year"]), []).append(case)
    quota = {e: max(1, count * len(v) // len(cases)) for e, v in by_era.items()}
    while sum(quota.values()) < count:
        e = max(by_era, key=lambda k: count * len(by_era[k]) / len(cases) - quota[k])
        quota[e] += 1
    while sum(quota.values()) > count:
        quota[max(quota, key=quota.get)] -= 1
    return [c for e in sorted(by_era) for c in by_era[e][:quota[e]]]


def build(part, count, seed, prefix):
    rng = random.Random(seed)
    cases = bodies(part)
    rng.shuffle(cases)
    chosen = sorted(stratified(cases, count), key=lambda c: c["to_year"])
    outdir = HERE / part
    outdir.mkdir(exist_ok=True)
    for old in outdir.glob("*.txt"):
        old.unlink()
    records = []
    countries = sorted({c["country"] for c in cases})
    seen, styles = {}, []
    for case in chosen:
        era = era_of(case["to_year"])
        seen[era] = seen.get(era, -1) + 1
        styles.append(style_for(case["to_year"], seen[era]))
    # the one Special Case narrative: the shape seen (SPECIAL CASE: X, GOVERNMENT EFFORTS) is
    # that of 2017-2019, so it replaces the last body of those years whose shape occurs twice
    special = max(i for i, c in enumerate(chosen)
                  if 2017 <= c["to_year"] <= 2019 and styles.count(styles[i]) > 1)
    styles[special] = "special"
    for i, case in enumerate(chosen):
        style = styles[i]
        nxt = rng.choice([x for x in countries if x != case["country"]])
        text, spans, notes = render(case, style, rng, nxt)
        name = f"{prefix}{i + 1:02d}_{case['country'].lower()}_{case['to_year']}.txt"
        (outdir / name).write_text(text, encoding="utf-8")
        records.append({
            "id": f"{prefix.upper()}{i + 1:02d}",
            "file": f"{part}/{name}",
            "country": case["country"],
            "year": case["to_year"],
            "tier": "Special Case" if style == "special" else case["tier"],
            "style": style,
            "lines": text.count("\n"),
            "sections": spans,
            "notes": "; ".join(notes),
        })
    with (HERE / f"{part}.jsonl").open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{part}: {len(records)} narratives, {sum(len(r['sections']) for r in records)} "
          "sections")


def main():
    build("tune", 28, 11, "st")
    build("heldout", 14, 23, "sh")
    return 0


if __name__ == "__main__":
    sys.exit(main())
