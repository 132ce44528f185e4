"""Every eval question gets the reply it got before the index was rebuilt (status, intents, score).

The golden file records what the responder said to each question of every eval set, with the
matcher's ten best candidates. Regenerate it only on purpose: `python tests/test_eval_golden.py`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from bot.answer import Responder
from bot.evalsets import load_set
from bot.paths import EVAL_DIR

GOLDEN = Path(__file__).parent / "golden" / "eval_replies.json"
TOLERANCE = 1e-3  # scores are recorded to 4 decimals; float noise must not matter


def eval_sets() -> list[Path]:
    return sorted(EVAL_DIR.glob("*.yaml"))


def replies(responder: Responder, path: Path) -> list[dict]:
    rows = []
    for case in load_set(path).cases:
        if case.dialogue is not None:
            continue  # asked within a conversation: the eval's business, not the index's
        reply = responder.respond(case.question)
        match = responder.matcher.match(case.question)
        rows.append(
            {
                "q": case.question,
                "status": reply.status,
                "intents": list(reply.intents),
                "score": round(float(reply.score), 4),
                "candidates": [[c.intent.id, round(float(c.score), 4)] for c in match.candidates],
            }
        )
    return rows


@pytest.fixture(scope="module")
def golden() -> dict[str, list[dict]]:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", eval_sets(), ids=lambda p: p.name)
def test_every_eval_question_gets_the_same_reply_as_before(responder, golden, path):
    expected = golden[path.name]
    actual = replies(responder, path)
    assert [r["q"] for r in actual] == [r["q"] for r in expected]
    for got, want in zip(actual, expected, strict=True):
        assert (got["status"], got["intents"]) == (want["status"], want["intents"]), got["q"]
        assert got["score"] == pytest.approx(want["score"], abs=TOLERANCE), got["q"]
        assert [c[0] for c in got["candidates"]] == [c[0] for c in want["candidates"]], got["q"]
        for (_, score), (_, wanted) in zip(got["candidates"], want["candidates"], strict=True):
            assert score == pytest.approx(wanted, abs=TOLERANCE), got["q"]


if __name__ == "__main__":
    responder = Responder.load()
    data = {path.name: replies(responder, path) for path in eval_sets()}
    GOLDEN.parent.mkdir(exist_ok=True)
    lines = [
        f"{json.dumps(name)}: [\n"
        + ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
        + "\n]"
        for name, rows in data.items()
    ]
    GOLDEN.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    print(f"wrote {GOLDEN} ({sum(len(v) for v in data.values())} questions)", file=sys.stderr)
