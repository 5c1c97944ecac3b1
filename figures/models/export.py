"""`make models`: play the models that need heavy libraries and write their output as data.

Run in the models' own venv (.venv-models, requirements-models.txt), from the project root:
`python -m figures.models.export`. Writes figures/data/ipd-noise.json and ipd-echo.json, which
the site build reads (figures/modeldata.py) without importing axelrod. Each file records its
provenance: the library versions, the seed, every parameter and the SHA-256 of each source file
whose change would change the numbers (modeldata.MODEL_CODE). JSON with sorted keys and Python's
shortest round-trip float repr, so running this twice writes the same bytes.
"""

from __future__ import annotations

import platform
import sys
from importlib.metadata import version
from pathlib import Path

from figures import modeldata
from figures.models import ipd

# Data file -> (the NoiseResults field it holds, what its values are).
OUTPUTS = {
    "ipd-noise": ("score", "Mean payoff per round (points) of each strategy against the whole field, "
                           "itself included, at each noise level."),
    "ipd-echo": ("self_cooperation", "Share of rounds in which two copies of each strategy both cooperate, "
                                     "at each noise level."),
}
LIBRARIES = ("axelrod", "numpy", "torch")  # what plays the matches (axelrod's numpy random generator)


def payload(name: str, results: ipd.NoiseResults, root: Path = modeldata.ROOT) -> dict:
    field, description = OUTPUTS[name]
    values = getattr(results, field)
    return {
        "description": description,
        "strategies": list(results.strategies),
        "noise_levels": list(results.noise_levels),
        "values": {s: [values[n][s] for n in results.noise_levels] for s in results.strategies},
        "provenance": {
            "written_by": "make models (python -m figures.models.export)",
            # Releases as pinned, without a build's local label (torch 2.13.0+cpu here, 2.13.0 on CI)
            # or Python's patch level: CI plays the models again and compares the files byte for byte.
            "libraries": {library: version(library).split("+")[0] for library in LIBRARIES},
            "python": ".".join(platform.python_version_tuple()[:2]),
            "seed": results.seed,
            "parameters": {**ipd.parameters(),  # the sweep's own, should it not be the default one
                           "strategies": [[s, ipd.STRATEGIES[s]] for s in results.strategies],
                           "noise_levels": list(results.noise_levels),
                           "turns": results.turns, "repetitions": results.repetitions, "seed": results.seed},
            "code_sha256": modeldata.code_hashes(root),
        },
    }


def main() -> int:
    results = ipd.noise_sweep()
    modeldata.DATA_DIR.mkdir(exist_ok=True)
    for name in OUTPUTS:
        path = modeldata.data_path(name)
        path.write_text(modeldata.dumps(payload(name, results)), encoding="utf-8")
        print(f"wrote {path.relative_to(modeldata.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
