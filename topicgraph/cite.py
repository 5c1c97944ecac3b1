"""How to cite a page of the course: the reference as BibTeX, its fields escaped for LaTeX.

Titles come from front matter, so they are text: characters BibTeX and LaTeX read as syntax (braces,
backslashes, `%`, `&`, …) are escaped, and a title cannot close its field or start a command.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_LATEX_SPECIAL = re.compile(r"[\\{}&%$#_^~]")
_REPLACEMENTS = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}
FIELD_WIDTH = 12  # field names are padded so that the values line up, as reference managers write them


def bibtex_text(text: str) -> str:
    """`text` as the value of a BibTeX field: LaTeX's special characters escaped, whitespace collapsed."""
    return _LATEX_SPECIAL.sub(lambda m: _REPLACEMENTS.get(m.group(0), "\\" + m.group(0)), " ".join(text.split()))


def bibtex_entry(entry_type: str, key: str, fields: Sequence[tuple[str, str]]) -> str:
    """A BibTeX entry; each value is given already escaped (see bibtex_text) and is set in braces."""
    lines = [f"@{entry_type}{{{key},"]
    lines += [f"  {name:<{FIELD_WIDTH}} = {{{value}}}," for name, value in fields]
    lines[-1] = lines[-1].removesuffix(",")
    return "\n".join([*lines, "}"])
