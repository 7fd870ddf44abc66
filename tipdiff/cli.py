"""The command line: the top layer, and the only place that turns errors into exit codes.

Exit status: 0 all good; 1 some inputs failed but the rest was processed; 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .model import InputError, ParseResult
from .parse import parse_bytes

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors exit 2 without a traceback
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def read_inputs(paths: list[str], **kwargs) -> ParseResult:
    """Parse every file; a file that cannot be read is an error entry, never a crash."""
    docs, errors = [], []
    for path in paths:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            errors.append(InputError(path, f"{path}: cannot read the file: {exc.strerror or exc}"))
            continue
        result = parse_bytes(data, source=path, **kwargs)
        docs += result.documents
        errors += result.errors
    return ParseResult(tuple(docs), tuple(errors))


def _table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    lines = [fmt.format(*header), fmt.format(*("-" * w for w in widths))]
    lines += [fmt.format(*map(str, r)) for r in rows]
    return "\n".join(line.rstrip() for line in lines)


def _print_parse(result: ParseResult) -> None:
    rows = [
        [d.country, d.country_code or "-", d.year, d.tier or "unknown", d.tier_source or "-",
         d.tier_movement or "-", len(d.recommendations), len(d.warnings), d.source]
        for d in result.documents
    ]
    if rows:
        print(_table(rows, ["country", "code", "year", "tier", "from", "movement", "recs",
                            "warnings", "source"]))
    for d in result.documents:
        for w in d.warnings:
            print(f"warning: {d.source}: {d.country} {d.year}: {w}")


def _print_errors(errors) -> None:
    for e in errors:
        print(f"error: {e.message}", file=sys.stderr)


def cmd_parse(args) -> int:
    result = read_inputs(args.files, year=args.year, country=args.country, fmt=args.format)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_parse(result)
    _print_errors(result.errors)
    return EXIT_INPUT if result.errors else EXIT_OK


def cmd_diff(args) -> int:
    from .align import TermWeights
    from .diff import diff_narratives, pair_documents
    from .render import text_report

    old = read_inputs([args.old], year=None, country=None, fmt=args.format)
    new = read_inputs([args.new], year=None, country=None, fmt=args.format)
    errors = old.errors + new.errors
    pairs = pair_documents(old.documents, new.documents)
    weights = TermWeights.from_texts(
        r.text for d in (*old.documents, *new.documents) for r in d.recommendations)
    diffs = [diff_narratives(a, b, weights=weights) for a, b in pairs]
    if not pairs and not errors:
        errors = (InputError(args.new, (
            f"{args.old} and {args.new}: no country appears in both files: "
            "expected narratives of the same country in two report years")),)
    if args.json:
        print(json.dumps({"diffs": [d.to_dict() for d in diffs]}, ensure_ascii=False, indent=2))
    else:
        print(text_report(diffs), end="")
    _print_errors(errors)
    return EXIT_INPUT if errors else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="tipdiff", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("parse", help="parse narratives and show what was found")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--year", type=int, help="report year when neither text nor path states it")
    p.add_argument("--country", help="country name when the text states none")
    p.add_argument("--format", choices=("auto", "text", "html"), default="auto")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_parse)

    d = sub.add_parser("diff", help="what changed between two report years")
    d.add_argument("old", metavar="OLD")
    d.add_argument("new", metavar="NEW")
    d.add_argument("--format", choices=("auto", "text", "html"), default="auto")
    d.add_argument("--json", action="store_true", help="print one JSON object")
    d.set_defaults(func=cmd_diff)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
