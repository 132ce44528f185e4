"""Every eval question gets the reply it got before the index was rebuilt (status, intents, score).

The golden file records what the responder said to each standalone question of every eval set,
with the matcher's ten best candidates. The replies are checked where they are produced, once:
the every-question eval test in tests/test_cli.py runs `python -m bot eval --replies FILE` and
compares each row with `assert_same_replies`. Regenerate the file only on purpose:
`python tests/test_eval_golden.py`.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from bot.answer import Responder
from bot.eval_replies import DECIMALS
from bot.evalsets import load_set
from bot.evaluate import evaluate
from bot.paths import EVAL_DIR

GOLDEN = Path(__file__).parent / "golden" / "eval_replies.json"
TOLERANCE = 1e-3  # scores are recorded to 4 decimals; float noise must not matter
assert 10**-DECIMALS < TOLERANCE


def eval_sets() -> list[Path]:
    return sorted(EVAL_DIR.glob("*.yaml"))


@cache  # 23 MB of JSON: parsed once per test process, not once per set compared (0.7 s each)
def golden() -> dict[str, list[dict[str, Any]]]:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


def assert_same_replies(set_name: str, actual: list[dict[str, Any]]) -> None:
    """The rows `eval --replies` wrote for one set, against the golden file's."""
    expected = golden()[set_name]
    assert [r["q"] for r in actual] == [r["q"] for r in expected], set_name
    for got, want in zip(actual, expected, strict=True):
        assert (got["status"], got["intents"]) == (want["status"], want["intents"]), got["q"]
        assert got["score"] == pytest.approx(want["score"], abs=TOLERANCE), got["q"]
        assert [c[0] for c in got["candidates"]] == [c[0] for c in want["candidates"]], got["q"]
        for (_, score), (_, wanted) in zip(got["candidates"], want["candidates"], strict=True):
            assert score == pytest.approx(wanted, abs=TOLERANCE), got["q"]


def test_the_golden_file_holds_every_standalone_question_of_every_eval_set():
    recorded = golden()
    assert sorted(recorded) == [path.name for path in eval_sets()]
    for path in eval_sets():
        questions = [c.question for c in load_set(path).cases if c.dialogue is None]
        assert [row["q"] for row in recorded[path.name]] == questions, path.name


def test_a_changed_reply_is_caught_by_the_comparison():
    name = eval_sets()[0].name
    rows = [dict(row) for row in golden()[name]]
    assert_same_replies(name, rows)
    rows[0]["intents"] = [*rows[0]["intents"], "not_a_fact"]
    with pytest.raises(AssertionError):
        assert_same_replies(name, rows)


if __name__ == "__main__":
    responder = Responder.load()
    data: dict[str, list[dict[str, Any]]] = {}
    for path in eval_sets():
        data[path.name] = rows = []
        evaluate(responder, load_set(path).cases, rows)
    GOLDEN.parent.mkdir(exist_ok=True)
    lines = [
        f"{json.dumps(name)}: [\n"
        + ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
        + "\n]"
        for name, rows in data.items()
    ]
    GOLDEN.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    print(f"wrote {GOLDEN} ({sum(len(v) for v in data.values())} questions)", file=sys.stderr)
