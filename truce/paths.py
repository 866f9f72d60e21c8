"""Where things live. Every path in the package is resolved from here, so notebooks
work whatever directory they are executed in."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
DOCS_DIR = ROOT / "docs"
PACKAGE_DIR = ROOT / "truce"
