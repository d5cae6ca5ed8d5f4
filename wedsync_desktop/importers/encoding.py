"""Finding the text encoding of an import file, and rejecting files that are not text.

A file is UTF-16 when it starts with a UTF-16 byte order mark, UTF-8 when every
byte decodes as strict UTF-8 (with or without a BOM), and otherwise Windows-1252,
the encoding that spreadsheet programs on Windows write for "CSV". Windows-1252
decodes every byte except 0x81, 0x8D, 0x8F, 0x90 and 0x9D, so a file that is
neither UTF-8 nor Windows-1252 is one that contains one of those five bytes.
A NUL byte outside UTF-16, a known binary signature or many control characters
mark a file as binary.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from wedsync_desktop.importers.errors import ImportFileError

log = logging.getLogger(__name__)

UTF8 = "utf-8"
UTF8_WITH_BOM = "utf-8-sig"
UTF16 = "utf-16"
WINDOWS_1252 = "cp1252"

ENCODING_LABELS = {
    UTF8: "UTF-8",
    UTF8_WITH_BOM: "UTF-8 with byte order mark",
    UTF16: "UTF-16",
    WINDOWS_1252: "Windows-1252",
}

SAMPLE_BYTES = 64 * 1024
CHUNK_BYTES = 1024 * 1024
MAX_CONTROL_SHARE = 0.05

SAVE_AS_CSV = (
    "Open it in the spreadsheet program, save the sheet as CSV UTF-8, and import "
    "the saved file."
)
_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (
        b"PK\x03\x04",
        "it is a ZIP archive, such as an Excel (.xlsx) or OpenDocument (.ods) "
        "workbook, not a text file.",
        SAVE_AS_CSV,
    ),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "it is an old-style Excel workbook (.xls), not a text file.",
        SAVE_AS_CSV,
    ),
    (
        b"%PDF",
        "it is a PDF document, not a text file.",
        "Export the supplier list from its source as CSV or JSON Lines.",
    ),
    (
        b"SQLite format 3\x00",
        "it is an SQLite database, not a supplier directory file.",
        "Open a workspace with --data-dir instead, or export it as JSON Lines.",
    ),
    (
        b"\x1f\x8b",
        "it is a gzip-compressed file.",
        "Decompress it first and import the file inside.",
    ),
)
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
_CONTROL_BYTES = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f]")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def detect_encoding(path: Path) -> str:
    """Return the Python codec name for reading ``path`` as text.

    Reads the whole file once, in chunks, so that a decoding error cannot
    appear halfway through an import. Raises ImportFileError for an empty or
    binary file and for bytes that no supported encoding can decode.
    """
    with path.open("rb") as handle:
        head = handle.read(SAMPLE_BYTES)
        _check_head(path, head)
        handle.seek(0)
        if head.startswith(_UTF16_BOMS):
            _verify_utf16(path, handle)
            return UTF16
        return _scan_8bit(path, handle, has_bom=head.startswith(codecs.BOM_UTF8))


def _check_head(path: Path, head: bytes) -> None:
    if not head:
        raise ImportFileError(
            path,
            "the file is empty.",
            "Choose a file with a header row and one row per supplier.",
        )
    for signature, problem, fix in _SIGNATURES:
        if head.startswith(signature):
            raise ImportFileError(path, problem, fix)
    if head.startswith(_UTF16_BOMS):
        return
    controls = len(_CONTROL_BYTES.findall(head))
    if b"\x00" in head or controls > MAX_CONTROL_SHARE * len(head):
        raise _binary_error(path)


def _binary_error(path: Path, line: int | None = None) -> ImportFileError:
    where = f" (NUL byte on line {line})" if line is not None else ""
    return ImportFileError(
        path,
        f"it contains binary data{where}, so it is not a CSV, JSON Lines or JSON file.",
        "Export the supplier list as CSV or JSON Lines and import that file.",
    )


def _verify_utf16(path: Path, handle: BinaryIO) -> None:
    decoder = codecs.getincrementaldecoder(UTF16)(errors="strict")
    offset = 0
    try:
        while chunk := handle.read(CHUNK_BYTES):
            decoder.decode(chunk)
            offset += len(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as error:
        raise ImportFileError(
            path,
            f"it starts with a UTF-16 byte order mark, but the bytes near offset "
            f"{offset + error.start:,} are not valid UTF-16.",
            "Save the file again as CSV UTF-8 and import the saved file.",
        ) from error


@dataclass
class _ScanState:
    """Findings of one pass over the bytes: the first invalid bytes and their lines."""

    lines_before: int = 1
    utf8_error_line: int | None = None
    utf8_error_byte: int = 0
    cp1252_error_line: int | None = None
    cp1252_error_byte: int = 0


def _scan_8bit(path: Path, handle: BinaryIO, has_bom: bool) -> str:
    decoder = codecs.getincrementaldecoder(UTF8)(errors="strict")
    state = _ScanState()
    while chunk := handle.read(CHUNK_BYTES):
        if b"\x00" in chunk:
            raise _binary_error(path, _line_at(state, chunk, chunk.index(b"\x00")))
        if state.utf8_error_line is None:
            _decode_utf8(decoder, chunk, state)
        if state.cp1252_error_line is None:
            undefined = _CP1252_UNDEFINED.search(chunk)
            if undefined is not None:
                state.cp1252_error_line = _line_at(state, chunk, undefined.start())
                state.cp1252_error_byte = chunk[undefined.start()]
        state.lines_before += chunk.count(b"\n")
    if state.utf8_error_line is None:
        _finish_utf8(decoder, state)
    return _choose_8bit(path, state, has_bom)


def _decode_utf8(
    decoder: codecs.IncrementalDecoder, chunk: bytes, state: _ScanState
) -> None:
    try:
        decoder.decode(chunk)
    except UnicodeDecodeError as error:
        # error.object starts with the bytes the decoder kept from the last chunk.
        carried = len(error.object) - len(chunk)
        state.utf8_error_line = _line_at(state, chunk, max(0, error.start - carried))
        state.utf8_error_byte = error.object[error.start]


def _finish_utf8(decoder: codecs.IncrementalDecoder, state: _ScanState) -> None:
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as error:
        # The file ends inside a multi-byte sequence.
        state.utf8_error_line = state.lines_before
        state.utf8_error_byte = error.object[error.start] if error.object else 0


def _choose_8bit(path: Path, state: _ScanState, has_bom: bool) -> str:
    if state.utf8_error_line is None:
        return UTF8_WITH_BOM if has_bom else UTF8
    if has_bom:
        raise ImportFileError(
            path,
            f"it starts with a UTF-8 byte order mark, but byte "
            f"0x{state.utf8_error_byte:02X} on line {state.utf8_error_line} is not "
            f"valid UTF-8.",
            "Save the file again as CSV UTF-8 and import the saved file.",
        )
    if state.cp1252_error_line is not None:
        raise ImportFileError(
            path,
            f"its text encoding is not supported: byte "
            f"0x{state.utf8_error_byte:02X} on line {state.utf8_error_line} is not "
            f"valid UTF-8, and byte 0x{state.cp1252_error_byte:02X} on line "
            f"{state.cp1252_error_line} is not valid Windows-1252.",
            "Save the file as CSV UTF-8 in the program that made it and import "
            "the saved file.",
        )
    log.info(
        "%s is not UTF-8 (line %s), reading it as Windows-1252",
        path,
        state.utf8_error_line,
    )
    return WINDOWS_1252


def _line_at(state: _ScanState, chunk: bytes, index: int) -> int:
    return state.lines_before + chunk.count(b"\n", 0, index)
