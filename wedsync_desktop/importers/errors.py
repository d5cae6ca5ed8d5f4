"""Errors of the import and export code, each with a message fit for a person."""

from __future__ import annotations

from pathlib import Path


class ImportFileError(Exception):
    """The file cannot be imported; the message names it, the problem and the fix."""

    def __init__(self, path: Path, problem: str, fix: str) -> None:
        self.path = path
        self.problem = problem
        self.fix = fix
        super().__init__(f"{path.name} cannot be imported: {problem} {fix}")


class ImportMappingError(ImportFileError):
    """The chosen mapping cannot import the file, such as no business name column."""


class ExportError(Exception):
    """An export stopped; any earlier file at the target path is unchanged."""
