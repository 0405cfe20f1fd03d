"""The version, written once: pyproject.toml reads it from here (setuptools' attr:), and what prints it
(json, sarif, --version) imports it from here rather than importlib.metadata (~55 ms at every start)."""

__version__ = "0.1.0"
