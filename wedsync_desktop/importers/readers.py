"""Reading supplier directory files: CSV, JSON Lines and JSON arrays, streamed.

``detect_layout`` decides how to read a file from its content, and from its
extension where the content is ambiguous. ``SourceFile`` then yields one
``SourceRow`` or ``SourceSkip`` at a time with the 1-based line where the row
starts, so a file of any size is streamed and never held in memory whole.
"""

from __future__ import annotations

import csv
import io
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from wedsync_desktop import jsondoc
from wedsync_desktop.importers.encoding import detect_encoding
from wedsync_desktop.importers.errors import ImportFileError
from wedsync_desktop.importers.json_stream import (
    SourceItem,
    SourceRow,
    SourceSkip,
    iter_json_array,
    iter_json_lines,
)

__all__ = [
    "FORMAT_CSV",
    "FORMAT_JSON",
    "FORMAT_JSONL",
    "FileLayout",
    "ImportFileError",
    "SourceFile",
    "SourceItem",
    "SourceRow",
    "SourceSkip",
    "detect_layout",
]

log = logging.getLogger(__name__)

FORMAT_CSV = "csv"
FORMAT_JSONL = "jsonl"
FORMAT_JSON = "json"
FORMAT_LABELS = {
    FORMAT_CSV: "CSV",
    FORMAT_JSONL: "JSON Lines",
    FORMAT_JSON: "JSON array",
}

DELIMITERS = ",;\t|"
DELIMITER_LABELS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}
SAMPLE_CHARS = 64 * 1024
SAMPLE_RECORDS = 50
CHUNK_CHARS = 256 * 1024
# Exported CSV files carry whole documents in one field, up to 10 MB each.
# Reading raises the csv module's limit, a process-wide setting, to this.
CSV_FIELD_LIMIT = 64 * 1024 * 1024
JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")

_SEP_LINE = re.compile(r"sep=(.)\r?\n?$")
_ARRAY_OF_OBJECTS = re.compile(r"\[\s*[{\]]")


@dataclass(frozen=True)
class FileLayout:
    """How to read a file: its format, text encoding and CSV delimiter."""

    file_format: str
    encoding: str
    delimiter: str | None = None
    # Excel's "sep=;" first line names the delimiter and is not a header.
    has_sep_line: bool = False


def detect_layout(path: Path) -> FileLayout:
    """Decide the format, encoding and delimiter of ``path`` from its content.

    Raises ImportFileError when the file is empty, binary or not decodable.
    """
    encoding = detect_encoding(path)
    sample, complete = _read_sample(path, encoding)
    content = sample.lstrip("\ufeff \t\r\n")
    if not content:
        raise ImportFileError(
            path,
            "the file contains only blank lines.",
            "Choose a file with a header row and one row per supplier.",
        )
    suffix = path.suffix.lower()
    if _ARRAY_OF_OBJECTS.match(content) or (content[0] == "[" and suffix == ".json"):
        return FileLayout(FORMAT_JSON, encoding)
    if content[0] == "{":
        layout = _json_lines_layout(path, content, encoding, complete)
        if layout is not None:
            return layout
    delimiter, has_sep_line = _detect_delimiter(sample, complete)
    return FileLayout(FORMAT_CSV, encoding, delimiter, has_sep_line)


class SourceFile:
    """An open import file that yields its rows one at a time.

    Use it as a context manager. For CSV, ``headers`` is the header row with
    blank names replaced by ``column N`` and repeated names numbered. For JSON
    it is empty, because each object names its own keys.
    """

    def __init__(self, path: Path, layout: FileLayout) -> None:
        self.path = path
        self.layout = layout
        self.headers: tuple[str, ...] = ()
        self.total_bytes = path.stat().st_size
        self._raw = io.FileIO(path, "r")
        newline = "" if layout.file_format == FORMAT_CSV else None
        self._text = io.TextIOWrapper(
            io.BufferedReader(self._raw), encoding=layout.encoding, newline=newline
        )
        self._csv: _CsvRows | None = None
        if layout.file_format == FORMAT_CSV:
            self._csv = _CsvRows(path, self._text, layout)
            try:
                self.headers = self._csv.read_headers()
            except BaseException:
                self.close()
                raise

    def __enter__(self) -> SourceFile:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._text.close()

    def bytes_read(self) -> int:
        """Return how many bytes of the file were read so far, for progress."""
        return self._raw.tell() if not self._raw.closed else self.total_bytes

    def items(self) -> Iterator[SourceItem]:
        """Yield each row, or a skip for a row that cannot be read, in file order.

        Rows whose fields are all blank are left out: they hold no data.
        """
        try:
            yield from self._items()
        except (UnicodeDecodeError, ValueError) as error:
            # detect_layout checked the encoding and the opening [ of an array,
            # so either failing now means the file was replaced after that.
            raise ImportFileError(
                self.path,
                f"the file changed since it was opened ({error}).",
                "Open the file for import again.",
            ) from error

    def _items(self) -> Iterator[SourceItem]:
        if self._csv is not None:
            return self._csv.rows()
        if self.layout.file_format == FORMAT_JSONL:
            return iter_json_lines(self._text)
        return iter_json_array(iter(lambda: self._text.read(CHUNK_CHARS), ""))


class _CsvRows:
    """The csv module's reader over a text stream, tracking where records start."""

    def __init__(self, path: Path, text: io.TextIOWrapper, layout: FileLayout) -> None:
        csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))
        self._path = path
        self._reader = csv.reader(text, delimiter=layout.delimiter or ",", strict=True)
        self._has_sep_line = layout.has_sep_line
        self._headers: tuple[str, ...] = ()

    def read_headers(self) -> tuple[str, ...]:
        if self._has_sep_line:
            self._next_record()
        while (record := self._next_record()) is not None:
            if any(field.strip() for field in record[1]):
                self._headers = unique_names(record[1])
                return self._headers
        raise ImportFileError(
            self._path,
            "the file has no header row.",
            "Add a first row that names the columns, such as Business Name, "
            "Category, Email.",
        )

    def rows(self) -> Iterator[SourceItem]:
        while (record := self._next_record()) is not None:
            line, fields = record
            if any(field.strip() for field in fields):
                yield SourceRow(line, self._values(fields))

    def _values(self, fields: list[str]) -> dict[str, str]:
        values = dict(zip(self._headers, fields, strict=False))
        for index in range(len(self._headers), len(fields)):
            name = f"column {index + 1}"
            while name in values:
                name += "+"
            values[name] = fields[index]
        return values

    def _next_record(self) -> tuple[int, list[str]] | None:
        line = self._reader.line_num + 1
        try:
            return line, next(self._reader)
        except StopIteration:
            return None
        except csv.Error as error:
            raise ImportFileError(
                self._path, _describe_csv_error(line, error), _CSV_FIX
            ) from error


_CSV_FIX = (
    "Fix the quotes on that line in a text editor, or save the file again from "
    "the spreadsheet program."
)


def _describe_csv_error(line: int, error: csv.Error) -> str:
    message = str(error)
    if "unexpected end of data" in message:
        return (
            f"the quoted field in the row that starts on line {line} is not "
            f"closed before the end of the file."
        )
    if "expected after" in message:
        return (
            f"in the row that starts on line {line}, a closing quote is followed "
            f"by other text ({message})."
        )
    if "field larger than field limit" in message:
        return (
            f"a field in the row that starts on line {line} is larger than "
            f"{CSV_FIELD_LIMIT // 2**20} MB."
        )
    return f"the row that starts on line {line} cannot be read as CSV ({message})."


def unique_names(raw: list[str]) -> tuple[str, ...]:
    """Return header names stripped, blanks named ``column N``, repeats numbered."""
    names: list[str] = []
    seen: set[str] = set()
    for index, value in enumerate(raw, start=1):
        base = value.strip() or f"column {index}"
        name = base
        copy = 2
        while name in seen:
            name = f"{base} ({copy})"
            copy += 1
        seen.add(name)
        names.append(name)
    return tuple(names)


def _read_sample(path: Path, encoding: str) -> tuple[str, bool]:
    """Return up to SAMPLE_CHARS of text and whether that is the whole file."""
    with path.open(encoding=encoding, newline="") as handle:
        sample = handle.read(SAMPLE_CHARS)
        complete = handle.read(1) == ""
    return sample, complete


def _json_lines_layout(
    path: Path, content: str, encoding: str, complete: bool
) -> FileLayout | None:
    lines = content.splitlines()
    if len(lines) == 1 and not complete:
        # The first line is longer than the sample: one large object per line.
        return FileLayout(FORMAT_JSONL, encoding)
    first_line = lines[0]
    try:
        jsondoc.parse_document(first_line)
    except jsondoc.JsonDocumentError:
        suffix = path.suffix.lower()
        if suffix in JSON_LINES_SUFFIXES:
            return FileLayout(FORMAT_JSONL, encoding)
        if suffix == ".json":
            raise ImportFileError(
                path,
                "the file holds one JSON object spread over several lines, not a "
                "list of suppliers.",
                "Save the suppliers as a JSON array ([{...}, {...}]) or as JSON "
                "Lines (one object per line).",
            ) from None
        return None
    return FileLayout(FORMAT_JSONL, encoding)


def _detect_delimiter(sample: str, complete: bool) -> tuple[str, bool]:
    """Return the delimiter of a CSV sample and whether it has a ``sep=`` line."""
    first_line = sample.lstrip("\ufeff").partition("\n")[0]
    sep = _SEP_LINE.match(first_line + "\n")
    if sep is not None and sep.group(1) in DELIMITERS:
        return sep.group(1), True
    if not complete:
        # Leave out the last line, which the sample may have cut in two.
        sample = sample[: sample.rfind("\n") + 1] or sample
    scores = {delimiter: _score(sample, delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda delimiter: scores[delimiter])
    sniffed = _sniff(sample)
    if sniffed is not None and scores[sniffed] >= scores[best]:
        return sniffed, False
    if scores[best][0] == 0:
        return ",", False  # a single column: any delimiter reads it the same
    return best, False


def _sniff(sample: str) -> str | None:
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=DELIMITERS)
    except csv.Error:
        return None
    delimiter = str(dialect.delimiter)
    return delimiter if delimiter in DELIMITERS else None


def _score(sample: str, delimiter: str) -> tuple[int, float, int]:
    """Rate a delimiter: splits the header at all, rows matching the header, width."""
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
    widths: list[int] = []
    try:
        for record in reader:
            if record:
                widths.append(len(record))
            if len(widths) > SAMPLE_RECORDS:
                break
    except csv.Error:
        pass
    if not widths or widths[0] < 2:
        return (0, 0.0, 0)
    rows = widths[1:]
    matching = sum(width == widths[0] for width in rows) / len(rows) if rows else 1.0
    return (1, matching, widths[0])
