"""`python -m bot kb check`: each problem as file:line, and article figures no answer states."""

from __future__ import annotations

from bot.kb.load import check_knowledge
from bot.paths import ARTICLE_PATH, KNOWLEDGE_DIR, PROJECT_DIR


def run_check() -> int:
    kb, problems, uncovered = check_knowledge(KNOWLEDGE_DIR, ARTICLE_PATH)
    for problem in problems:
        print(problem.format(PROJECT_DIR))
    if uncovered:
        print("article figures no answer states: " + ", ".join(uncovered))
    if problems or kb is None:
        print(f"kb check: {len(problems)} problem(s)")
        return 1
    phrasings = sum(len(i.phrasings) for i in kb.intents)
    print(f"kb check: ok — {len(kb.intents)} intents, {phrasings} phrasings")
    return 0
