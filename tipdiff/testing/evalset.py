"""A labelled evaluation set for the aligner: deterministic, synthetic, truth recorded.

Each fictional country-year pair is built from a bank of asks written in TIP-report style.
Every ask has a base wording, a light edit, a heavy rewording that keeps the ask's key terms
(TIP editors revise last year's text) and a 'hard' paraphrase with almost no shared words;
many different asks share the report's stock phrases on purpose. A pair keeps, edits,
paraphrases, reorders, splits, merges, adds and drops items, and records what it did.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

# (base, light edit, heavy rewording that keeps the ask's key terms, and a paraphrase that
# shares almost no words with the base: the last one is the 'hard' set, reported apart).
ASKS: tuple[tuple[str, str, str, str], ...] = (
    (
        "Establish a victim hotline.",
        "Establish a national victim hotline.",
        "Create a hotline for victims of trafficking, staff it around the clock, and publicize the number.",
        "Set up a toll-free hotline that trafficking victims can call for help, and publicize it.",
    ),
    (
        "Increase efforts to investigate and prosecute labor trafficking in the fishing industry.",
        "Increase efforts to investigate and prosecute labor trafficking cases in the fishing industry.",
        "Proactively investigate forced labor in the fishing industry and prosecute the labor traffickers responsible.",
        "Investigate forced labor on fishing vessels more proactively and bring the perpetrators to trial.",
    ),
    (
        "Increase efforts to identify victims among migrant domestic workers.",
        "Increase efforts to proactively identify victims among migrant domestic workers.",
        "Proactively screen migrant domestic workers to identify trafficking victims among them.",
        "Screen foreign household workers for signs of exploitation so that victims are found.",
    ),
    (
        "Vigorously investigate and prosecute officials complicit in trafficking crimes.",
        "Vigorously investigate and prosecute officials complicit in trafficking crimes and seek adequate penalties.",
        "Prosecute and hold accountable complicit officials who facilitate trafficking crimes.",
        "Hold corrupt officials who facilitate or profit from trafficking criminally accountable through prosecution.",
    ),
    (
        "Amend the penal code to remove the requirement of force, fraud, or coercion in child sex trafficking cases.",
        "Amend the penal code so that force, fraud, or coercion is not required in child sex trafficking cases.",
        "Remove from the penal code the force, fraud, or coercion requirement for cases of child sex trafficking.",
        "Change the criminal law so that prosecutors need not prove coercion when the sex trafficking victim is a child.",
    ),
    (
        "Allocate sufficient funding for the national anti-trafficking commission.",
        "Allocate sufficient funding for the national anti-trafficking commission and its regional offices.",
        "Provide the national anti-trafficking commission with dedicated and sufficient funding.",
        "Give the national coordinating body against trafficking a dedicated budget that lets it operate across the country.",
    ),
    (
        "Train judges and prosecutors on the anti-trafficking law.",
        "Train judges, prosecutors, and police on the anti-trafficking law.",
        "Institutionalize training on the anti-trafficking law for prosecutors and judges.",
        "Provide regular instruction on how to apply the trafficking statute to members of the judiciary and prosecution service.",
    ),
    (
        "Fund NGO-run shelters for trafficking victims.",
        "Fund NGO-run shelters for trafficking victims, including men.",
        "Increase financial support for shelters run by NGOs that serve trafficking victims.",
        "Provide financial support to civil society organizations that house survivors of trafficking.",
    ),
    (
        "Adopt and implement a national action plan to combat trafficking.",
        "Implement the national action plan to combat trafficking.",
        "Dedicate resources to implement the national action plan to combat trafficking and report on its progress.",
        "Finalize the national anti-trafficking strategy and carry it out with clear responsibilities for each ministry.",
    ),
    (
        "Screen women in commercial sex for trafficking indicators and refer them to care.",
        "Proactively screen women in commercial sex for trafficking indicators and refer them to care.",
        "Refer women in commercial sex who show trafficking indicators to care after proactive screening.",
        "Check people in prostitution for signs of sex trafficking and send those identified to support services.",
    ),
    (
        "Increase efforts to prosecute sex tourism offenses.",
        "Increase efforts to investigate and prosecute child sex tourism offenses.",
        "Prosecute foreign nationals for child sex tourism offenses committed in the country.",
        "Bring charges against foreign visitors who sexually exploit children while traveling in the country.",
    ),
    (
        "Ensure victims are not penalized for unlawful acts traffickers compelled them to commit.",
        "Ensure trafficking victims are not penalized for unlawful acts traffickers compelled them to commit, such as immigration violations.",
        "Do not penalize trafficking victims for unlawful acts, such as immigration or prostitution offenses, that traffickers compelled them to commit.",
        "Stop arresting and deporting people for crimes their traffickers forced them to commit.",
    ),
    (
        "Regulate recruitment agencies and eliminate recruitment fees charged to workers.",
        "Strictly regulate recruitment agencies and eliminate all recruitment fees charged to workers.",
        "Eliminate worker-paid recruitment fees and strengthen regulation of labor recruitment agencies.",
        "Oversee labor brokers closely and ban the practice of making job seekers pay to be hired.",
    ),
    (
        "Provide legal aid and interpretation to victims participating in trials.",
        "Provide free legal aid and interpretation to victims who participate in trials.",
        "Ensure victims who participate in trials receive legal aid and interpretation at no cost.",
        "Give survivors who testify in court a lawyer and a translator at no cost.",
    ),
    (
        "Develop standard operating procedures for victim identification and referral.",
        "Develop and disseminate standard operating procedures for victim identification and referral.",
        "Finalize and train officials on standard operating procedures for identifying victims and referring them to services.",
        "Create written guidance that tells front-line officials how to recognize a victim and where to send them.",
    ),
    (
        "Collect and publish comprehensive data on trafficking investigations, prosecutions, and convictions.",
        "Collect and publish comprehensive, disaggregated data on trafficking investigations, prosecutions, and convictions.",
        "Publish comprehensive annual data on trafficking prosecutions, convictions, and investigations.",
        "Keep statistics on every stage of trafficking cases in the justice system and release them each year.",
    ),
    (
        "Increase labor inspections in agriculture and construction.",
        "Increase unannounced labor inspections in agriculture and construction.",
        "Conduct more labor inspections, including unannounced ones, in construction and agriculture.",
        "Send more inspectors to farms and building sites, including visits without prior notice.",
    ),
    (
        "Cease the use of forced labor in the annual cotton harvest.",
        "Cease the use of forced labor in the annual cotton harvest, including by local officials.",
        "End forced labor in the cotton harvest, including the mobilization of students and public sector workers.",
        "End the mobilization of public sector workers and students to pick cotton against their will.",
    ),
    (
        "Extend labor law protections to domestic workers.",
        "Extend labor law protections, including a minimum wage, to domestic workers.",
        "Amend the labor law so domestic workers receive the same protections as other workers.",
        "Cover household employees under the labor code so they have the same rights as other workers.",
    ),
    (
        "Provide specialized services for child victims of trafficking.",
        "Provide specialized services and shelter for child victims of trafficking.",
        "Ensure child victims of trafficking receive specialized services, including shelter suited to their age.",
        "Make sure children who were trafficked receive care designed for their age, including a safe place to stay.",
    ),
    (
        "Increase efforts to identify victims among asylum-seekers and refugees.",
        "Increase efforts to proactively identify victims among asylum-seekers and refugees.",
        "Screen asylum-seekers and refugees proactively to identify trafficking victims among them.",
        "Check people applying for protection in the country for signs that they were trafficked.",
    ),
    (
        "Seek adequate sentences for convicted traffickers, which should include significant prison terms.",
        "Seek adequate sentences for convicted traffickers, which should include significant prison terms, and avoid fines alone.",
        "Ensure convicted traffickers receive significant prison terms rather than fines or suspended sentences.",
        "Ask courts to send convicted traffickers to prison for substantial periods rather than suspend their sentences.",
    ),
    (
        "Raise awareness of trafficking among vulnerable communities, including in local languages.",
        "Raise public awareness of trafficking among vulnerable communities, including in local languages.",
        "Conduct awareness campaigns on trafficking for vulnerable communities in their local languages.",
        "Run information campaigns for at-risk groups that explain trafficking risks in the languages they speak.",
    ),
    (
        "Prohibit employers from confiscating workers' passports and enforce the ban.",
        "Prohibit employers from confiscating workers' passports and identity documents, and enforce the ban.",
        "Enforce the prohibition on employers confiscating migrant workers' passports and identity documents.",
        "Make it illegal for bosses to hold on to employees' travel documents, and punish those who do.",
    ),
    (
        "Reform the sponsorship system so migrant workers can change employers without permission.",
        "Reform the sponsorship system so all migrant workers can change employers without their employer's permission.",
        "Allow migrant workers to change employers freely by reforming the sponsorship system.",
        "Let foreign workers switch jobs freely instead of tying their legal status to a single employer.",
    ),
    (
        "Establish a compensation fund for trafficking victims.",
        "Establish and fund a compensation scheme for trafficking victims.",
        "Create a victim compensation fund and ensure trafficking victims can access it.",
        "Create a state fund that pays restitution to survivors when traffickers cannot.",
    ),
    (
        "Institutionalize training for consular officers on identifying nationals exploited abroad.",
        "Institutionalize training for consular officers on identifying and assisting nationals exploited abroad.",
        "Train consular officers to identify nationals exploited in trafficking abroad and assist them.",
        "Teach embassy staff how to spot citizens who have been trafficked in other countries and how to help them.",
    ),
    (
        "Criminalize all forms of labor trafficking.",
        "Criminalize all forms of labor trafficking consistent with international law.",
        "Amend the law to criminalize every form of labor trafficking.",
        "Make forced labor in every form a crime under the country's own legislation.",
    ),
    (
        "Improve coordination between police and social services during raids.",
        "Improve coordination between police and social services during law enforcement operations.",
        "Ensure police coordinate with social services so victims identified during raids receive care.",
        "Make sure social workers are present when police rescue victims so care starts immediately.",
    ),
    (
        "Increase oversight of orphanages to prevent child trafficking.",
        "Increase oversight and inspection of orphanages to prevent child trafficking.",
        "Inspect orphanages regularly and increase oversight to prevent the trafficking of children.",
        "Monitor residential care institutions for children closely so that no child is exploited there.",
    ),
    (
        "Vigorously investigate and prosecute forced begging of children.",
        "Vigorously investigate and prosecute cases of forced child begging.",
        "Prosecute those who force children into begging and vigorously investigate such cases.",
        "Take criminal action against those who force children to beg in the streets.",
    ),
    (
        "Screen North Korean workers for trafficking indicators.",
        "Screen all North Korean workers for trafficking indicators and refer victims to care.",
        "Proactively screen workers from North Korea for indicators of forced labor and trafficking.",
        "Examine the situation of laborers sent by the North Korean government for signs of forced labor.",
    ),
    (
        "Increase efforts to reintegrate trafficking survivors through vocational training.",
        "Increase efforts to reintegrate trafficking survivors through vocational training and job placement.",
        "Support the reintegration of survivors with vocational training and help finding jobs.",
        "Help survivors rebuild their lives by teaching them a trade and finding them employment.",
    ),
    (
        "Ensure shelters allow adult victims to leave freely.",
        "Ensure shelters allow adult victims to leave freely and unchaperoned.",
        "Allow adult victims in shelters to leave freely rather than restricting their movement.",
        "Stop detaining adult survivors in care facilities against their will.",
    ),
    (
        "Train labor inspectors to identify forced labor indicators.",
        "Train labor inspectors to identify forced labor indicators and refer cases to police.",
        "Improve labor inspectors' ability to identify indicators of forced labor through regular training.",
        "Teach workplace inspectors the signs of coerced labor so they can report it for investigation.",
    ),
    (
        "Strengthen cooperation with source countries on investigations.",
        "Strengthen cooperation with source and transit countries on trafficking investigations.",
        "Conduct joint trafficking investigations with source countries through stronger cooperation.",
        "Work more closely with the governments of the countries victims come from to pursue cases jointly.",
    ),
    (
        "Increase efforts to investigate online sexual exploitation of children.",
        "Increase efforts to investigate and prosecute online sexual exploitation of children.",
        "Investigate and prosecute cases of online sexual exploitation of children more proactively.",
        "Pursue cases in which children are abused sexually for paying viewers over the internet.",
    ),
    (
        "Provide victims with temporary residence permits.",
        "Provide foreign victims with temporary residence permits and work authorization.",
        "Grant foreign victims temporary residence permits so they can remain in the country.",
        "Let foreign survivors stay in the country legally and work while they recover.",
    ),
    (
        "Investigate and prosecute traffickers who exploit workers in brick kilns.",
        "Vigorously investigate and prosecute traffickers who exploit bonded laborers in brick kilns.",
        "Prosecute brick kiln owners and other traffickers who exploit workers through debt bondage.",
        "Bring criminal cases against kiln owners who hold workers in debt bondage.",
    ),
    (
        "Conduct outreach to rural Indigenous communities using culturally appropriate methods.",
        "Conduct prevention outreach to rural Indigenous communities using culturally appropriate methods and local languages.",
        "Use culturally appropriate methods to conduct outreach in rural Indigenous communities.",
        "Reach isolated Indigenous villages with prevention messages adapted to their culture.",
    ),
    (
        "Increase funding for victim protection services.",
        "Increase funding for victim protection services, including for male victims.",
        "Dedicate more funding to victim protection services across the country.",
        "Spend more on the care of survivors so that support is available wherever they are identified.",
    ),
    (
        "Monitor the use of forced labor in state-owned enterprises.",
        "Monitor and end the use of forced labor in state-owned enterprises.",
        "End forced labor in state-owned enterprises and monitor them for it.",
        "Check government-run companies for workers held against their will and stop the practice.",
    ),
)


def _lower_first(s: str) -> str:
    return s[0].lower() + s[1:] if s else s


def compound(a: str, b: str) -> str:
    """One item that asks two things (the shape that later splits, or results from a merge)."""
    return f"{a.rstrip('.')}, and {_lower_first(b)}"


@dataclass(frozen=True)
class EvalPair:
    old: tuple[str, ...]
    new: tuple[str, ...]
    links: frozenset[tuple[int, int]]  # every (old, new) pair that carries the same ask
    added: frozenset[int]
    dropped: frozenset[int]
    splits: frozenset[tuple[int, tuple[int, ...]]]
    merges: frozenset[tuple[tuple[int, ...], int]]


def _initial(rng: random.Random, n: int) -> list[tuple[str, list[int]]]:
    """A first year: plain asks, or compounds of two asks (which will split)."""
    chosen = rng.sample(range(len(ASKS)), n)
    items: list[tuple[str, list[int]]] = []
    i = 0
    while i < len(chosen):
        if i + 1 < len(chosen) and rng.random() < 0.12:
            a, b = chosen[i], chosen[i + 1]
            items.append((compound(ASKS[a][0], ASKS[b][0]), [a, b]))
            i += 2
        else:
            items.append((ASKS[chosen[i]][0], [chosen[i]]))
            i += 1
    return items


def _evolve(rng: random.Random, old_items: list[tuple[str, list[int]]], hard: bool):
    """Next year's list from this year's, with the truth: (new items, EvalPair)."""
    present = {a for _, asks in old_items for a in asks}
    fresh = [a for a in rng.sample(range(len(ASKS)), len(ASKS)) if a not in present]
    new_items: list[tuple[str, list[int], list[int]]] = []  # (text, asks, old indices)
    dropped, splits = set(), set()
    pending_merge: int | None = None
    for oi, (_text, asks) in enumerate(old_items):
        r = rng.random()
        if len(asks) == 2:  # split into two restated asks
            for a in asks:
                new_items.append((ASKS[a][rng.choice((0, 1))], [a], [oi]))
            splits.add(oi)
        elif r < 0.10:
            dropped.add(oi)
        elif r < 0.18 and pending_merge is None:
            pending_merge = oi
        elif pending_merge is not None and r < 0.40:
            a = old_items[pending_merge][1][0]
            new_items.append(
                (
                    compound(ASKS[a][rng.choice((0, 1))], ASKS[asks[0]][rng.choice((0, 1))]),
                    [a, asks[0]],
                    [pending_merge, oi],
                )
            )
            pending_merge = None
        else:
            variant = 0 if r < 0.55 else 1 if r < 0.82 else (3 if hard else 2)
            new_items.append((ASKS[asks[0]][variant], list(asks), [oi]))
    if pending_merge is not None:  # nobody to merge with: it stays as it was
        text, asks = old_items[pending_merge]
        new_items.append((text, list(asks), [pending_merge]))
    for k in range(rng.randint(0, 3)):  # genuinely new asks
        new_items.append((ASKS[fresh[k]][rng.choice((0, 0, 1))], [fresh[k]], []))
    # reorder: position is a weak hint only
    if rng.random() < 0.5:
        rng.shuffle(new_items)
    else:
        for _ in range(rng.randint(0, 3)):
            a, b = rng.randrange(len(new_items)), rng.randrange(len(new_items))
            new_items[a], new_items[b] = new_items[b], new_items[a]
    links = {(o, j) for j, (_, _, olds) in enumerate(new_items) for o in olds}
    new_of_old: dict[int, list[int]] = {}
    old_of_new: dict[int, list[int]] = {}
    for o, j in links:
        new_of_old.setdefault(o, []).append(j)
        old_of_new.setdefault(j, []).append(o)
    pair = EvalPair(
        old=tuple(t for t, _ in old_items),
        new=tuple(t for t, _, _ in new_items),
        links=frozenset(links),
        added=frozenset(j for j, (_, _, olds) in enumerate(new_items) if not olds),
        dropped=frozenset(dropped),
        splits=frozenset((o, tuple(sorted(new_of_old[o]))) for o in splits),
        merges=frozenset(
            (tuple(sorted(old_of_new[j])), j) for j in old_of_new if len(old_of_new[j]) > 1
        ),
    )
    return [(t, asks) for t, asks, _ in new_items], pair


def make_pair(seed: int, *, hard: bool = False) -> EvalPair:
    """One pair; with hard=True every heavy rewording is a no-shared-words paraphrase."""
    rng = random.Random(seed)
    return _evolve(rng, _initial(rng, rng.randint(5, 11)), hard)[1]


def make_set(n: int = 300, *, seed: int = 2026, hard: bool = False) -> list[EvalPair]:
    return [make_pair(seed * 100003 + k, hard=hard) for k in range(n)]


def make_chain(seed: int, years: int) -> list[tuple[str, ...]]:
    """One fictional country's lists over `years` consecutive reports."""
    rng = random.Random(seed)
    items = _initial(rng, rng.randint(5, 11))
    out = [tuple(t for t, _ in items)]
    for _ in range(years - 1):
        items, _pair = _evolve(rng, items, False)
        if len(items) < 4:  # keep lists at a realistic length
            present = {a for _, asks in items for a in asks}
            extra = [a for a in range(len(ASKS)) if a not in present][: 6 - len(items)]
            items += [(ASKS[a][0], [a]) for a in extra]
        out.append(tuple(t for t, _ in items))
    return out


_TIERS = ("Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3")
_SYLLABLES = ("KOR", "VAN", "TEL", "MIR", "SOL", "DAR", "BEL", "NOR", "QUA", "ZEN")


def country_names(n: int) -> list[str]:
    """n fictional country names (KORKORKORIA, ...), in a fixed order."""
    from itertools import product

    names = ["".join(p) + "IA" for p in product(_SYLLABLES, repeat=3)]
    if n > len(names):
        raise ValueError(f"at most {len(names)} fictional countries")
    return names[:n]


def synthetic_corpus(countries: int, years: range, *, variant: str = "") -> dict[str, str]:
    """A clearly synthetic corpus: relative path -> narrative text, one per country and year.
    `variant` appends one extra item everywhere (to make a second version of every table)."""
    out = {}
    for c, name in enumerate(country_names(countries)):
        chain = make_chain(c, len(years))
        for k, year in enumerate(years):
            items = " • ".join(chain[k]) + (f" • Adopt measure {variant}." if variant else "")
            out[f"{year}/synthetic_{name.lower()}.txt"] = (
                f"SYNTHETIC TEST TEXT\n{year} Trafficking in Persons Report: {name.title()}\n"
                f"{name}: {_TIERS[(c + k) % 4]}\nThe Government of {name.title()} does not fully meet "
                "the minimum standards for the elimination of trafficking.\nPRIORITIZED RECOMMENDATIONS:\n"
                f"{items}\nPROSECUTION\nThe government maintained law enforcement efforts.\n"
            )
    return out
