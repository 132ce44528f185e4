"""What the responder said to each standalone eval question, as rows a golden file can hold.

`python -m bot eval --replies FILE` writes them while it scores the sets, so one pass over every
question both checks the thresholds and pins each reply (the golden test regenerates
the golden file from the same rows): a change to the index or the reading that moves any reply
shows up as a row that differs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TextIO

from bot.answer import Responder
from bot.matcher import Match
from bot.normalize import Normalized
from bot.reply import Reply

DECIMALS = 4  # scores to 4 decimals: float noise between machines must not make a row differ


def reply_row(
    responder: Responder,
    question: str,
    reply: Reply,
    matched: Mapping[str | Normalized, Match] | None = None,
) -> dict[str, Any]:
    """The reply's status, facts and score, with the matcher's ten best candidates for the
    question (taken from `matched`, the matches its reading worked out, when they hold it)."""
    matched = matched or {}
    match = matched.get(question) or matched.get(responder.matcher.read(question))
    match = match or responder.matcher.match(question)
    return {
        "q": question,
        "status": reply.status,
        "intents": list(reply.intents),
        "score": round(float(reply.score), DECIMALS),
        "candidates": [[c.intent.id, round(float(c.score), DECIMALS)] for c in match.candidates],
    }


def write_rows(out: TextIO, set_name: str, rows: Iterable[dict[str, Any]]) -> None:
    """One JSON object per line, each naming its set."""
    for row in rows:
        out.write(json.dumps({"set": set_name, **row}, ensure_ascii=False) + "\n")


def read_rows(path: Path) -> dict[str, list[dict[str, Any]]]:
    """The rows of a replies file, by set, in the order they were written."""
    by_set: dict[str, list[dict[str, Any]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        by_set.setdefault(row.pop("set"), []).append(row)
    return by_set
