"""Build tools for the 关爱留守儿童 portal: load → validate → model → render → export → mkdocs."""

from pathlib import Path

#: The repository root (the folder that holds mkdocs.yml, data/ and content/).
ROOT = Path(__file__).resolve().parent.parent
