"""Load the real evaluation sets: manifests from this folder, texts from a rebuilt copies folder.

    from realsets.load import load_parse_set, load_pairs      # from a script in bench/

The repository keeps only manifests (`copies.jsonl`, `pairs.jsonl`): where each copy comes
from, what it shows, the sha256 of its bytes and of each recommendation's normalized text, the
item spans, and hand labels as item numbers. The texts themselves live outside the repository
(rebuilt with `rebuild.py`, see README.md). Everything here refuses a copy whose bytes do not
hash to the recorded value: an item span is only meaningful in the exact text it was read in.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
COPIES_MANIFEST = HERE / "copies.jsonl"
PAIRS_MANIFEST = HERE / "pairs.jsonl"
DEFAULT_COPIES_DIR = Path(os.environ.get("TIPDIFF_REALSETS", "/work/realsets/copies"))

LINK_KINDS = (
    "verbatim",
    "light_edit",
    "paraphrase",
    "narrowed",
    "broadened",
    "split_part",
    "merge_part",
)
# held2, held3: the second and third held-back parts, of new countries (README.md)
SPLITS = ("dev", "held", "held2", "held3")

# A bullet, dash or list number at the very start of an item (removed by normalize_item).
_LEADING_MARK = re.compile(r"^(?:[•·▪●◦‣∙*\-–—]+|\(?\d{1,2}[.)]|\(?[a-z][.)](?=\s))\s*")


def normalize_item(text: str) -> str:
    """The one normalization behind every item hash: Unicode NFC, every run of whitespace
    (line breaks, tabs, no-break spaces included) to one space, stripped, and a leading bullet,
    dash or list number removed."""
    text = unicodedata.normalize("NFC", text)
    text = " ".join(text.split())
    return _LEADING_MARK.sub("", text, count=1).strip()


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def item_sha256(text: str) -> str:
    return sha256_text(normalize_item(text))


def fold_spaces(text: str) -> str:
    """Every space character (Unicode category Zs, e.g. a no-break space) as a plain space: the
    same length, so offsets hold. Used to tell a copy that differs only in the kind of space."""
    return "".join(" " if unicodedata.category(c) == "Zs" else c for c in text)


_ID = re.compile(r"[A-Z]{3}-\d{4}-[a-z0-9]+(?:-[a-z0-9]+)*")


def safe_id(cid: object) -> str:
    """A copy id as the manifest writes them (`ALB-2022-ecoi`); anything else (a path, dots,
    slashes) is refused before it can name a file."""
    if not isinstance(cid, str) or not _ID.fullmatch(cid):
        raise RealSetError(f"not a copy id: {cid!r} (expected e.g. ALB-2022-ecoi)")
    return cid


class RealSetError(Exception):
    """A copy is missing or does not match its manifest; the message names each one."""


@dataclass(frozen=True)
class Item:
    number: int  # 1-based, as the list prints it
    text: str  # the copy's text of the span, as written
    start: int
    end: int
    cut: bool  # the copy ends inside this item


@dataclass(frozen=True)
class Copy:
    id: str
    meta: dict  # the manifest record (country, year, site, shape, tier, ...)
    text: str
    items: tuple[Item, ...]

    @property
    def split(self) -> str:
        return self.meta["split"]


@dataclass(frozen=True)
class Link:
    old: int  # 1-based item numbers
    new: int
    kind: str


@dataclass(frozen=True)
class Pair:
    id: str
    meta: dict
    old: Copy
    new: Copy
    links: tuple[Link, ...]
    added: tuple[int, ...]  # new items absent from the whole old list
    dropped: tuple[int, ...]  # old items absent from the whole new list
    not_visible_old: tuple[int, ...]  # old items whose counterpart may lie past the new copy's cut
    not_visible_new: tuple[int, ...]  # new items whose counterpart may lie past the old copy's cut
    reinstated: tuple[int, ...]

    @property
    def split(self) -> str:
        return self.meta["split"]


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise RealSetError(f"{path}:{n}: not JSON ({exc.msg})") from exc
    return rows


def copy_records(manifest: Path = COPIES_MANIFEST) -> list[dict]:
    return read_jsonl(manifest)


def check_copy(rec: dict, copies_dir: Path) -> tuple[str, list[str], str | None]:
    """Verify one copy against its record. Returns (status, problems, text): status is `ok`,
    `ok-spaces` (the bytes differ only where the manifest records that the kind of space could
    not be seen, and the byte count is the one the stored excerpt has), `spaces` (same text but
    for the kind of space characters), `missing` or `different`."""
    path = copies_dir / f"{safe_id(rec['id'])}.txt"
    if not path.is_file():
        return "missing", [f"{path}: no such file"], None
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return "different", [f"{path}: not UTF-8 at byte {exc.start}"], None
    problems = []
    folded_same = sha256_text(fold_spaces(text)) == rec["sha256_spaces_folded"]
    if hashlib.sha256(data).hexdigest() == rec["sha256"]:
        status = "ok"
    elif (
        folded_same
        and rec.get("space_kinds_uncertain")
        and len(data) == rec.get("utf8_bytes_expected", rec["utf8_bytes"])
    ):
        # The manifest says which spaces are no-break ones could not be seen when the copy was
        # recorded, and how many bytes the stored excerpt has: this copy has exactly that.
        status = "ok-spaces"
    elif folded_same:
        status = "spaces"
        problems.append(
            "same text, but some space characters differ in kind (e.g. a no-break space saved "
            "as a plain space); offsets and item texts are unaffected"
        )
    else:
        status = "different"
        problems.append(
            f"bytes differ: {len(data)} bytes / {len(text)} characters here, "
            f"{rec['utf8_bytes']} / {rec['chars']} recorded"
        )
    for it in rec["items"]:
        got = text[it["start"] : it["end"]]
        if item_sha256(got) != it["sha256"]:
            problems.append(
                f"item #{it['number']} at [{it['start']}, {it['end']}) does not match its hash"
            )
    if status in ("ok", "ok-spaces") and problems:  # the text matches but the spans do not
        status = "different"
    return status, problems, text


def _as_copy(rec: dict, text: str) -> Copy:
    items = tuple(
        Item(it["number"], text[it["start"] : it["end"]], it["start"], it["end"], it["cut"])
        for it in rec["items"]
    )
    return Copy(rec["id"], rec, text, items)


def load_copies(
    copies_dir: Path | str = DEFAULT_COPIES_DIR,
    *,
    manifest: Path = COPIES_MANIFEST,
    split: str | None = None,
    ids: set[str] | None = None,
    allow_space_variants: bool = False,
) -> dict[str, Copy]:
    """Every copy of the manifest (or of one split, or the given ids), verified. Raises
    RealSetError naming every copy that is missing or does not match; nothing is loaded then."""
    copies_dir = Path(copies_dir)
    if split is not None and split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
    out, bad = {}, []
    for rec in copy_records(manifest):
        if split and rec["split"] != split or ids is not None and rec["id"] not in ids:
            continue
        status, problems, text = check_copy(rec, copies_dir)
        if status in ("ok", "ok-spaces") or (
            status == "spaces" and allow_space_variants and len(problems) == 1
        ):
            out[rec["id"]] = _as_copy(rec, text)
        else:
            bad.append(f"  {rec['id']} ({status}): " + "; ".join(problems))
    if ids is not None and (unknown := ids - {r["id"] for r in copy_records(manifest)}):
        bad.append(f"  not in the manifest: {', '.join(sorted(unknown))}")
    if bad:
        raise RealSetError(
            f"{len(bad)} real cop{'y' if len(bad) == 1 else 'ies'} in {copies_dir} cannot be used "
            "(rebuild them as README.md says, then run check.py):\n" + "\n".join(bad)
        )
    return out


def load_parse_set(copies_dir: Path | str = DEFAULT_COPIES_DIR, **kw) -> list[Copy]:
    """The parse set: every copy, in manifest order, with its expected items."""
    return list(load_copies(copies_dir, **kw).values())


def load_pairs(
    copies_dir: Path | str = DEFAULT_COPIES_DIR,
    *,
    split: str | None = None,
    pairs_manifest: Path = PAIRS_MANIFEST,
    manifest: Path = COPIES_MANIFEST,
    allow_space_variants: bool = False,
) -> list[Pair]:
    """The labelled year pairs (of one split), each with both copies loaded and verified."""
    rows = [r for r in read_jsonl(pairs_manifest) if split is None or r["split"] == split]
    need = {r["old"] for r in rows} | {r["new"] for r in rows}
    copies = load_copies(
        copies_dir, manifest=manifest, ids=need, allow_space_variants=allow_space_variants
    )
    pairs = []
    for r in rows:
        pairs.append(
            Pair(
                r["id"],
                r,
                copies[r["old"]],
                copies[r["new"]],
                tuple(Link(a, b, k) for a, b, k in r["links"]),
                tuple(r["added"]),
                tuple(r["dropped"]),
                tuple(r["not_visible_old"]),
                tuple(r["not_visible_new"]),
                tuple(r.get("reinstated", ())),
            )
        )
    return pairs
