"""The ``newslab`` command: ``parse``, ``actors``, ``quotes``, ``stance``, ``report`` and ``analyze``.

``parse``, ``actors``, ``quotes`` and ``stance`` take one or more article files, folders or glob
patterns (the same inputs as ``analyze``). With several files each file's output is headed by
its path (``==> path <==``, as ``head`` does); with ``--json`` every file is one JSON line that
carries its ``path``.

Exit status: 0 when every input was read, 2 when an input (or the command line) could not be
used. Bad input is a one-line message naming the file and the option that fixes it, never a
traceback; the other files are still processed.

>>> build_parser().parse_args(["parse", "a.txt", "b.txt", "--body"]).inputs
['a.txt', 'b.txt']
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Callable, Iterator, Sequence

from .errors import NewslabError
from .version import version_line

#: Columns printed by ``newslab quotes`` (``--json`` gives every column).
QUOTE_COLUMNS = ["paragraph", "kind", "actor", "speaker", "cue", "quote", "rule"]
#: Columns printed by ``newslab actors``.
ACTOR_COLUMNS = ["actor", "type", "mentions", "role", "prominence", "aliases"]
#: Columns printed by ``newslab stance FILE --target``.
STANCE_COLUMNS = ["holder", "label", "relevance", "hedged", "cue", "statement", "evidence"]
#: Width at which long text cells are cut (with "…") unless ``--wide`` is given.
NARROW_WIDTH = 60

STANCE_EPILOG = """\
input forms:
  newslab stance FILE... --target TEXT
      the stated positions of the actors of each article on TEXT (a table per file)
  newslab stance --input ITEMS.jsonl --output PRED.jsonl
      label sentence-level evaluation items, one JSON object per line, e.g.
      {"id": "s1", "sentence": "Lavrov criticised Nato.", "holder_span": [0, 6],
       "target_span": [18, 22]}
      holder_span/target_span are character offsets [start, end) into sentence; an item
      without holder_span is scored for how the sentence portrays the target. Each output
      line is {"id", "label", "evidence"}.
"""


# -- input -------------------------------------------------------------------------------------
def iter_articles(inputs: Sequence[str], args: argparse.Namespace
                  ) -> Iterator[tuple[str, Any]]:
    """``(label, Article or NewslabError)`` for every document named by ``inputs``.

    ``inputs`` are file paths, folders or glob patterns (JSONL files give one document per
    line), expanded by :func:`newslab.corpus.sources.list_items`. A document that cannot be
    read is yielded with its error, so the caller reports it and goes on.
    """
    from .corpus.sources import list_items
    from .corpus.work import read_item
    from .parse import load_article

    for item in list_items(list(inputs)):
        try:
            if item.kind == "file":
                art = load_article(item.path, format=args.format, encoding=args.encoding)
            else:
                art = read_item(item)
        except (NewslabError, OSError) as err:
            yield item.source, err
        else:
            yield item.source, art


def _analyze(article: Any, args: argparse.Namespace):
    from .analysis import analyze

    return analyze(article, metonymy=not getattr(args, "no_metonymy", False),
                   aliases=getattr(args, "aliases", None))


# -- output ------------------------------------------------------------------------------------
def _cell(value: Any, width: int | None) -> str:
    """One table cell as plain text: missing is empty, lists joined, long text cut at ``width``
    (the same cell formatter as notebook tables: :func:`newslab.views.table_view.cell_text`)."""
    from .views.table_view import cell_text

    return cell_text(value, missing="", width=width)


def format_table(df, columns: Sequence[str] | None = None, *, wide: bool = False) -> str:
    """A DataFrame as a plain-text table for a terminal.

    Missing values (None, NaN, <NA>) are empty cells, lists and dicts are joined, text is
    left-aligned and, unless ``wide``, cut at :data:`NARROW_WIDTH` characters with "…".

    >>> import pandas as pd
    >>> print(format_table(pd.DataFrame({"actor": ["Nato", None], "n": [2, 1]})))
    actor n
    Nato  2
          1
    """
    if columns is not None:
        df = df[[c for c in columns if c in df.columns]]
    if df.empty:
        return "(none found)"
    width = None if wide else NARROW_WIDTH
    cells = [[_cell(v, width) for v in row] for row in df.itertuples(index=False)]
    header = [str(c) for c in df.columns]
    sizes = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(header)]
    lines = [" ".join(h.ljust(s) for h, s in zip(header, sizes)).rstrip()]
    lines += [" ".join(c.ljust(s) for c, s in zip(r, sizes)).rstrip() for r in cells]
    return "\n".join(lines)


def _records(df) -> list[dict]:
    return json.loads(df.to_json(orient="records", force_ascii=False))


def _run_per_file(args: argparse.Namespace, show: Callable[[Any], tuple[Any, str]]) -> int:
    """Apply ``show`` to every input; print its text (headed by the path) or its JSON line.

    ``show(article)`` returns ``(json_value, text)``. Returns the exit status.
    """
    status, many = 0, None
    for label, art in iter_articles(args.inputs, args):
        if many is None:
            many = len(args.inputs) > 1 or not _is_plain_file(args.inputs[0])
        if isinstance(art, BaseException):
            print(f"newslab {args.command}: {label}: {_message(art)}", file=sys.stderr)
            status = 2
            continue
        value, text = show(art)
        if args.json:
            print(json.dumps({"path": label, **value} if isinstance(value, dict)
                             else {"path": label, args.command: value}, ensure_ascii=False))
        else:
            if many:
                print(f"==> {label} <==")
            print(text)
            if many:
                print()
        sys.stdout.flush()
    return status


def _is_plain_file(arg: str) -> bool:
    import os

    return os.path.isfile(arg) and not arg.endswith((".jsonl", ".ndjson"))


def _message(err: BaseException) -> str:
    """An error's text as the command line should say it (CLI options, not Python arguments)."""
    return err.for_cli() if isinstance(err, NewslabError) else str(err)


# -- commands ----------------------------------------------------------------------------------
def _cmd_parse(args: argparse.Namespace) -> int:
    def show(art):
        if args.body:
            return {"body": art.body}, art.body
        frame = art.to_frame()[["kind", "section", "start", "end", "text"]]
        return json.loads(art.to_json()), format_table(frame, wide=args.wide)

    return _run_per_file(args, show)


def _cmd_actors(args: argparse.Namespace) -> int:
    def show(art):
        table = _analyze(art, args).actors_with_role(args.role)
        return _records(table), format_table(table, ACTOR_COLUMNS, wide=args.wide)

    return _run_per_file(args, show)


def _cmd_quotes(args: argparse.Namespace) -> int:
    if args.input:
        from .io.quotes import quotes_jsonl

        if not args.output:
            raise SystemExit("newslab quotes: --input needs --output PRED.jsonl")
        quotes_jsonl(args.input, args.output, batch_size=args.batch_size,
                     progress=not args.quiet)
        return 0
    if not args.inputs:
        raise SystemExit("newslab quotes: give FILE..., or --input CORPUS.jsonl "
                         "--output PRED.jsonl")

    def show(art):
        table = _analyze(art, args).quotes
        return _records(table), format_table(table, QUOTE_COLUMNS, wide=args.wide)

    return _run_per_file(args, show)


def _cmd_stance(args: argparse.Namespace) -> int:
    if args.input or args.output:
        if not (args.input and args.output) or args.inputs:
            raise SystemExit("newslab stance: --input ITEMS.jsonl needs --output PRED.jsonl "
                             "(and no FILE); see newslab stance --help")
        from .io.stance import stance_jsonl

        summary = stance_jsonl(args.input, args.output)
        print(f"{summary['lines']} items labelled, written to {args.output}", file=sys.stderr)
        return 0
    if not (args.inputs and args.target):
        raise SystemExit("newslab stance: give FILE... --target TEXT, or --input ITEMS.jsonl "
                         "--output PRED.jsonl; see newslab stance --help")

    def show(art):
        table = _analyze(art, args).stance(args.target)
        return _records(table), format_table(table, STANCE_COLUMNS, wide=args.wide)

    return _run_per_file(args, show)


def _cmd_report(args: argparse.Namespace) -> int:
    from .parse import load_article
    from .views.report import write_report

    article = load_article(args.input, format=args.format, encoding=args.encoding)
    analysis = _analyze(article, args)
    try:
        write_report(analysis, args.output, title=args.title, target=args.target)
    except OSError as err:
        raise SystemExit(f"newslab report: cannot write --output {args.output}: "
                         f"{err.strerror or err}")
    print(f"newslab report: wrote {args.output} ({len(analysis.actors)} actors, "
          f"{len(analysis.quotes)} quotes)", file=sys.stderr)
    return 0


def _cmd_analyze(args: argparse.Namespace) -> int:
    from .corpus import main_analyze

    return main_analyze(args.inputs, args.out, n_process=args.n_process, engine=args.engine,
                        batch_size=args.batch_size, resume=not args.fresh)


# -- the parser --------------------------------------------------------------------------------
_INPUTS_HELP = ("article files (.txt pasted text, .html saved page), folders of them, glob "
                "patterns ('news/*.txt'), or JSONL files with one {\"id\", \"text\"} per line")


def _add_reading(p: argparse.ArgumentParser, *, required: bool = True) -> None:
    """The input arguments shared by parse, actors, quotes and stance."""
    p.add_argument("inputs", nargs="+" if required else "*", metavar="INPUT", help=_INPUTS_HELP)
    _add_format_options(p)
    p.add_argument("--wide", action="store_true",
                   help=f"print whole text cells (default: cut at {NARROW_WIDTH} characters)")


def _add_format_options(p: argparse.ArgumentParser) -> None:
    """--format and --encoding: how to read a file whose name or bytes do not say."""
    p.add_argument("--format", choices=["text", "html"],
                   help="read files as pasted text or as HTML (default: guess from the file "
                        "name, then from the content)")
    p.add_argument("--encoding", metavar="NAME",
                   help="the files' text encoding, e.g. cp1252 (default: detect it)")


def _add_actor_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--no-metonymy", action="store_true",
                   help="keep capitals and seats of government as themselves "
                        "(default: 'Moscow said' counts for Russia)")
    p.add_argument("--aliases", metavar="CSV",
                   help="a CSV file of alias,actor rows that override every other merge")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests)."""
    p = argparse.ArgumentParser(
        prog="newslab", description="Analyse news articles: clean them, find who is mentioned, "
        "who said what, and the actors' positions on a topic.",
        epilog="Run 'newslab COMMAND --help' for a command's options and examples.")
    p.add_argument("--version", action="version", version=version_line(),
                   help="print newslab's version (and spaCy's) and exit")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in (_parse_parser, _actors_parser, _quotes_parser, _stance_parser, _report_parser,
                _analyze_parser):
        add(sub)
    return p


def _parse_parser(sub) -> None:
    sp = sub.add_parser("parse", help="clean articles into headline, byline, body, captions…",
                        description="Clean each article into its structure: one row per block "
                        "with its kind, section and character offsets [start, end).")
    _add_reading(sp)
    g = sp.add_mutually_exclusive_group()
    g.add_argument("--json", action="store_true",
                   help="one JSON line per file: the whole Article, with offsets")
    g.add_argument("--body", action="store_true", help="only the cleaned body text")
    sp.set_defaults(func=_cmd_parse)


def _roles_arg(value: str) -> "str | list[str]":
    """``--role``: ``all``, one role or a comma-separated list (checked here, so a bad value is
    a usage error, not a traceback)."""
    from .extract.actor_roles import ROLES

    if value == "all":
        return value
    roles = [v.strip() for v in value.split(",") if v.strip()]
    bad = [r for r in roles if r not in ROLES]
    if bad or not roles:
        raise argparse.ArgumentTypeError(f"unknown role {', '.join(bad) or value!r}; choose "
                                         f"from {', '.join(ROLES)} or all")
    return roles[0] if len(roles) == 1 else roles


def _actors_parser(sub) -> None:
    sa = sub.add_parser("actors", help="who is mentioned, merged into actors",
                        description="The actors of each article: names, pronouns and role "
                        "nouns merged, with counts and prominence.")
    _add_reading(sa)
    sa.add_argument("--json", action="store_true",
                    help="one JSON line per file: {\"path\", \"actors\": [one object per actor]}")
    sa.add_argument("--role", default="agent", type=_roles_arg,
                    help="which actors: agent (default: those that act, speak or are acted on), "
                    "setting (places only named as where), source (outlets credited for "
                    "information), a comma-separated list, or all")
    _add_actor_options(sa)
    sa.set_defaults(func=_cmd_actors)


def _quotes_parser(sub) -> None:
    sq = sub.add_parser("quotes", help="who said what",
                        description="Direct, mixed and reported quotes with their speaker, the "
                        "actor it resolves to, the cue and the rule that found them.")
    _add_reading(sq, required=False)
    sq.add_argument("--json", action="store_true",
                    help="one JSON line per file: {\"path\", \"quotes\": [one object per quote]}")
    _add_actor_options(sq)
    sq.add_argument("--input", metavar="CORPUS.jsonl",
                    help='instead of files: a JSONL corpus, one {"id", "text"} per line')
    sq.add_argument("--output", metavar="PRED.jsonl", help="where --input's predictions go")
    sq.add_argument("--batch-size", type=int, default=32,
                    help="documents per spaCy batch with --input (default 32)")
    sq.add_argument("--quiet", action="store_true", help="no progress bar with --input")
    sq.set_defaults(func=_cmd_quotes)


def _stance_parser(sub) -> None:
    ss = sub.add_parser("stance", help="actors' positions on a target, or label evaluation items",
                        description="The stated positions of each article's actors on a "
                        "target, or sentence-level evaluation items labelled in bulk.",
                        epilog=STANCE_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_reading(ss, required=False)
    ss.add_argument("--target", metavar="TEXT",
                    help="what the positions are about, e.g. 'Nato enlargement'")
    ss.add_argument("--json", action="store_true",
                    help="one JSON line per file: {\"path\", \"stance\": [one object per row]}")
    _add_actor_options(ss)
    ss.add_argument("--input", metavar="ITEMS.jsonl", help="evaluation items (see below)")
    ss.add_argument("--output", metavar="PRED.jsonl", help="where the labels of --input go")
    ss.set_defaults(func=_cmd_stance)


def _report_parser(sub) -> None:
    sr = sub.add_parser("report", help="one self-contained HTML page about an article",
                        description="Write one HTML page about an article: the text with "
                        "actors and quotes marked, its structure, the actors (table and chart), "
                        "who said what, and a stance summary. The page loads nothing from "
                        "elsewhere: send it by mail or open it offline.",
                        epilog="example:\n  newslab report data/articles/"
                        "nato-seeks-afghan-help-from-russia.txt --output report.html",
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    sr.add_argument("input", metavar="FILE",
                    help="the article: a .txt file of pasted text or a saved .html page")
    sr.add_argument("--output", required=True, metavar="OUT.html",
                    help="where the HTML page is written (overwritten if it exists)")
    _add_format_options(sr)
    sr.add_argument("--target", metavar="TEXT",
                    help="focus the stance summary on statements about TEXT "
                         "(default: every statement)")
    sr.add_argument("--title", metavar="TEXT",
                    help="the page's title (default: the article's headline)")
    _add_actor_options(sr)
    sr.set_defaults(func=_cmd_report)


def _analyze_parser(sub) -> None:
    sn = sub.add_parser(
        "analyze", help="analyse a corpus into Parquet tables (resumable)",
        description="Analyse every article into Parquet tables under --out, one folder per "
                    "table, chunk by chunk; failed articles are listed in DIR/failures. One run "
                    "at a time per folder (a lock file; one left by a killed run is taken "
                    "over). Run the same command again to resume an interrupted run.")
    g = sn.add_mutually_exclusive_group()
    g.add_argument("--resume", action="store_true", default=True,
                   help="(default) continue the run already in --out: documents committed by "
                        "an earlier run with the same settings are skipped, chunks cut short "
                        "by a crash (torn manifest line, truncated Parquet file) are redone; a "
                        "finished run does nothing. Different settings are refused.")
    g.add_argument("--fresh", action="store_true",
                   help="start over: delete the earlier newslab run in --out (only the files "
                        "newslab wrote) and analyse everything again")
    sn.add_argument("inputs", nargs="+", metavar="INPUT", help=_INPUTS_HELP)
    sn.add_argument("--out", required=True, metavar="DIR",
                    help="output folder (one Parquet folder per table)")
    sn.add_argument("--n-process", type=int, default=1, metavar="N",
                    help="worker processes (default 1)")
    sn.add_argument("--engine", choices=["local", "dask"], default="local",
                    help="run workers as local processes (default) or on a Dask cluster")
    sn.add_argument("--batch-size", type=int, default=32, metavar="N",
                    help="documents per spaCy batch (default 32)")
    sn.set_defaults(func=_cmd_analyze)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newslab`` console script; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        status = args.func(args)
    except (NewslabError, FileNotFoundError, IsADirectoryError) as err:
        print(f"newslab {args.command}: {_message(err)}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `newslab parse x | head`
        return 0
    return status if isinstance(status, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
