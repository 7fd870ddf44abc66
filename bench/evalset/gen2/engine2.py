"""Turn hand-written country chains into labelled year pairs (heldout2.jsonl).

Every sentence lives in the chain files (chains_*.py), written by hand; this module only
renders each year's list in the report's shape for that year, numbers the items and derives
the labels from the provenance written beside each item, so that no index is typed by hand.

Item helpers (used in the chain files):
  K(uid)                       the ask is kept word for word (re-rendered for the year's format)
  E(uid, text, kind, how=None) the ask is kept with new wording; kind light_edit | paraphrase |
                               narrowing | broadening; how (paraphrase only) synonyms |
                               restructured | nominalised | lead-in
  N(uid, text, cp=None, near=None)
                               a new ask; cp = uid of the previous year's DROPPED ask that is its
                               true counterpart though not the same ask (a useful hint);
                               near = uid of a previous-year ask that it resembles but that is
                               LINKED to something else (a hint to it would be useless)
  M(uid, text, parts, how=None) merge of the previous year's asks listed in parts; how =
                               {old uid: how} when that part is reworded inside the joined ask
  S(uid, src, text, how=None)  one part of a split of the previous year's ask src
Each part of a merge or split is labelled "addon" when it has at most ADDON_MAX_WORDS words and
at most ADDON_SHARE times the words of the longest part of its group (merge: the old asks;
split: the new asks), otherwise "main"; the labels are computed, never typed.
  R(uid, text=None)            reinstated: uid is an ask of the year before the previous one
                               (absent from the previous year); text None = same wording
Year(year, items, decoys=[(old uid, new uid, why)], drops={old uid: {"near": new uid}},
     note="...") describes one report year after the first.
"""
from __future__ import annotations

import json
import re

SAME = None
ADDON_MAX_WORDS = 12
ADDON_SHARE = 0.5
PROSE_LAST = 2007   # 2004-2007: whole 'should' sentences from the narrative
SEMI_LAST = 2018    # 2008-2018: semicolon clauses; 2019+: bullets


class K:
    def __init__(self, uid):
        self.uid, self.text, self.src, self.kind, self.x = uid, SAME, uid, "verbatim", {}


class E:
    def __init__(self, uid, text, kind, how=None):
        assert kind in ("light_edit", "paraphrase", "narrowing", "broadening"), kind
        assert (how is not None) == (kind == "paraphrase"), (uid, kind, how)
        self.uid, self.text, self.src, self.kind, self.x = uid, text, uid, kind, {"how": how}


class N:
    def __init__(self, uid, text, cp=None, near=None):
        self.uid, self.text, self.src, self.kind = uid, text, None, "new"
        self.x = {"cp": cp, "near": near}


class M:
    def __init__(self, uid, text, parts, how=None):
        assert len(parts) >= 2
        self.uid, self.text, self.src, self.kind = uid, text, list(parts), "merge"
        self.x = {"how": how or {}}


class S:
    def __init__(self, uid, src, text, how=None):
        self.uid, self.text, self.src, self.kind = uid, text, src, "split"
        self.x = {"how": how}


def part_labels(texts):
    """main/addon for the parts of one merge or split group (texts of the parts)."""
    n = [len(words(t)) for t in texts]
    top = max(n)
    return ["addon" if (k <= ADDON_MAX_WORDS and k <= ADDON_SHARE * top) else "main" for k in n]


class R:
    def __init__(self, uid, text=None):
        self.uid, self.text, self.src, self.kind, self.x = uid, text, uid, "reinstated", {}


class Year:
    def __init__(self, year, items, decoys=(), drops=None, note=""):
        self.year, self.items, self.decoys = year, items, list(decoys)
        self.drops, self.note = drops or {}, note


class Chain:
    def __init__(self, name, tiers, first_year, first_items, years):
        self.name, self.tiers = name, tiers
        self.first_year, self.first_items, self.years = first_year, first_items, years


def words(s):
    return re.findall(r"[A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)*", s)


def render(texts, year):
    """The year's shape: prose sentences as written; semicolon clauses (first capitalised,
    the others lower-case, closing period on the last); bullets (capitalised, period)."""
    if year <= PROSE_LAST:
        return list(texts)
    out = []
    for i, t in enumerate(texts):
        t = t.strip().rstrip(".;")
        if year <= SEMI_LAST and i > 0 and _lowerable(t):
            t = t[0].lower() + t[1:]
        if year > SEMI_LAST or i == len(texts) - 1:
            t += "."
        out.append(t)
    return out


def _lowerable(t):
    first = t.split()[0]
    return first[:1].isupper() and first[1:].islower()


def era_of(y):
    return "2004-2009" if y <= 2009 else ("2010-2016" if y <= 2016 else "2017-2025")


def build(chains, prefix):
    recs = []
    n = 0
    for ch in chains:
        lists = {ch.first_year: [(uid, t) for uid, t in ch.first_items]}
        prev_year = ch.first_year
        for yspec in ch.years:
            y = yspec.year
            assert y == prev_year + 1, (ch.name, y)
            old = lists[prev_year]
            older = lists.get(prev_year - 1)
            old_idx = {uid: i for i, (uid, _) in enumerate(old)}
            old_text = dict(old)
            assert len(old_idx) == len(old), (ch.name, prev_year, "duplicate uid")
            new_canon = []
            links, added, rein = [], [], []
            used_src = set()
            split_seen = {}
            for j, it in enumerate(yspec.items):
                if it.kind == "reinstated":
                    assert older is not None and it.uid in dict(older) and it.uid not in old_idx, \
                        (ch.name, y, it.uid)
                    text = dict(older)[it.uid] if it.text is None else it.text
                else:
                    text = it.text if it.text is not None else old_text[it.src]
                new_canon.append((it.uid, text))
                if it.kind in ("verbatim", "light_edit", "paraphrase", "narrowing", "broadening"):
                    assert it.src in old_idx, (ch.name, y, it.src)
                    assert it.src not in used_src, (ch.name, y, it.src, "used twice")
                    used_src.add(it.src)
                    link = {"old": old_idx[it.src], "new": j, "kind": it.kind}
                    if it.x.get("how"):
                        link["how"] = it.x["how"]
                    links.append(link)
                elif it.kind == "split":
                    assert it.src in old_idx, (ch.name, y, it.src)
                    split_seen.setdefault(it.src, []).append(j)
                    link = {"old": old_idx[it.src], "new": j, "kind": "split", "part": None}
                    if it.x.get("how"):
                        link["how"] = it.x["how"]
                    links.append(link)
                elif it.kind == "merge":
                    for s in it.src:
                        assert s in old_idx and s not in used_src, (ch.name, y, s)
                        used_src.add(s)
                        link = {"old": old_idx[s], "new": j, "kind": "merge", "part": None}
                        if s in it.x["how"]:
                            link["how"] = it.x["how"][s]
                        links.append(link)
                elif it.kind == "new":
                    added.append({"new": j, "kind": "new", "_cp": it.x["cp"], "_near": it.x["near"]})
                elif it.kind == "reinstated":
                    added.append({"new": j, "kind": "reinstated", "_cp": None, "_near": None})
                    rein.append({"older": [u for u, _ in older].index(it.uid), "new": j})
                else:
                    raise AssertionError(it.kind)
            for s, parts in split_seen.items():
                assert len(parts) >= 2 and s not in used_src, (ch.name, y, s, "split")
                used_src.add(s)
                labs = part_labels([new_canon[j][1] for j in parts])
                for j, lab in zip(parts, labs):
                    for l in links:
                        if l["kind"] == "split" and l["new"] == j:
                            l["part"] = lab
            for j, it in enumerate(yspec.items):
                if it.kind == "merge":
                    labs = part_labels([old_text[s] for s in it.src])
                    for s, lab in zip(it.src, labs):
                        for l in links:
                            if l["kind"] == "merge" and l["old"] == old_idx[s]:
                                l["part"] = lab
            new_uids = [u for u, _ in new_canon]
            assert len(set(new_uids)) == len(new_uids), (ch.name, y, "duplicate new uid")
            new_idx = {u: i for i, u in enumerate(new_uids)}
            dropped = []
            for uid, _ in old:
                if uid not in used_src:
                    d = {"old": old_idx[uid]}
                    dd = yspec.drops.get(uid, {})
                    d["_near"] = dd.get("near")
                    dropped.append((uid, d))
            for uid in yspec.drops:
                assert uid not in used_src, (ch.name, y, uid, "drops entry for a linked ask")
            # counterparts, both directions
            drop_uids = {u for u, _ in dropped}
            cp_of_drop = {}
            for a in added:
                cp = a.pop("_cp")
                near = a.pop("_near")
                if cp is not None:
                    assert cp in drop_uids, (ch.name, y, cp, "counterpart must be a dropped ask")
                    assert cp not in cp_of_drop, (ch.name, y, cp)
                    cp_of_drop[cp] = a["new"]
                    a["counterpart"] = old_idx[cp]
                else:
                    a["counterpart"] = None
                if near is not None:
                    assert near in used_src, (ch.name, y, near, "near must be linked")
                    a["near_linked"] = old_idx[near]
            dropped_out = []
            for uid, d in dropped:
                near = d.pop("_near")
                d["counterpart"] = cp_of_drop.get(uid)
                if near is not None:
                    assert near in new_idx, (ch.name, y, near)
                    d["near_linked"] = new_idx[near]
                dropped_out.append(d)
            linked_new = {l["new"] for l in links}
            for d in dropped_out:
                if "near_linked" in d:
                    assert d["near_linked"] in linked_new, (ch.name, y, d, "near must be linked")
            decoys = []
            for ou, nu, why in yspec.decoys:
                decoys.append({"old": old_idx[ou], "new": new_idx[nu], "why": why})
            old_r = render([t for _, t in old], prev_year)
            new_r = render([t for _, t in new_canon], y)
            seq = {}
            for l in links:
                seq.setdefault(l["old"], []).append(l["new"])
            order = [min(seq[o]) for o in sorted(seq)]
            reordered = any(order[i] > order[i + 1] for i in range(len(order) - 1))
            n += 1
            rec = {
                "id": "%s%03d" % (prefix, n), "country": ch.name, "era": era_of(y),
                "from_year": prev_year, "to_year": y, "old": old_r, "new": new_r,
                "links": sorted(links, key=lambda l: (l["old"], l["new"])),
                "added": added, "dropped": dropped_out, "decoys": decoys,
                "reinstated": rein, "reordered": reordered,
                "notes": _notes(ch, yspec, links, old_r, new_r, added, dropped_out, rein, prev_year),
            }
            if rein:
                rec["older"] = render([t for _, t in older], prev_year - 1)
            recs.append(rec)
            lists[y] = new_canon
            prev_year = y
    return recs


def _notes(ch, yspec, links, old_r, new_r, added, dropped, rein, prev_year):
    y = yspec.year
    parts = []
    if prev_year == PROSE_LAST:
        parts.append("prose 'should' sentences become the semicolon list")
    if prev_year == SEMI_LAST:
        parts.append("semicolon list becomes prioritized bullet list")
    groups = {}
    for l in links:
        if l["kind"] == "merge":
            groups.setdefault(("m", l["new"]), []).append(l)
        elif l["kind"] == "split":
            groups.setdefault(("s", l["old"]), []).append(l)
    for (t, k), ls in sorted(groups.items()):
        if t == "m":
            addon = [str(l["old"]) for l in ls if l["part"] == "addon"]
            parts.append("old %s merged into new %d%s" % (
                ", ".join(str(l["old"]) for l in sorted(ls, key=lambda l: l["old"])), k,
                (" (short add-on part: old %s)" % ", ".join(addon)) if addon else ""))
        else:
            addon = [str(l["new"]) for l in ls if l["part"] == "addon"]
            parts.append("old %d split into new %s%s" % (
                k, ", ".join(str(l["new"]) for l in sorted(ls, key=lambda l: l["new"])),
                (" (short add-on part: new %s)" % ", ".join(addon)) if addon else ""))
    for r in rein:
        parts.append("new %d reinstates older item %d (present in %d, absent in %d)"
                     % (r["new"], r["older"], prev_year - 1, prev_year))
    for a in added:
        if a.get("counterpart") is not None:
            parts.append("new %d replaces old %d (same subject, different ask: a useful hint)"
                         % (a["new"], a["counterpart"]))
    if yspec.note:
        parts.append(yspec.note)
    parts.append("tier (fictional) %s" % ch.tiers[y])
    return "; ".join(parts)


def dump(recs, path):
    with open(path, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
