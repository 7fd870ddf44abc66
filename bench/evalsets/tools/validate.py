"""Validate the three evaluation sets: schema, unique ids, labels from the allowed sets, and
the consistency of every reference (evidence ids in their body, section bounds in their file).

usage: python3 bench/evalsets/tools/validate.py [bench/evalsets]
Prints one line per problem and a summary; exits 1 if any problem was found.
"""

import json
import sys
from pathlib import Path

FRAMES = {"prosecution", "protection", "prevention", "partnership"}
SUBTHEMES = {
    "legislation", "sentencing", "complicit_officials", "victim_identification",
    "non_punishment", "shelters_services", "victim_witness", "foreign_victims", "restitution",
    "survivor_engagement", "migrant_workers", "recruitment_fees", "labor_inspection",
    "forced_labor", "forced_child_labor", "state_forced_labor", "child_soldiers", "fishing",
    "supply_chains", "sex_trafficking", "online_exploitation", "demand_reduction", "training",
    "data", "national_action_plan", "coordination", "funding", "awareness",
}
ERAS = {"2004-2007", "2008-2016", "2017-2018", "2019-2025"}
LABELS = {"done", "partly", "none"}
KINDS = {"done": {"done_direct", "done_indirect", "done_summary_only"},
         "partly": {"partly"},
         "none": {"none_negative", "none_stagnant", "none_silent"}}
BODY_SECTIONS = {"summary", "recommendations", "prosecution", "protection", "prevention",
                 "trafficking_profile"}
DOC_SECTIONS = BODY_SECTIONS | {"title", "header", "government_efforts"}
TIERS = {"Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3", "Special Case"}


def era_of(year):
    if year <= 2007:
        return "2004-2007"
    if year <= 2016:
        return "2008-2016"
    return "2017-2018" if year <= 2018 else "2019-2025"


def read_jsonl(path, problems):
    """(line number, record) for each JSON object in path; anything else is a problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(f"{path}: missing file")
        return []
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(f"{path}: unreadable ({exc})")
        return []
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{path}:{n}: not JSON ({exc.msg})")
            continue
        if not isinstance(rec, dict):
            problems.append(f"{path}:{n}: a record must be a JSON object, not {type(rec).__name__}")
            continue
        out.append((n, rec))
    return out


def guarded(check, where, problems, *args):
    """Run one record's checks; a field of the wrong type is a problem, not a crash."""
    try:
        return check(*args)
    except (TypeError, AttributeError, ValueError, KeyError, IndexError) as exc:
        problems.append(f"{where}: a field has the wrong type or shape ({exc})")
        return None


def need(rec, fields, where, problems):
    """True when rec has exactly these fields; missing and unexpected ones are problems."""
    missing = [f for f in fields if f not in rec]
    extra = sorted(str(f) for f in rec if f not in fields)
    if missing:
        problems.append(f"{where}: missing {', '.join(missing)}")
    if extra:
        problems.append(f"{where}: unexpected field(s) {', '.join(extra)}")
    return not missing


def check_themes(root, problems, ids):
    texts = {}
    count = 0
    fields = ("id", "list_id", "number", "list_size", "year", "era", "country", "text",
              "frames", "subthemes", "hard", "note")
    for part in ("tune", "heldout"):
        path = root / "themes" / f"{part}.jsonl"
        numbers = {}

        def one(rec, where, numbers):
            if not isinstance(rec["id"], str) or not isinstance(rec["text"], str):
                problems.append(f"{where}: id and text must be strings")
                return
            if rec["id"] in ids:
                problems.append(f"{where}: duplicate id")
            ids.add(rec["id"])
            if rec["era"] not in ERAS or rec["era"] != era_of(rec["year"]):
                problems.append(f"{where}: era {rec['era']!r} does not fit year {rec['year']}")
            if not isinstance(rec["frames"], list) or not rec["frames"] \
                    or set(rec["frames"]) - FRAMES:
                problems.append(f"{where}: frames must be a non-empty subset of {sorted(FRAMES)}")
            if not isinstance(rec["subthemes"], list) or set(rec["subthemes"]) - SUBTHEMES:
                problems.append(f"{where}: sub-themes must be a list from the guide")
            elif len(set(rec["subthemes"])) != len(rec["subthemes"]):
                problems.append(f"{where}: repeated sub-theme")
            if len(rec["text"].split()) < 3:
                problems.append(f"{where}: text too short")
            key = rec["text"].lower().strip(" .")
            if key in texts:
                problems.append(f"{where}: same text as {texts[key]}")
            texts[key] = rec["id"]
            if rec["hard"] is not bool(rec["note"]):
                problems.append(f"{where}: 'hard' must be true exactly when there is a note")
            numbers.setdefault(rec["list_id"], []).append((rec["number"], rec["list_size"]))

        for n, rec in read_jsonl(path, problems):
            where = f"{path.name}:{n} ({rec.get('id')})"
            if need(rec, fields, where, problems):
                count += 1
                guarded(one, where, problems, rec, where, numbers)
        for list_id, nums in numbers.items():
            if sorted(n for n, _ in nums) != list(range(1, len(nums) + 1)) or \
                    {s for _, s in nums} != {len(nums)}:
                problems.append(f"{path.name}: list {list_id} numbers or sizes are inconsistent")
    return count


def check_evidence(root, problems, ids):
    count = 0
    fields = ("id", "country", "from_year", "to_year", "era", "tier", "ask", "topic",
              "section_expected", "subthemes", "body", "label", "kind", "evidence_ids",
              "against_ids", "notes")

    def one(rec, where):
        if not isinstance(rec["id"], str):
            problems.append(f"{where}: id must be a string")
            return
        if rec["id"] in ids:
            problems.append(f"{where}: duplicate id")
        ids.add(rec["id"])
        if rec["to_year"] != rec["from_year"] + 1 or rec["era"] != era_of(rec["to_year"]):
            problems.append(f"{where}: years or era inconsistent")
        if rec["tier"] not in TIERS:
            problems.append(f"{where}: unknown tier {rec['tier']!r}")
        if rec["label"] not in LABELS or rec["kind"] not in KINDS.get(rec["label"], ()):
            problems.append(f"{where}: label {rec['label']!r} / kind {rec['kind']!r}")
        if rec["section_expected"] not in ("prosecution", "protection", "prevention"):
            problems.append(f"{where}: section_expected {rec['section_expected']!r}")
        if set(rec["subthemes"]) - SUBTHEMES:
            problems.append(f"{where}: unknown sub-themes")
        if not isinstance(rec["ask"], str) or len(rec["ask"].split()) < 3:
            problems.append(f"{where}: ask must be a sentence")
        if not isinstance(rec["body"], list) or not rec["body"]:
            problems.append(f"{where}: body must be a non-empty list of sections")
            return
        sent_ids = []
        for sec in rec["body"]:
            need(sec, ("section", "heading", "sentences"), f"{where} body", problems)
            if sec.get("section") not in BODY_SECTIONS:
                problems.append(f"{where}: unknown body section {sec.get('section')!r}")
            for sent in sec.get("sentences", []):
                need(sent, ("id", "text"), f"{where} sentence", problems)
                if not isinstance(sent.get("text"), str) or not sent["text"].strip():
                    problems.append(f"{where}: empty sentence {sent.get('id')}")
                sent_ids.append(sent.get("id"))
        if sent_ids != [f"s{i}" for i in range(1, len(sent_ids) + 1)]:
            problems.append(f"{where}: sentence ids must run s1, s2, ... in order")
        known = set(sent_ids)
        for field in ("evidence_ids", "against_ids"):
            unknown = set(rec[field]) - known
            if unknown:
                problems.append(f"{where}: {field} not in the body: {sorted(unknown)}")
        ev, ag = rec["evidence_ids"], rec["against_ids"]
        if set(ev) & set(ag):
            problems.append(f"{where}: a sentence cannot be both evidence and against")
        if rec["label"] in ("done", "partly") and not ev:
            problems.append(f"{where}: a {rec['label']} case needs evidence_ids")
        if rec["label"] == "none" and ev:
            problems.append(f"{where}: a none case has no evidence_ids (use against_ids)")
        if rec["kind"] in ("none_negative", "none_stagnant") and not ag:
            problems.append(f"{where}: a {rec['kind']} case needs against_ids")
        if rec["kind"] == "none_silent" and (ev or ag):
            problems.append(f"{where}: a silent case cites no sentence")

    for part in ("tune", "heldout"):
        path = root / "evidence" / f"{part}.jsonl"
        for n, rec in read_jsonl(path, problems):
            where = f"{path.name}:{n} ({rec.get('id')})"
            if need(rec, fields, where, problems):
                count += 1
                guarded(one, where, problems, rec, where)
    return count


def check_sections(root, problems, ids):
    count = 0
    base = (root / "sections").resolve()
    referenced = set()

    def one(rec, where):
        if not isinstance(rec["id"], str) or not isinstance(rec["file"], str):
            problems.append(f"{where}: id and file must be strings")
            return
        if rec["id"] in ids:
            problems.append(f"{where}: duplicate id")
        ids.add(rec["id"])
        file = (base / rec["file"]).resolve()
        if base not in file.parents:
            problems.append(f"{where}: file {rec['file']!r} lies outside sections/")
            return
        referenced.add(file)
        if not file.is_file():
            problems.append(f"{where}: no file {rec['file']}")
            return
        lines = file.read_text(encoding="utf-8").split("\n")[:-1]
        if len(lines) != rec["lines"]:
            problems.append(f"{where}: 'lines' says {rec['lines']}, file has {len(lines)}")
        prev_end = 0
        for sp in rec["sections"]:
            sw = f"{where} {sp.get('section')}"
            need(sp, ("section", "heading", "start", "end"), sw, problems)
            if sp.get("section") not in DOC_SECTIONS:
                problems.append(f"{sw}: unknown section")
            start, end = sp.get("start"), sp.get("end")
            if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)) \
                    or not (prev_end < start <= end <= len(lines)):
                problems.append(f"{sw}: bounds {start}-{end} out of order or range")
                continue
            if not lines[start - 1].strip() or not lines[end - 1].strip():
                problems.append(f"{sw}: a bound falls on a blank line")
            heading = sp.get("heading")
            if heading and not lines[start - 1].startswith(heading):
                problems.append(f"{sw}: line {start} does not start with {heading!r}")
            prev_end = end

    for part in ("tune", "heldout"):
        path = root / "sections" / f"{part}.jsonl"
        for n, rec in read_jsonl(path, problems):
            where = f"{path.name}:{n} ({rec.get('id')})"
            if need(rec, ("id", "file", "country", "year", "tier", "style", "lines",
                          "sections", "notes"), where, problems):
                count += 1
                guarded(one, where, problems, rec, where)
    for part in ("tune", "heldout"):
        folder = base / part
        for file in sorted(folder.glob("*")) if folder.is_dir() else ():
            if file.resolve() not in referenced:
                problems.append(f"sections/{part}/{file.name!r}: a file no record describes")
    return count


def main(argv):
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[1]
    problems, ids = [], set()
    n_themes = check_themes(root, problems, ids)
    n_evidence = check_evidence(root, problems, ids)
    n_sections = check_sections(root, problems, ids)
    for p in problems:
        print(p)
    print(f"themes: {n_themes} items; evidence: {n_evidence} cases; sections: {n_sections} "
          f"narratives; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
