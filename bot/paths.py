"""Where the project data lives: `knowledge/`, `seeds/` and `eval/` beside the package (editable install)."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
KNOWLEDGE_DIR = Path(os.environ.get("HOIDAP_KNOWLEDGE_DIR", PROJECT_DIR / "knowledge"))
ARTICLE_PATH = Path(
    os.environ.get("HOIDAP_ARTICLE", PROJECT_DIR / "seeds" / "dien-bien-dong-dao-tao-can-bo.txt")
)
EVAL_DIR = PROJECT_DIR / "eval"
