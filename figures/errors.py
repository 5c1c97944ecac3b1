"""The one exception the package raises: a message that names the file and says what to fix."""

from __future__ import annotations


class FigureError(Exception):
    """A problem in a dataset, its sidecar note or a figure marker, reported as one line."""
