#!/usr/bin/env python3
"""Validate tipdiff eval-set JSONL files.
usage: python3 validate.py tune.jsonl [heldout.jsonl ...]
Checks: JSON validity, required fields, index ranges, every old index accounted for
exactly once (links XOR dropped), every new index exactly once (links XOR added),
split/merge group consistency, kinds valid, reinstated/older consistency, decoys not
linked, verbatim/light_edit consistent with the text, reordered flag consistent."""
import json, re, sys

KINDS = {"verbatim", "light_edit", "paraphrase", "narrowing", "broadening", "split", "merge"}
ERAS = {"2004-2009", "2010-2016", "2017-2025"}
FIELDS = ["id", "country", "era", "from_year", "to_year", "old", "new", "links", "added",
          "dropped", "decoys", "reordered"]


def norm_v(s):
    s = s.lower().replace("lgbtqi+", "lgbti").replace("labour", "labor")
    s = s.replace("re-integration", "reintegration").replace("antitrafficking", "anti-trafficking")
    return re.sub(r"[^a-z0-9]", "", s)


def era_of(y):
    return "2004-2009" if y <= 2009 else ("2010-2016" if y <= 2016 else "2017-2025")


def check(rec, errs, prefix):
    def E(msg):
        errs.append("%s %s: %s" % (prefix, rec.get("id"), msg))
    for f in FIELDS:
        if f not in rec:
            E("missing field " + f)
            return
    old, new = rec["old"], rec["new"]
    if not all(isinstance(x, str) and x.strip() for x in old + new):
        E("empty or non-string item")
    if rec["to_year"] != rec["from_year"] + 1:
        E("to_year != from_year+1")
    if rec["era"] not in ERAS or rec["era"] != era_of(rec["to_year"]):
        E("era mismatch (era = decade of to_year)")
    if not isinstance(rec["reordered"], bool):
        E("reordered not bool")
    if len(set(old)) != len(old) or len(set(new)) != len(new):
        E("duplicate item inside a list")
    ol = {}
    nl = {}
    for l in rec["links"]:
        o, n, k = l.get("old"), l.get("new"), l.get("kind")
        if k not in KINDS:
            E("bad kind %r" % k)
        if not (isinstance(o, int) and 0 <= o < len(old)):
            E("link old index out of range %r" % o); continue
        if not (isinstance(n, int) and 0 <= n < len(new)):
            E("link new index out of range %r" % n); continue
        ol.setdefault(o, []).append((n, k))
        nl.setdefault(n, []).append((o, k))
    if len(set((l["old"], l["new"]) for l in rec["links"])) != len(rec["links"]):
        E("duplicate link")
    dropped = [d["old"] for d in rec["dropped"]]
    added = [a["new"] for a in rec["added"]]
    if len(set(dropped)) != len(dropped):
        E("old index dropped twice")
    if len(set(added)) != len(added):
        E("new index added twice")
    for i in range(len(old)):
        c = (i in ol) + (i in dropped)
        if c != 1:
            E("old index %d accounted %d times (links/dropped)" % (i, c))
    for j in range(len(new)):
        c = (j in nl) + (j in added)
        if c != 1:
            E("new index %d accounted %d times (links/added)" % (j, c))
    for i in dropped:
        if not (0 <= i < len(old)):
            E("dropped index out of range")
    for a in rec["added"]:
        if not (0 <= a["new"] < len(new)):
            E("added index out of range")
        if a.get("kind") not in ("new", "reinstated"):
            E("bad added kind %r" % a.get("kind"))
    # split / merge structure
    for o, lst in ol.items():
        ks = set(k for n, k in lst)
        if len(lst) > 1:
            if ks != {"split"}:
                E("old %d has several links that are not all split: %s" % (o, ks))
        elif "split" in ks:
            E("old %d has a single split link" % o)
    for n, lst in nl.items():
        ks = set(k for o, k in lst)
        if len(lst) > 1:
            if ks != {"merge"}:
                E("new %d has several links that are not all merge: %s" % (n, ks))
        elif "merge" in ks:
            E("new %d has a single merge link" % n)
    for l in rec["links"]:
        if l["kind"] == "split" and len(nl.get(l["new"], [])) != 1:
            E("split part new %d linked more than once" % l["new"])
        if l["kind"] == "merge" and len(ol.get(l["old"], [])) != 1:
            E("merge part old %d linked more than once" % l["old"])
        a, b = old[l["old"]], new[l["new"]]
        if l["kind"] == "verbatim" and norm_v(a) != norm_v(b):
            E("verbatim link %d->%d differs beyond case/punctuation" % (l["old"], l["new"]))
        if l["kind"] != "verbatim" and l["kind"] not in ("split", "merge") and norm_v(a) == norm_v(b):
            E("%s link %d->%d is textually identical" % (l["kind"], l["old"], l["new"]))
    # reinstated / older
    rein = rec.get("reinstated", [])
    radd = [a["new"] for a in rec["added"] if a.get("kind") == "reinstated"]
    if sorted(r["new"] for r in rein) != sorted(radd):
        E("reinstated entries do not match added kind=reinstated")
    if rein and "older" not in rec:
        E("reinstated without older list")
    if "older" in rec and not rein:
        E("older list present without reinstated item")
    for r in rein:
        if not (0 <= r["older"] < len(rec.get("older", []))):
            E("reinstated older index out of range")
        else:
            if norm_v(rec["older"][r["older"]]) in set(norm_v(x) for x in old):
                E("reinstated item is also in old list")
    # decoys
    linked = set((l["old"], l["new"]) for l in rec["links"])
    for d in rec["decoys"]:
        if not (0 <= d["old"] < len(old) and 0 <= d["new"] < len(new)):
            E("decoy index out of range")
        elif (d["old"], d["new"]) in linked:
            E("decoy pair is linked")
    # reordered consistency
    seq = {}
    for l in rec["links"]:
        seq.setdefault(l["old"], []).append(l["new"])
    order = [min(seq[o]) for o in sorted(seq)]
    ro = any(order[i] > order[i + 1] for i in range(len(order) - 1))
    if ro != rec["reordered"]:
        E("reordered flag %s but links say %s" % (rec["reordered"], ro))


def main(paths):
    errs = []
    ids = set()
    n = 0
    for p in paths:
        for ln, line in enumerate(open(p, encoding="utf-8"), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except Exception as e:
                errs.append("%s:%d invalid JSON: %s" % (p, ln, e)); continue
            if rec.get("id") in ids:
                errs.append("%s:%d duplicate id %s" % (p, ln, rec.get("id")))
            ids.add(rec.get("id"))
            check(rec, errs, "%s:%d" % (p, ln))
            n += 1
    for e in errs:
        print(e)
    print("%d records checked, %d errors" % (n, len(errs)))
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
