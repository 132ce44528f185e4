"""The knowledge base: the shipped one is valid; every kind of breakage is reported as file:line."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.kb import KnowledgeError, check_knowledge, load_knowledge
from bot.paths import ARTICLE_PATH, KNOWLEDGE_DIR, PROJECT_DIR

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def run_kb_check(knowledge_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOIDAP_KNOWLEDGE_DIR": str(knowledge_dir)}
    return subprocess.run(
        [sys.executable, "-m", "bot", "kb", "check"],
        capture_output=True,
        text=True,
        env=env,
        cwd=PROJECT_DIR,
        timeout=60,
    )


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, target)
    return target


def replace_in(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1  # the line the edit starts on


def test_shipped_knowledge_base_passes_kb_check():
    result = run_kb_check(KNOWLEDGE_DIR)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "kb check: ok" in result.stdout


def test_every_answer_number_occurs_in_the_article_or_is_declared_derived():
    kb = load_knowledge()
    article = {n.replace(".", "").replace(",", ".") for n in _NUMBER.findall(kb.article_text)}
    for intent in kb.intents:
        derived = {d.value.replace(",", ".") for d in intent.derived}
        for raw in _NUMBER.findall(intent.answer):
            number = raw.replace(".", "") if re.fullmatch(r"\d+(\.\d{3})+", raw) else raw
            number = number.replace(",", ".")
            assert number in article | derived, f"{intent.id} states {raw}"


def test_answers_write_d_with_stroke_never_the_lookalike_eth():
    for intent in load_knowledge().intents:
        assert "Ð" not in intent.answer and "Ð" not in intent.question, intent.id


def test_every_article_figure_is_covered_by_some_answer():
    _, problems, uncovered = check_knowledge()
    assert not problems
    assert uncovered == []


def test_fact_intents_have_many_phrasings_and_evidence():
    for intent in load_knowledge().intents:
        if intent.kind != "smalltalk":
            assert len(intent.phrasings) >= 8, intent.id
            assert intent.evidence, intent.id


def test_seed_article_is_kept_byte_for_byte():
    shared = PROJECT_DIR.parent / "shared" / "seeds" / ARTICLE_PATH.name
    if not shared.exists():
        pytest.skip("no shared/ checkout beside the project")
    assert ARTICLE_PATH.read_bytes() == shared.read_bytes()


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "facts.yaml",
            "  - id: masters_sent\n",
            "  - id: masters_sent\n    kind: [\n",
            "not valid YAML",
        ),
        ("facts.yaml", "  - id: masters_sent\n", "  - id: total_staff\n", "duplicate id"),
        ("facts.yaml", "    kind: fact\n", "    kind: rumour\n", "kind: must be one of"),
        ("facts.yaml", "28 người", "29 người", "29, which is not in its evidence"),
        (
            "facts.yaml",
            "có 1.999 cán bộ, công chức;",
            "có 2.000 cán bộ, công chức;",
            "evidence not found",
        ),
        (
            "facts.yaml",
            "related: [",
            "related: [no_such_intent, ",
            "unknown intent 'no_such_intent'",
        ),
        ("facts.yaml", "1066 / 1999 * 100", "1066 / 1999 * 10", "formula gives"),
        ("facts.yaml", "    phrasings:\n", "    phrasing:\n", "phrasing: unknown field"),
        ("smalltalk.yaml", "  - id: thanks\n", "  - id: Thanks!\n", "id: use lower case"),
        ("matching.yaml", "  answer: 70", "  answer: high", "answer: must be a number"),
    ],
)
def test_broken_knowledge_base_is_reported_with_file_and_line(kb_copy, file, old, new, message):
    replace_in(kb_copy / file, old, new)
    result = run_kb_check(kb_copy)
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if message in line]
    assert lines, result.stdout
    assert re.match(rf"^\S*{re.escape(file)}:\d+: ", lines[0]), lines[0]


def test_missing_field_names_the_intent_line(kb_copy):
    path = kb_copy / "facts.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: masters_sent\n")
    answer = text.index("    answer:", start)
    evidence = text.index("    evidence:", answer)
    path.write_text(text[:answer] + text[evidence:], encoding="utf-8")
    line = text[:start].count("\n") + 1
    result = run_kb_check(kb_copy)
    assert result.returncode == 1
    assert f"facts.yaml:{line}: intent masters_sent: answer: missing" in result.stdout


def test_bot_refuses_to_start_on_a_broken_knowledge_base(kb_copy):
    replace_in(kb_copy / "facts.yaml", "  - id: masters_sent\n", "  - id: total_staff\n")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(kb_copy, ARTICLE_PATH)
    assert any("duplicate id" in p.message for p in caught.value.problems)
    env = {**os.environ, "HOIDAP_KNOWLEDGE_DIR": str(kb_copy)}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "thạc sĩ"],
        capture_output=True,
        text=True,
        env=env,
        cwd=PROJECT_DIR,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert "refusing to start" in result.stderr


def test_yaml_tags_that_build_python_objects_are_refused(kb_copy):
    replace_in(
        kb_copy / "facts.yaml", "    kind: fact\n", "    kind: !!python/object:os.system fact\n"
    )
    result = run_kb_check(kb_copy)
    assert result.returncode == 1
    assert "facts.yaml:" in result.stdout
