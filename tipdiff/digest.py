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

import json
from collections.abc import Mapping
from datetime import UTC, datetime

from .evidence import VERDICTS
from .records import plain_row

DIGEST_VERSION = 1
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
) -> dict:
    """The digest of a set (`tables`: its changes, evidence and tiers DataFrames) against the
    `previous` set's tables (or None). `pages`: country -> its page's file name."""
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
        "counts": counts,
        "countries": listed,
    }


def read_previous(folder) -> tuple[dict | None, bytes | None]:
    """The previous set's tables the digest compares with (changes, tiers, evidence), and
    its global feed; (None, None) when there is no previous set, and (None, feed) when its
    tables cannot be read (the digest then covers each country's latest year pair)."""
    if folder is None:
        return None, None
    import pandas as pd

    feed = None
    try:
        feed = (folder / DIGEST_FEED).read_bytes()
    except OSError:
        pass
    tables = {}
    for name in ("changes", "tiers", "evidence"):
        try:
            tables[name] = pd.read_parquet(folder / f"{name}.parquet")
        except Exception:  # noqa: BLE001 - pyarrow raises many kinds for a bad file
            if name != "evidence":  # a set made before evidence existed has none
                return None, feed
    return tables, feed


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
