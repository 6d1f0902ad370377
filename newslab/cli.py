"""The ``newslab`` command: ``parse``, ``actors``, ``quotes``, ``stance`` and ``analyze``.

Every subcommand prints a one-line error and exits with status 2 on bad input (a
:class:`~newslab.errors.NewslabError`), never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from .errors import NewslabError


def _cmd_parse(args: argparse.Namespace) -> None:
    from .parse import load_article

    art = load_article(args.file, format=args.format)
    if args.json:
        print(art.to_json(indent=2))
    elif args.body:
        print(art.body)
    else:
        print(art.to_frame()[["kind", "section", "start", "end", "text"]].to_string(
            max_colwidth=70))


def _cmd_actors(args: argparse.Namespace) -> None:
    from .analysis import analyze
    from .parse import load_article

    table = analyze(load_article(args.file), metonymy=not args.no_metonymy,
                    aliases=args.aliases).actors
    if args.json:
        print(table.to_json(orient="records", force_ascii=False, indent=2))
    else:
        print(table.to_string(max_colwidth=60))


def _cmd_quotes(args: argparse.Namespace) -> None:
    if args.input:
        from .quotes import quotes_jsonl

        if not args.output:
            raise SystemExit("newslab quotes: --input needs --output PRED.jsonl")
        quotes_jsonl(args.input, args.output, batch_size=args.batch_size,
                     progress=not args.quiet)
        return
    if not args.file:
        raise SystemExit("newslab quotes: give a FILE, or --input CORPUS.jsonl --output PRED.jsonl")
    from .analysis import analyze
    from .parse import load_article

    table = analyze(load_article(args.file)).quotes
    cols = ["kind", "actor", "speaker", "cue", "quote", "rule"]
    if args.json:
        print(table.to_json(orient="records", force_ascii=False, indent=2))
    else:
        print(table[cols].to_string(max_colwidth=60))


def _cmd_stance(args: argparse.Namespace) -> None:
    from .stance import stance_jsonl

    stance_jsonl(args.input, args.output)


def _cmd_analyze(args: argparse.Namespace) -> int:
    from .corpus import main_analyze

    return main_analyze(args.inputs, args.out, n_process=args.n_process, engine=args.engine,
                        batch_size=args.batch_size, resume=not args.fresh)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests)."""
    p = argparse.ArgumentParser(prog="newslab", description="Analyse news articles.")
    sub = p.add_subparsers(dest="command", required=True)

    sp = sub.add_parser("parse", help="clean an article into structure")
    sp.add_argument("file", help="a .txt (pasted page text) or .html/.htm file")
    g = sp.add_mutually_exclusive_group()
    g.add_argument("--json", action="store_true", help="the whole Article as JSON, with offsets")
    g.add_argument("--body", action="store_true", help="only the cleaned body text")
    sp.add_argument("--format", choices=["text", "html"], help="override the file-name guess")
    sp.set_defaults(func=_cmd_parse)

    sa = sub.add_parser("actors", help="who is mentioned, merged into actors")
    sa.add_argument("file")
    sa.add_argument("--json", action="store_true")
    sa.add_argument("--no-metonymy", action="store_true",
                    help="keep capitals and seats of government as themselves")
    sa.add_argument("--aliases", help="CSV of alias,actor rows that override everything")
    sa.set_defaults(func=_cmd_actors)

    sq = sub.add_parser("quotes", help="who said what")
    sq.add_argument("file", nargs="?")
    sq.add_argument("--json", action="store_true")
    sq.add_argument("--input", help='JSONL corpus: one {"id", "text"} per line')
    sq.add_argument("--output", help="JSONL predictions to write")
    sq.add_argument("--batch-size", type=int, default=32)
    sq.add_argument("--quiet", action="store_true", help="no progress bar")
    sq.set_defaults(func=_cmd_quotes)

    ss = sub.add_parser("stance", help="score stance/portrayal items (evaluation format)")
    ss.add_argument("--input", required=True)
    ss.add_argument("--output", required=True)
    ss.set_defaults(func=_cmd_stance)
    sn = sub.add_parser(
        "analyze", help="analyse a corpus into Parquet tables (resumable)",
        description="Analyse a corpus into Parquet tables in --out, chunk by chunk. One run "
                    "at a time per folder (a lock file; one left by a killed run is taken "
                    "over). Run the same command again to resume an interrupted run.")
    sn.add_argument("inputs", nargs="+", metavar="INPUT",
                    help="files, folders, globs or JSONL files of articles")
    sn.add_argument("--out", required=True, help="output folder (one Parquet folder per table)")
    sn.add_argument("--n-process", type=int, default=1, help="worker processes (default 1)")
    sn.add_argument("--engine", choices=["local", "dask"], default="local")
    sn.add_argument("--batch-size", type=int, default=32)
    g = sn.add_mutually_exclusive_group()
    g.add_argument("--resume", action="store_true", default=True,
                   help="(default) continue the run already in --out: documents committed by "
                        "an earlier run with the same settings are skipped, chunks cut short "
                        "by a crash (torn manifest line, truncated Parquet file) are redone; a "
                        "finished run does nothing. Different settings are refused.")
    g.add_argument("--fresh", action="store_true",
                   help="start over: delete the earlier newslab run in --out (only the files "
                        "newslab wrote) and analyse everything again")
    sn.set_defaults(func=_cmd_analyze)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newslab`` console script."""
    args = build_parser().parse_args(argv)
    try:
        status = args.func(args)
    except (NewslabError, FileNotFoundError, IsADirectoryError) as err:
        print(f"newslab {args.command}: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `newslab parse x | head`
        return 0
    return status if isinstance(status, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
