#!/usr/bin/env python3
"""Validate tipdiff eval-set JSONL files.
usage: python3 validate.py tune.jsonl [heldout.jsonl heldout2.jsonl ...]
Checks: JSON validity, required fields, index ranges, every old index accounted for
exactly once (links XOR dropped), every new index exactly once (links XOR added),
split/merge group consistency, kinds valid, reinstated/older consistency, decoys not
linked, verbatim/light_edit consistent with the text, reordered flag consistent.

Optional fields (heldout2.jsonl, README section 8); a file in which any record uses one of them
must use all of them in every record:
  links[].part  "main" | "addon" on every split and merge link, recomputed here from the text
                (addon = at most ADDON_MAX_WORDS words and at most ADDON_SHARE times the words of
                the longest part of its group; every group keeps at least one main part);
  links[].how   on every paraphrase link (and on split/merge parts reworded inside the group):
                synonyms | restructured | nominalised | lead-in;
  decoys[].why  stock_words | same_subject;
  added[].counterpart / dropped[].counterpart  on every added and dropped item: the index, in the
                other list, of the true counterpart that the labels do NOT link (an unlinked item of
                the other year; the relation is symmetric), or null;
  added[].near_linked / dropped[].near_linked  (optional) the index of a look-alike item of the
                other year that is linked to something else (a hint to it would be useless)."""
import json, re, sys

KINDS = {"verbatim", "light_edit", "paraphrase", "narrowing", "broadening", "split", "merge"}
HOWS = {"synonyms", "restructured", "nominalised", "lead-in"}
WHYS = {"stock_words", "same_subject"}
ADDON_MAX_WORDS = 12
ADDON_SHARE = 0.5
H2_FIELDS = ("part", "how", "why", "counterpart", "near_linked")
ERAS = {"2004-2009", "2010-2016", "2017-2025"}
FIELDS = ["id", "country", "era", "from_year", "to_year", "old", "new", "links", "added",
          "dropped", "decoys", "reordered"]


def norm_v(s):
    s = s.lower().replace("lgbtqi+", "lgbti").replace("labour", "labor")
    s = s.replace("re-integration", "reintegration").replace("antitrafficking", "anti-trafficking")
    return re.sub(r"[^a-z0-9]", "", s)


def words(s):
    return re.findall(r"[A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)*", s)


def era_of(y):
    return "2004-2009" if y <= 2009 else ("2010-2016" if y <= 2016 else "2017-2025")


def check(rec, errs, prefix, h2=False):
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
    if h2 or uses_h2_fields(rec):
        check_h2(rec, E, ol, nl)


def uses_h2_fields(rec):
    for group in ("links", "decoys", "added", "dropped"):
        for x in rec.get(group, []):
            if any(f in x for f in H2_FIELDS):
                return True
    return False


def check_h2(rec, E, ol, nl):
    old, new = rec["old"], rec["new"]
    groups = {}
    for l in rec["links"]:
        k = l["kind"]
        if "part" in l and k not in ("split", "merge"):
            E("part on a %s link" % k)
        if k in ("split", "merge"):
            if l.get("part") not in ("main", "addon"):
                E("%s link %d->%d without part main/addon" % (k, l["old"], l["new"]))
            key = ("s", l["old"]) if k == "split" else ("m", l["new"])
            groups.setdefault(key, []).append(l)
        if "how" in l and (l["how"] not in HOWS or k not in ("paraphrase", "split", "merge")):
            E("bad how %r on a %s link" % (l.get("how"), k))
        if k == "paraphrase" and "how" not in l:
            E("paraphrase link %d->%d without how" % (l["old"], l["new"]))
    for (t, _), ls in groups.items():
        texts = [new[l["new"]] if t == "s" else old[l["old"]] for l in ls]
        n = [len(words(x)) for x in texts]
        top = max(n)
        for l, k in zip(ls, n):
            want = "addon" if (k <= ADDON_MAX_WORDS and k <= ADDON_SHARE * top) else "main"
            if l.get("part") != want:
                E("%s part %d->%d labelled %s, text says %s (%d of %d words)"
                  % (l["kind"], l["old"], l["new"], l.get("part"), want, k, top))
        if not any(l.get("part") == "main" for l in ls):
            E("group without a main part")
    for d in rec["decoys"]:
        if d.get("why") not in WHYS:
            E("decoy %d/%d without why stock_words|same_subject" % (d["old"], d["new"]))
    added_new = {a["new"]: a for a in rec["added"]}
    dropped = {d["old"]: d for d in rec["dropped"]}
    for a in rec["added"]:
        if "counterpart" not in a:
            E("added %d without counterpart (null when none)" % a["new"])
            continue
        c = a["counterpart"]
        if c is not None:
            if a.get("kind") == "reinstated":
                E("reinstated item %d with a counterpart" % a["new"])
            if not (isinstance(c, int) and c in dropped):
                E("added %d counterpart %r is not a dropped old item" % (a["new"], c))
            elif dropped[c].get("counterpart") != a["new"]:
                E("counterpart of added %d not mirrored on dropped %d" % (a["new"], c))
        if "near_linked" in a:
            m = a["near_linked"]
            if not (isinstance(m, int) and m in ol) or m == c:
                E("added %d near_linked %r is not a linked old item" % (a["new"], m))
    for d in rec["dropped"]:
        if "counterpart" not in d:
            E("dropped %d without counterpart (null when none)" % d["old"])
            continue
        c = d["counterpart"]
        if c is not None:
            if not (isinstance(c, int) and c in added_new and added_new[c].get("kind") == "new"):
                E("dropped %d counterpart %r is not an added new item" % (d["old"], c))
            elif added_new[c].get("counterpart") != d["old"]:
                E("counterpart of dropped %d not mirrored on added %d" % (d["old"], c))
        if "near_linked" in d:
            m = d["near_linked"]
            if not (isinstance(m, int) and m in nl) or m == c:
                E("dropped %d near_linked %r is not a linked new item" % (d["old"], m))


def main(paths):
    errs = []
    ids = set()
    n = 0
    for p in paths:
        recs = []
        for ln, line in enumerate(open(p, encoding="utf-8"), 1):
            if not line.strip():
                continue
            try:
                recs.append((ln, json.loads(line)))
            except Exception as e:
                errs.append("%s:%d invalid JSON: %s" % (p, ln, e)); continue
        h2 = any(uses_h2_fields(rec) for _, rec in recs)
        for ln, rec in recs:
            if rec.get("id") in ids:
                errs.append("%s:%d duplicate id %s" % (p, ln, rec.get("id")))
            ids.add(rec.get("id"))
            check(rec, errs, "%s:%d" % (p, ln), h2)
            n += 1
    for e in errs:
        print(e)
    print("%d records checked, %d errors" % (n, len(errs)))
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
