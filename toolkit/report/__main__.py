"""``python -m toolkit.report``: execute every notebook and write the HTML report."""

from __future__ import annotations

import argparse
import json
import keyword
import os
import sys
from pathlib import Path

from toolkit.errors import MESSAGES

PROG = "python -m toolkit.report"


class _Parser(argparse.ArgumentParser):
    """Bad options end in one line on stderr and exit code 2, without the usage block."""

    def error(self, message: str):  # type: ignore[override]
        _fail(f"{message} (see {PROG} --help)")
        sys.exit(2)


def _fail(message: str) -> None:
    print("error: " + " ".join(str(message).split()), file=sys.stderr)


def _parse_param(text: str) -> tuple[str, object]:
    key, sep, value = text.partition("=")
    if not sep or not key.isidentifier() or keyword.iskeyword(key):
        raise argparse.ArgumentTypeError(
            f"expected NAME=VALUE with NAME a Python identifier, got {text!r}"
        )
    try:
        return key, json.loads(value)
    except json.JSONDecodeError:
        return key, value


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _columns(text: str) -> dict[str, str]:
    from toolkit.report._options import parse_columns

    try:
        return parse_columns(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(
        prog=PROG,
        description="Execute the notebooks headless and write an HTML report with figures "
        "(PNG, SVG), tables (CSV) and a provenance manifest.",
    )
    parser.add_argument("--out", default="reports", help="report folder (default: reports)")
    parser.add_argument(
        "--corpus",
        default="news",
        help="'news' (default corpus), 'sample' (tiny offline sample) or a path/glob "
        "(relative to the folder you run the command from)",
    )
    parser.add_argument(
        "--duplicates",
        choices=["raise", "drop_identical", "rename"],
        default=None,
        help="what loading --corpus PATH does with a repeated doc_id (toolkit.corpus.load)",
    )
    parser.add_argument(
        "--dayfirst",
        action="store_true",
        default=None,
        help="read dates such as 05/01/2017 day first (toolkit.corpus.load dayfirst=True)",
    )
    parser.add_argument(
        "--columns",
        type=_columns,
        default=None,
        metavar="SCHEMA=YOURS,...",
        help="which of your columns hold text, date, outlet, ...: text=body,date=published",
    )
    parser.add_argument(
        "--subset",
        type=_positive_int,
        default=None,
        metavar="N",
        help="analyse a reproducible random sample of N articles (seed 0)",
    )
    parser.add_argument(
        "--only", nargs="+", metavar="PREFIX", help="run only notebooks starting with these"
    )
    parser.add_argument(
        "-p",
        "--param",
        action="append",
        type=_parse_param,
        default=[],
        metavar="NAME=VALUE",
        help="extra notebook parameter (VALUE parsed as JSON when it can be); repeatable",
    )
    parser.add_argument("--notebooks", default=None, help="folder of notebooks to run")
    parser.add_argument(
        "--timeout", type=_positive_int, default=900, help="seconds allowed per cell"
    )
    parser.add_argument("--no-progress", action="store_true", help="hide the progress bar")
    parser.add_argument(
        "--clear-cache", action="store_true", help="empty the result cache (toolkit.cache) first"
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="compute everything, read and write no cache"
    )
    args = parser.parse_args(argv)
    try:
        return _report(args)
    except KeyboardInterrupt:
        _fail(MESSAGES["report_interrupted"].format(out=Path(args.out).resolve()))
        return 130
    except (ValueError, OSError) as exc:  # unusable options and files: ReportOptionError, ...
        _fail(str(exc))
        return 2
    except Exception as exc:  # noqa: BLE001 - the command ends in one line, never a traceback
        _fail(f"{type(exc).__name__}: {exc}")
        return 1


def _report(args: argparse.Namespace) -> int:
    from toolkit.report._runner import run, status_text

    if args.clear_cache:
        from toolkit import cache

        print(f"cache cleared: {cache.clear() / 1e6:.1f} MB freed")
    if args.no_cache:
        os.environ["DCT_NO_CACHE"] = "1"  # inherited by the notebook kernels

    load_options = {
        name: value
        for name, value in (
            ("duplicates", args.duplicates),
            ("dayfirst", args.dayfirst),
            ("columns", args.columns),
        )
        if value is not None
    }
    manifest = run(
        out=args.out,
        notebooks=args.notebooks,
        corpus=args.corpus,
        subset=args.subset,
        only=args.only,
        params=dict(args.param),
        load_options=load_options,
        timeout=args.timeout,
        progress=not args.no_progress,
    )
    failed = [nb for nb in manifest["notebooks"] if nb["status"] != "ok"]
    for nb in manifest["notebooks"]:
        print(f"{nb['seconds']:6.1f} s  {nb['name']}: {status_text(nb)}")
        if nb["error"]:
            print("         " + nb["error"].replace("\n", "\n         "))
    index = Path(args.out).resolve() / "index.html"
    print(f"report: {index}  ({manifest['seconds']:.0f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # before the report started (e.g. while importing)
        _fail("interrupted")
        sys.exit(130)
