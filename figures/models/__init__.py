"""Models computed at build time: plain functions, deterministic, no plotting."""
