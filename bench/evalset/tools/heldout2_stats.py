#!/usr/bin/env python3
"""Counts for an eval-set file that uses the heldout2 fields (part, how, why, counterpart,
near_linked), per era: the figures quoted in README.md section 8.
usage: python3 heldout2_stats.py heldout2.jsonl
Content-word overlap (for paraphrases and decoys) is the Jaccard index of lower-cased words
with the STOP words and the report's STOCK words removed and a crude suffix strip; it describes
the data and is not any tool's score."""
import collections
import json
import re
import statistics
import sys

ERAS = ["2004-2009", "2010-2016", "2017-2025"]
KINDS = ["verbatim", "light_edit", "paraphrase", "narrowing", "broadening", "split", "merge"]
STOP = set("""a an the and or of to in on for with by from as at its it their them they this that
these those who which whom be is are was were been being should also further its into over under
such any all each every more most other including include includes especially particularly
so not no than then there while who whose where when rather instead both either can could
would may might must will shall has have had do does did up out about through per among""".split())
STOCK = set("""increase increased efforts effort government proactively proactive identify
identification identified victims victim trafficking traffickers trafficker anti comprehensive
services service provide provision adequate adequately officials official complicit complicity
ensure continue improve strengthen implement implementation vigorously investigate investigations
investigation prosecute prosecutions prosecution convict convictions conviction punish
offenders offenses offense crimes crime persons human""".split())


def toks(s, drop_stock=True):
    out = set()
    for w in re.findall(r"[a-z0-9]+", s.lower()):
        if w in STOP or (drop_stock and w in STOCK):
            continue
        for suf in ("ations", "ation", "ings", "ing", "ies", "ed", "es", "s"):
            if len(w) > len(suf) + 3 and w.endswith(suf):
                w = w[: -len(suf)]
                break
        out.add(w)
    return out


def jacc(a, b, drop_stock=True):
    x, y = toks(a, drop_stock), toks(b, drop_stock)
    return len(x & y) / max(1, len(x | y))


def main(path):
    R = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    C = {e: collections.Counter() for e in ERAS + ["all"]}
    para_j, para_j_all, decoy_j, decoy_j_all = [], [], [], []
    how_c, why_c = collections.Counter(), collections.Counter()
    lens = collections.defaultdict(list)
    for r in R:
        for e in (r["era"], "all"):
            c = C[e]
            c["pairs"] += 1
            c["old items"] += len(r["old"])
            c["new items"] += len(r["new"])
            for l in r["links"]:
                c["link:" + l["kind"]] += 1
                c["links"] += 1
                if l.get("part") == "addon":
                    c["add-on parts"] += 1
                    c["add-on parts (%s)" % l["kind"]] += 1
            c["merge groups"] += len({l["new"] for l in r["links"] if l["kind"] == "merge"})
            c["split groups"] += len({l["old"] for l in r["links"] if l["kind"] == "split"})
            c["groups with an add-on part"] += len(
                {("m", l["new"]) for l in r["links"] if l["kind"] == "merge" and l.get("part") == "addon"}
                | {("s", l["old"]) for l in r["links"] if l["kind"] == "split" and l.get("part") == "addon"})
            c["reworded parts (how on split/merge)"] += sum(
                1 for l in r["links"] if l["kind"] in ("split", "merge") and l.get("how"))
            c["decoy pairs"] += len(r["decoys"])
            c["pairs with a decoy"] += bool(r["decoys"])
            c["dropped"] += len(r["dropped"])
            c["added"] += len(r["added"])
            c["reinstated"] += len(r["reinstated"])
            c["reordered pairs"] += r["reordered"]
            c["hint: added with counterpart"] += sum(1 for a in r["added"] if a.get("counterpart") is not None)
            c["hint: dropped with counterpart"] += sum(1 for d in r["dropped"] if d.get("counterpart") is not None)
            c["hint trap: added near_linked"] += sum(1 for a in r["added"] if "near_linked" in a)
            c["hint trap: dropped near_linked"] += sum(1 for d in r["dropped"] if "near_linked" in d)
        for l in r["links"]:
            if l["kind"] == "paraphrase":
                how_c[(r["era"], l.get("how"))] += 1
                para_j.append(jacc(r["old"][l["old"]], r["new"][l["new"]]))
                para_j_all.append(jacc(r["old"][l["old"]], r["new"][l["new"]], False))
        for d in r["decoys"]:
            why_c[(r["era"], d.get("why"))] += 1
            decoy_j.append(jacc(r["old"][d["old"]], r["new"][d["new"]]))
            decoy_j_all.append(jacc(r["old"][d["old"]], r["new"][d["new"]], False))
        lens[r["from_year"]].append(len(r["old"]))
        lens[r["to_year"]].append(len(r["new"]))
    keys = ["pairs", "old items", "new items", "links"] + ["link:" + k for k in KINDS] + [
        "merge groups", "split groups", "groups with an add-on part", "add-on parts",
        "add-on parts (merge)", "add-on parts (split)", "reworded parts (how on split/merge)",
        "decoy pairs", "pairs with a decoy", "dropped", "added", "reinstated", "reordered pairs",
        "hint: added with counterpart", "hint: dropped with counterpart",
        "hint trap: added near_linked", "hint trap: dropped near_linked"]
    print("| | all | " + " | ".join(ERAS) + " |")
    print("|---|---|---|---|---|")
    for k in keys:
        print("| %s | %s |" % (k, " | ".join(str(C[e][k]) for e in ["all"] + ERAS)))
    print()
    print("paraphrase links by how and era:", dict(sorted(how_c.items())))
    print("decoy pairs by why and era:", dict(sorted(why_c.items())))
    q = lambda xs: "median %.2f, max %.2f" % (statistics.median(xs), max(xs)) if xs else "-"
    print("content-word Jaccard, paraphrase links: %s (with stock words kept: %s)" % (q(para_j), q(para_j_all)))
    print("content-word Jaccard, decoy pairs:     %s (with stock words kept: %s)" % (q(decoy_j), q(decoy_j_all)))
    buckets = collections.defaultdict(list)
    for y, ls in lens.items():
        b = "2004-07" if y <= 2007 else ("2008-09" if y <= 2009 else ("2010-16" if y <= 2016 else "2017-25"))
        buckets[b].extend(ls)
    print("list lengths (each list side of each pair):",
          {b: "median %s (%d-%d)" % (statistics.median(v), min(v), max(v)) for b, v in sorted(buckets.items())})
    tiers = collections.Counter(re.search(r"tier \(fictional\) (\S+)", r["notes"]).group(1) for r in R)
    print("tiers (to_year):", dict(tiers), "countries:", len({r["country"] for r in R}))


if __name__ == "__main__":
    main(sys.argv[1])
