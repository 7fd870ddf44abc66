"""The digest of a run: what is new in this published set against the previous one, per
country (tier moves, added, dropped with their evidence verdict, reinstated, and what the
previous set said that this one no longer does), as JSON, a page (HTML and Markdown) and an
entry in a global Atom feed. Pure: tables in, data and bytes out.

A change is the same in two sets when its country, year pair, kind and texts (their sha256)
are the same; a dropped ask whose evidence verdict differs is news too. A tier is news when
its country and year are new, or its tier differs. With no previous set (a first publication,
or one that cannot be read), the digest covers each country's latest year pair, and says so.

The digest depends on the set it replaces, so it is the one part of a set that a clean run
and a rerun do not share byte for byte: `DIGEST_FILES` are left out of those comparisons.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from .evidence import VERDICTS
from .records import plain_row

DIGEST_VERSION = 2  # 2: not_read
DIGEST_JSON = "digest.json"
DIGEST_PAGE = "reports/digest"  # .html and .md
DIGEST_FEED = "reports/feeds/digest.xml"
DIGEST_FILES = (DIGEST_JSON, f"{DIGEST_PAGE}.html", f"{DIGEST_PAGE}.md", DIGEST_FEED)
FEED_ENTRIES = 50  # the global feed keeps the newest entries
NEWS_KINDS = ("added", "dropped", "reinstated")
SCOPES = {
    "previous": "what is new against the previous published set",
    "latest": "no previous set could be read: each country's latest year pair",
}
MOVES_SHOWN = ("upgraded", "downgraded", "unranked")


def _key(r: Mapping) -> tuple:
    return (
        r["country"],
        r["from_year"],
        r["to_year"],
        r["kind"],
        r["from_text_sha256"],
        r["to_text_sha256"],
    )


def _rows(df) -> list[dict]:
    if df is None:
        return []
    return [plain_row(r) for r in df.astype(object).to_dict(orient="records")]


def _entry(r: Mapping, evidence: Mapping[str, list]) -> dict:
    out = {
        "from_year": r["from_year"],
        "to_year": r["to_year"],
        "change_id": r["change_id"],
        "number": r["to_number"] if r["kind"] != "dropped" else r["from_number"],
        "text": r["to_text"] if r["kind"] != "dropped" else r["from_text"],
    }
    if r["kind"] == "dropped":
        said = sorted(evidence.get(r["change_id"], ()), key=lambda e: e["rank"])
        verdict = r.get("evidence_verdict")
        out["evidence"] = None if verdict is None else {
            "verdict": verdict,
            "sentence": said[0]["text"] if said else None,
            "stance": said[0]["stance"] if said else None,
        }
    if r["kind"] == "reinstated":
        out["last_asked_year"] = r["last_asked_year"]
    return out


def build_digest(
    tables: Mapping,
    previous: Mapping | None,
    *,
    pages: Mapping[str, str] | None = None,
    made_at: str,
    previous_set: str | None = None,
    not_read: Sequence[Mapping] = (),
) -> dict:
    """The digest of a set (`tables`: its changes, evidence and tiers DataFrames) against the
    `previous` set's tables (or None). `pages`: country -> its page's file name; `not_read`:
    what of the previous set could not be read (`read_previous`), said in the digest."""
    changes = [r for r in _rows(tables["changes"]) if r["kind"] in NEWS_KINDS]
    evidence: dict[str, list] = {}
    for e in _rows(tables.get("evidence")):
        evidence.setdefault(e["change_id"], []).append(e)
    tiers = _rows(tables["tiers"])
    scope = "previous" if previous is not None else "latest"
    if previous is not None:
        old_changes = [r for r in _rows(previous.get("changes")) if r["kind"] in NEWS_KINDS]
        has_verdicts = previous.get("changes") is not None and (
            "evidence_verdict" in previous["changes"].columns
        )
        before = {_key(r): r.get("evidence_verdict") for r in old_changes}
        now_keys = {_key(r) for r in changes}
        new = [
            r
            for r in changes
            if _key(r) not in before
            or (
                has_verdicts
                and r["kind"] == "dropped"
                and before[_key(r)] != r.get("evidence_verdict")
            )
        ]
        gone = [r for r in old_changes if _key(r) not in now_keys]
        old_tiers = {(t["country"], t["year"]): t["tier"] for t in _rows(previous.get("tiers"))}
        new_tiers = [
            t for t in tiers if old_tiers.get((t["country"], t["year"]), "\0") != t["tier"]
        ]
    else:
        latest: dict[str, tuple[int, int]] = {}
        for r in _rows(tables["changes"]):
            pair = (r["from_year"], r["to_year"])
            latest[r["country"]] = max(latest.get(r["country"], pair), pair)
        new = [r for r in changes if latest.get(r["country"]) == (r["from_year"], r["to_year"])]
        gone = []
        last_year = {}
        for t in tiers:
            last_year[t["country"]] = max(last_year.get(t["country"], t["year"]), t["year"])
        new_tiers = [t for t in tiers if t["year"] == last_year[t["country"]]]
    countries: dict[str, dict] = {}

    def country(r: Mapping) -> dict:
        c = countries.get(r["country"])
        if c is None:
            c = countries[r["country"]] = {
                "country": r["country"],
                "country_code": r["country_code"],
                "page": (pages or {}).get(r["country"]),
                "tier_moves": [],
                **{k: [] for k in NEWS_KINDS},
                "no_longer": [],
            }
        return c

    for t in sorted(new_tiers, key=lambda t: (t["country"], t["year"])):
        if t["tier_change"] in MOVES_SHOWN:
            prev = [u for u in tiers if u["country"] == t["country"] and u["year"] < t["year"]]
            country(t)["tier_moves"].append(
                {
                    "year": t["year"],
                    "from": prev[-1]["tier"] if prev else None,
                    "to": t["tier"],
                    "change": t["tier_change"],
                }
            )
    for r in sorted(new, key=lambda r: (r["country"], r["to_year"], r["change_id"])):
        c = country(r)
        entry = _entry(r, evidence)
        if entry not in c[r["kind"]]:
            c[r["kind"]].append(entry)
    for r in sorted(gone, key=lambda r: (r["country"], r["to_year"], r["change_id"])):
        country(r)["no_longer"].append(
            {
                "kind": r["kind"],
                "from_year": r["from_year"],
                "to_year": r["to_year"],
                "text": r["to_text"] if r["kind"] != "dropped" else r["from_text"],
            }
        )
    listed = sorted(countries.values(), key=lambda c: c["country"])
    verdicts = dict.fromkeys(VERDICTS, 0)
    for c in listed:
        for e in c["dropped"]:
            if e["evidence"]:
                verdicts[e["evidence"]["verdict"]] += 1
    counts = {
        "countries": len(listed),
        "tier_moves": sum(len(c["tier_moves"]) for c in listed),
        **{k: sum(len(c[k]) for c in listed) for k in NEWS_KINDS},
        "no_longer": sum(len(c["no_longer"]) for c in listed),
        "dropped_by_verdict": verdicts,
    }
    return {
        "digest_version": DIGEST_VERSION,
        "made_at": made_at,
        "previous_set": previous_set,
        "scope": scope,
        "scope_text": SCOPES[scope],
        "changed": bool(listed),
        "not_read": [{"file": u["file"], "problem": u["problem"]} for u in not_read],
        "counts": counts,
        "countries": listed,
    }


# What the digest reads of the previous set, with the columns it needs (a file that lacks
# one, or holds a value of the wrong kind there, is not read).
PREVIOUS_TABLES = {
    "changes": {
        "country": "text", "country_code": "text?", "from_year": "year", "to_year": "year",
        "kind": "text", "change_id": "text", "from_number": "number?", "to_number": "number?",
        "from_text": "text?", "to_text": "text?", "from_text_sha256": "text?",
        "to_text_sha256": "text?",
    },
    "tiers": {"country": "text", "country_code": "text?", "year": "year", "tier": "text?"},
}
_PROBLEM_CHARS = 300  # a reader's own message is cut to this


def _problem(text: str) -> str:
    from .render.escape import visible_controls

    text = visible_controls(" ".join(str(text).split()))
    return text if len(text) <= _PROBLEM_CHARS else text[: _PROBLEM_CHARS - 1] + "…"


def _column_problem(df, columns: Mapping[str, str]) -> str | None:
    """None when every needed column is there with values of its kind; else what is wrong."""
    import numbers

    import pandas as pd

    for name, kind in columns.items():
        if name not in df.columns:
            return f"no column {name!r}"
        optional = kind.endswith("?")
        base = kind.rstrip("?")
        for v in df[name].astype(object):
            if v is None or v is pd.NA or (isinstance(v, float) and v != v):
                if optional:
                    continue
                return f"column {name!r} has an empty value"
            if base == "text":
                if not isinstance(v, str):
                    return f"column {name!r} holds a {type(v).__name__}, expected text"
            elif isinstance(v, bool) or not isinstance(v, numbers.Real) or v != int(v):
                return f"column {name!r} holds a {type(v).__name__}, expected a whole number"
            elif base == "year" and not 1900 <= v <= 2200:
                return f"column {name!r} holds {int(v)}, expected a report year"
    return None


def read_previous(folder) -> tuple[dict | None, bytes | None, list[dict]]:
    """What the digest compares with: the previous set's changes and tiers tables, its global
    feed, and what could not be read (`[{file, problem}]`, in the digest as `not_read`).

    A file is read only when it is no larger than its bound (limits.MAX_DIGEST_TABLE_BYTES,
    MAX_DIGEST_FEED_BYTES) and its bytes have the sha256 that the set's own manifest records
    for it (tipdiff.trust); a table must have the columns the digest needs, with values of
    their kind. Tables that cannot be read give (None, ...): the digest then covers each
    country's latest year pair and says why. A feed that cannot be read gives None: the new
    feed starts again from this run's entry, and the digest says so. Never raises."""
    if folder is None:
        return None, None, []
    import io
    import json

    from .limits import MAX_DIGEST_FEED_BYTES, MAX_DIGEST_TABLE_BYTES, describe_bytes
    from .trust import MANIFEST

    unread: list[dict] = []
    try:
        recorded = json.loads((folder / MANIFEST).read_bytes()).get("outputs")
        if not isinstance(recorded, dict):
            raise ValueError("it has no list of outputs")
    except (OSError, ValueError, AttributeError, RecursionError) as e:
        recorded = None
        unread.append(
            {"file": MANIFEST, "problem": _problem(f"cannot be read ({e}): no file of the "
                                                    "previous set can be checked, none is used")}
        )

    def vouched(name: str, bound: int) -> bytes | None:
        if recorded is None:
            return None
        path = folder / name
        try:
            size = path.stat().st_size
            if size > bound:
                unread.append({"file": name, "problem": (
                    f"{describe_bytes(size)}, more than the {describe_bytes(bound)} the digest "
                    "reads")})
                return None
            with path.open("rb") as f:
                data = f.read(bound + 1)
        except OSError as e:
            unread.append({"file": name, "problem": _problem(
                f"cannot be read: {e.strerror or type(e).__name__}")})
            return None
        expected = recorded.get(name)
        if not isinstance(expected, str):
            unread.append({"file": name, "problem": "the set's manifest does not list it"})
            return None
        if len(data) > bound or hashlib.sha256(data).hexdigest() != expected:
            unread.append({"file": name, "problem": (
                "its sha256 is not the one the set's manifest records (changed, cut short or "
                "damaged after publishing)")})
            return None
        return data

    feed = vouched(DIGEST_FEED, MAX_DIGEST_FEED_BYTES)
    if feed is not None and (problem := _feed_problem(feed)):
        unread.append({"file": DIGEST_FEED, "problem": problem})
        feed = None
    for u in unread:
        if u["file"] == DIGEST_FEED:
            u["problem"] += "; the feed starts again from this run's entry"
    tables = {}
    for name, columns in PREVIOUS_TABLES.items():
        file = f"{name}.parquet"
        data = vouched(file, MAX_DIGEST_TABLE_BYTES)
        if data is None:
            return None, feed, unread
        try:
            import pandas as pd

            df = pd.read_parquet(io.BytesIO(data))
        except Exception as e:  # noqa: BLE001 - pyarrow raises many kinds for a bad file
            unread.append({"file": file, "problem": _problem(
                f"cannot be read as a table: {type(e).__name__}: {e}")})
            return None, feed, unread
        problem = _column_problem(df, columns)
        if problem:
            unread.append({"file": file, "problem": _problem(problem)})
            return None, feed, unread
        extra = [c for c in ("evidence_verdict",) if c in df.columns and name == "changes"]
        tables[name] = df[[*columns, *extra]]
    return tables, feed, unread


def _feed_problem(feed: bytes) -> str | None:
    import lxml.etree

    try:
        parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        root = lxml.etree.fromstring(feed, parser)
    except lxml.etree.XMLSyntaxError as e:
        return _problem(f"cannot be read as an Atom feed: {e}")
    if root.tag != "{http://www.w3.org/2005/Atom}feed":
        return "not an Atom feed"
    return None


def digest_json(d: Mapping) -> bytes:
    return (json.dumps(d, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode()


def summary_line(d: Mapping) -> str:
    """The digest in one line (the feed entry's title, the log)."""
    c = d["counts"]
    if not d["changed"]:
        return "nothing new"
    parts = [f"{c['countries']} countr{'y' if c['countries'] == 1 else 'ies'}"]
    for key, word in (
        ("tier_moves", "tier move"),
        ("added", "added"),
        ("dropped", "dropped"),
        ("reinstated", "reinstated"),
        ("no_longer", "no longer said"),
    ):
        if c[key]:
            parts.append(f"{c[key]} {word}{'s' if key == 'tier_moves' and c[key] != 1 else ''}")
    return ", ".join(parts)


def parse_time(stamp: str) -> datetime:
    """A run's start time (`2025-06-01T06:00:00Z`) as an aware datetime (UTC)."""
    try:
        return datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        return datetime(1970, 1, 1, tzinfo=UTC)


def previous_entries(feed: bytes | None) -> list[dict]:
    """The entries of the previous set's global feed (id, title, updated, content), newest
    first; a feed that cannot be read gives none (the next entries start a new feed)."""
    if not feed:
        return []
    import lxml.etree

    ns = {"a": "http://www.w3.org/2005/Atom"}
    try:
        parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        root = lxml.etree.fromstring(feed, parser)
    except lxml.etree.XMLSyntaxError:
        return []
    out = []
    for e in root.findall("a:entry", ns)[:FEED_ENTRIES]:
        entry = {
            "id": e.findtext("a:id", default="", namespaces=ns),
            "title": e.findtext("a:title", default="", namespaces=ns),
            "updated": e.findtext("a:updated", default="", namespaces=ns),
            "content": e.findtext("a:content", default="", namespaces=ns),
        }
        if entry["id"].startswith("urn:tipdiff:digest:"):
            out.append(entry)
    return out
