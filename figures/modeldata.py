"""Model output as committed data: figures/data/<name>.json, written by `make models`.

The iterated prisoner's dilemma needs axelrod (and with it torch, pandas, scipy, dask: ~1.9 GB) and
half a minute of play. So the site build does not run it: `make models` does, in its own venv, and
writes the results with their provenance (figures/models/export.py). The build reads the files and
checks that they still match the model: the same parameters and the same SHA-256 of every file in
MODEL_CODE. If not, it fails with one line naming the data file and saying to run `make models`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from figures.errors import FigureError

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "figures" / "data"
# Every file whose change would change the numbers: the model and the code that writes its output.
MODEL_CODE = ("figures/models/ipd.py", "figures/models/export.py")
MAKE = "run `make models` to write it again"


@dataclass(frozen=True)
class ModelData:
    """One data file's numbers: values[strategy][i] at noise_levels[i], and the parameters."""

    name: str
    strategies: tuple[str, ...]
    noise_levels: tuple[float, ...]
    values: dict[float, dict[str, float]]  # noise level -> strategy -> value
    parameters: dict


def data_path(name: str, root: Path | None = None) -> Path:
    return (root or ROOT) / "figures" / "data" / f"{name}.json"


def dumps(data: dict) -> str:
    """Sorted keys, one item a line, floats in Python's shortest round-trip form: byte-stable."""
    return json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False, allow_nan=False) + "\n"


def code_hashes(root: Path | None = None) -> dict[str, str]:
    return {path: hashlib.sha256(((root or ROOT) / path).read_bytes()).hexdigest() for path in MODEL_CODE}


def load(name: str, root: Path | None = None) -> ModelData:
    """The numbers of figures/data/<name>.json, checked against the model code and its parameters.

    Raises:
        FigureError: one line naming the file, when it is missing, malformed or out of date.
    """
    from figures.models import ipd

    path = data_path(name, root)
    shown = f"figures/data/{path.name}"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        provenance = data["provenance"]
        recorded, parameters = provenance["code_sha256"], provenance["parameters"]
    except OSError:
        raise FigureError(f"{shown}: missing; {MAKE.replace(' again', '')}") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise FigureError(f"{shown}: not a model data file ({exc}); {MAKE}") from None
    if parameters != ipd.parameters():
        changed = sorted(k for k in {*parameters, *ipd.parameters()}
                         if parameters.get(k) != ipd.parameters().get(k))
        raise FigureError(f"{shown}: written with other parameters than figures/models/ipd.py's "
                          f"({', '.join(changed)}); {MAKE}")
    current = code_hashes(root)
    stale = [path for path in MODEL_CODE if recorded.get(path) != current[path]]
    if stale:
        raise FigureError(f"{shown}: written by another version of {' and '.join(stale)} "
                          f"(SHA-256 differs); {MAKE}")
    try:
        strategies, levels = tuple(data["strategies"]), tuple(data["noise_levels"])
        values = {n: {s: data["values"][s][i] for s in strategies} for i, n in enumerate(levels)}
    except (KeyError, IndexError, TypeError) as exc:
        raise FigureError(f"{shown}: not a model data file ({exc!r}); {MAKE}") from None
    return ModelData(name, strategies, levels, values, parameters)
