"""The README's blind-set table: one scoring over each set's categories, before and after.

    python -m bench.categories eval/blind-c.yaml [--show]

One-fact questions (plain, no_diacritics, typo, paraphrase, preamble) and several-fact ones
(multi, total, meaning, no_level) are scored apart; an answer that gives only some of the facts
asked for counts as wrong. It needs only `Responder.respond` and `Conversations.ask`, so it also
runs against an older checkout of the bot: that is how the "before" figures were taken.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

SINGLE = ("plain", "no_diacritics", "typo", "paraphrase", "preamble")
SEVERAL = ("multi", "total", "meaning", "no_level")


def intents_of(reply) -> list[str]:
    found = getattr(reply, "intents", None)
    return list(found) if found else ([reply.intent] if reply.intent else [])


def verdict(reply, expect: list[str]) -> str:
    status = reply.status
    if expect == ["smalltalk"]:
        if status == "smalltalk":
            return "correct"
        return {"answer": "wrong", "clarify": "asked"}.get(status, "fallback")
    if not expect:
        if status in ("clarify", "fallback"):
            return "refused"
        return "smalltalk_reply" if status == "smalltalk" else "answered"
    if status == "answer":
        got = set(intents_of(reply))
        if got == set(expect):
            return "correct"
        return "partial" if got & set(expect) else "wrong"
    return {"clarify": "asked", "fallback": "fallback"}.get(status, "wrong")


def score(path: Path) -> tuple[dict[str, Counter], list[tuple[dict, object, str]]]:
    from bot.answer import Responder
    from bot.conversation import Conversations

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    responder = Responder.load()
    by: dict[str, Counter] = defaultdict(Counter)
    rows = []
    for item in data["questions"]:
        reply = responder.respond(item["q"])
        found = verdict(reply, item["expect"])
        by[item["category"]][found] += 1
        rows.append((item, reply, found))
    conversations = Conversations(responder, None, "eval")
    for number, dialogue in enumerate(data.get("dialogues", [])):
        for turn_number, turn in enumerate(dialogue["turns"]):
            reply = conversations.ask(f"d{number}", turn["q"]).reply
            found = verdict(reply, turn["expect"])
            found = "correct" if found == "refused" else found  # an unanswerable turn refused
            kind = "first" if turn_number == 0 else turn.get("kind", "followup")
            by[f"dlg_{kind}"][found] += 1
            rows.append(({**turn, "category": f"dlg_{kind}"}, reply, found))
    return by, rows


def rate(by: dict[str, Counter], categories: tuple[str, ...], key: str) -> str:
    total = sum(sum(by[c].values()) for c in categories)
    hits = sum(by[c][key] for c in categories)
    return f"{hits}/{total} = {hits / total:.1%}" if total else "-"


def main(path: Path, show: bool) -> None:
    by, rows = score(path)
    print(f"== {path}")
    for category in sorted(by):
        counts = by[category]
        items = "  ".join(f"{k}={counts[k]}" for k in sorted(counts))
        print(f"{category:<15}{sum(counts.values()):>4}  {items}")
    inside = SINGLE + SEVERAL
    total = sum(sum(by[c].values()) for c in inside)
    wrong = sum(by[c]["wrong"] + by[c]["partial"] for c in inside)
    print("single-fact correct:", rate(by, SINGLE, "correct"), " wrong:", rate(by, SINGLE, "wrong"))
    print(
        "several-fact correct:",
        rate(by, SEVERAL, "correct"),
        " partial:",
        rate(by, SEVERAL, "partial"),
    )
    print(f"all in-scope wrong (incl. partial): {wrong}/{total} = {wrong / max(total, 1):.1%}")
    print("out of scope refused:", rate(by, ("out_of_scope", "unstated"), "refused"))
    print("smalltalk:", rate(by, ("smalltalk",), "correct"))
    print("dialogue follow-ups correct:", rate(by, ("dlg_followup",), "correct"),
          " standalone:", rate(by, ("dlg_standalone",), "correct"))  # fmt: skip
    if show:
        for item, reply, found in rows:
            if found not in ("correct", "refused"):
                print(f"  [{item['category']}] {found}: {item['q']!r} → {reply.status}"
                      f" {intents_of(reply)}; expected {item['expect']}")  # fmt: skip


if __name__ == "__main__":
    main(Path(sys.argv[1]), "--show" in sys.argv)
