"""``python -m toolkit.pipeline``: run the analyses over a corpus in chunks, to Parquet."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from toolkit.errors import MESSAGES

PROG = "python -m toolkit.pipeline"


class _Parser(argparse.ArgumentParser):
    """Bad options end in one line on stderr and exit code 2, without the usage block."""

    def error(self, message: str):  # type: ignore[override]
        _fail(f"{message} (see {PROG} --help)")
        sys.exit(2)


def _fail(message: str) -> None:
    print("error: " + " ".join(str(message).split()), file=sys.stderr)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _steps(text: str) -> list[str]:
    names = [name.strip() for name in text.split(",") if name.strip()]
    if not names:
        raise argparse.ArgumentTypeError(f"expected step names separated by commas, got {text!r}")
    return names


def main(argv: list[str] | None = None) -> int:
    from ._steps import STEPS

    parser = _Parser(
        prog=PROG,
        description="Stream a corpus in chunks through the analyses and write each result "
        "table as partitioned Parquet with a manifest; resumable (finished chunks are "
        "skipped when the same command runs again).",
    )
    parser.add_argument("source", nargs="+", help="file(s), glob or folder of articles")
    parser.add_argument("--out", required=True, help="output folder")
    parser.add_argument("--steps", type=_steps, default=None,
                        help=f"comma-separated steps (default: all): {','.join(STEPS)}")
    parser.add_argument("--chunk-size", type=_positive_int, default=1000, metavar="N",
                        help="articles per chunk (default 1000)")
    parser.add_argument("--backend", choices=("local", "dask"), default="local",
                        help="local: this process; dask: dask.distributed (default local)")
    parser.add_argument("--scheduler", default=None, metavar="ADDRESS",
                        help="a running Dask scheduler (tcp://host:8786); implies --backend dask")
    parser.add_argument("--workers", type=_positive_int, default=None, metavar="N",
                        help="worker processes of the local Dask cluster (default 2)")
    parser.add_argument("--duplicates", choices=("raise", "drop_identical", "rename"),
                        default="raise", help="repeated doc_id: as toolkit.corpus.load")
    parser.add_argument("--rebuild", action="store_true",
                        help="replace the output of a run with other inputs or parameters")
    parser.add_argument("--no-progress", action="store_true", help="hide the progress bar")
    args = parser.parse_args(argv)
    backend = "dask" if args.scheduler else args.backend
    if args.workers is not None and backend != "dask":
        _fail(f"--workers {args.workers}: needs --backend dask (see {PROG} --help)")
        return 2
    try:
        from ._run import run

        source = args.source[0] if len(args.source) == 1 else args.source
        manifest = run(source, steps=args.steps, out=args.out, chunk_size=args.chunk_size,
                       backend=backend, scheduler=args.scheduler, n_workers=args.workers,
                       rebuild=args.rebuild, duplicates=args.duplicates,
                       progress=not args.no_progress)
    except KeyboardInterrupt:
        _fail(MESSAGES["pipeline_interrupted"].format(out=Path(args.out).resolve()))
        return 130
    except (ValueError, OSError) as exc:  # options, stale output, unreadable input
        _fail(str(exc))
        return 2
    except Exception as exc:  # noqa: BLE001 - the command ends in one line, never a traceback
        _fail(f"{type(exc).__name__}: {exc}")
        return 1
    print(f"{manifest['rows_check']}; {manifest['chunks']} chunks "
          f"({manifest['skipped']} done before) in {manifest['seconds']:.1f} s")
    print("rows: " + ", ".join(f"{t} {n:,}" for t, n in manifest["rows"].items()))
    print(f"manifest: {Path(args.out).resolve() / 'manifest.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
