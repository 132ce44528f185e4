"""The knowledge base finds its own files by top-level key, and its errors point at the right line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.kb import check_knowledge
from bot.paths import ARTICLE_PATH, KNOWLEDGE_DIR, PROJECT_DIR

NEW_INTENT = """\
# An intent file nobody registered anywhere.
intents:
  - id: platypus_fact
    kind: fact
    topic: policy
    question: "Platypus wombat quokka?"
    phrasings:
      - "platypus wombat"
      - "platypus quokka"
      - "wombat quokka"
      - "platypus"
      - "wombat"
      - "quokka"
      - "quokka platypus wombat numbat"
      - "numbat"
    answer: "Mục tiêu đào tạo là chuẩn hóa đội ngũ cán bộ hiện có."
    evidence:
      - "Mục tiêu đào tạo là chuẩn hóa đội ngũ cán bộ hiện có"
"""


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, target)
    return target


def run_bot(knowledge_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOIDAP_KNOWLEDGE_DIR": str(knowledge_dir)}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=PROJECT_DIR,
        timeout=60,
    )


def problems_of(knowledge_dir: Path) -> list[str]:
    _, problems, _ = check_knowledge(knowledge_dir, ARTICLE_PATH)
    return [p.format(knowledge_dir) for p in problems]


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_a_new_intent_file_is_read_by_kb_check_and_answered_by_the_bot(kb_copy):
    shipped = len(check_knowledge(KNOWLEDGE_DIR, ARTICLE_PATH)[0].intents)
    (kb_copy / "extra").mkdir()
    (kb_copy / "extra" / "animals.yaml").write_text(NEW_INTENT, encoding="utf-8")

    check = run_bot(kb_copy, "kb", "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert f"kb check: ok — {shipped + 1} intents" in check.stdout

    ask = run_bot(kb_copy, "ask", "--json", "platypus wombat quokka")
    assert ask.returncode == 0, ask.stderr
    reply = json.loads(ask.stdout)
    assert reply["intent"] == "platypus_fact"
    assert reply["answer"].startswith("Mục tiêu đào tạo")


def test_a_yaml_file_of_no_known_kind_is_refused_with_file_and_line(kb_copy):
    (kb_copy / "notes.yaml").write_text("# jottings\n\nrecipes:\n  - pho\n", encoding="utf-8")
    assert problems_of(kb_copy) == [
        "notes.yaml:3: unknown top-level key 'recipes': a knowledge file starts with one of "
        "intents, messages, matching, conversation, normalization, abbreviations,"
        " understanding, groups, spans"
    ]
    result = run_bot(kb_copy, "kb", "check")
    assert result.returncode == 1
    assert "notes.yaml:3: unknown top-level key 'recipes'" in result.stdout


def test_a_section_given_twice_is_refused_where_it_is_repeated(kb_copy):
    (kb_copy / "more.yaml").write_text("\nconversation:\n  context_minutes: 9\n", encoding="utf-8")
    assert problems_of(kb_copy) == [
        "more.yaml:2: conversation: already given in conversation.yaml:7"
    ]


def test_one_indentation_error_gives_one_message(kb_copy):
    path = kb_copy / "facts.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    topic: overview\n", "   topic: overview\n", 1), "utf-8")
    found = problems_of(kb_copy)
    assert len(found) == 1, found
    assert found[0].startswith(f"facts.yaml:{line_of(path, '   topic: overview')}: not valid YAML")
    result = run_bot(kb_copy, "kb", "check")
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == "kb check: 1 problem(s)"


def test_a_duplicate_phrasing_points_to_its_own_line(kb_copy):
    path = kb_copy / "facts.yaml"
    text = path.read_text(encoding="utf-8")
    marker = '      - "Số cán bộ công chức cấp xã"\n'  # commune_staff, after total_staff
    path.write_text(text.replace(marker, marker + '      - "Tổng số cán bộ"\n', 1), "utf-8")
    found = problems_of(kb_copy)
    assert len(found) == 1, found
    line = line_of(path, marker.strip()) + 1
    assert found[0].startswith(f"facts.yaml:{line}: intent commune_staff: duplicate phrasing")


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        (
            "có 1.999 cán bộ, công chức;",
            "có 2.000 cán bộ, công chức;",
            "có 2.000",
            "evidence not found",
        ),
        (
            "related: [commune_staff,",
            "related: [nobody,",
            "related: [nobody,",
            "unknown intent 'nobody'",
        ),
        ("    topic: overview\n", "    topic: nowhere\n", "topic: nowhere", "has no label"),
        ("1066 / 1999 * 100", "1066 / 1999 * 10", "1066 / 1999 * 10", "formula gives"),
    ],
)
def test_problems_within_an_intent_point_to_the_offending_item(kb_copy, old, new, needle, message):
    path = kb_copy / "facts.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    found = [p for p in problems_of(kb_copy) if message in p]
    assert found, problems_of(kb_copy)
    assert found[0].startswith(f"facts.yaml:{line_of(path, needle)}: "), found[0]


def test_a_malformed_spelling_slip_is_reported_at_its_line(kb_copy: Path) -> None:
    path = kb_copy / "normalization.yaml"
    text = path.read_text(encoding="utf-8")
    broken = text.replace("initials: [[s, x],", "initials: [[s], [s, x],", 1)
    assert broken != text
    path.write_text(broken, encoding="utf-8")
    line = next(n for n, row in enumerate(broken.splitlines(), 1) if "initials:" in row)
    assert any(
        p.startswith(f"normalization.yaml:{line}:") and "initials[0]" in p
        for p in problems_of(kb_copy)
    ), problems_of(kb_copy)


def break_file(path: Path, old: str, new: str) -> None:
    """Write `path` with its first `old` replaced by `new` (which must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        ("matching.yaml", "slot_every: {level: all}", "slot_every: {level: x}", "level: 'x' is no"),
        ("groups.yaml", 'value: "1.705"', 'value: "1.706"', "difference: 1999 - 294 is not 1.706"),
        ("understanding.yaml", "not_cues: [đầu,", "not_cues: [dau,", "'dau' must carry diacritics"),
        ("groups.yaml", "remainder: district", "remainder: commune", "commune_staff is commune"),
        ("groups.yaml", 'value: "245"', 'value: "255"', "gap: 300 - 55 is not 255"),
        ("groups.yaml", 'formula: "21 - 10"', 'formula: "21 - 11"', "gap: 11 is no figure"),
        ("understanding.yaml", "not_cues: [đầu,", "not_cues: [bàn,", "'bàn' must carry diacritics"),
        ("understanding.yaml", '"cadres | civil"', '"cadres civil"', "must be two words"),
        # the slot a group tells its parts apart by must be one its parts have
        ("groups.yaml", "    by: subject", "    by: course", "has no slot 'course'"),
        # a difference's reply quotes only parts whose answers write every figure of it
        ("groups.yaml", "quoted: [party_members]", "quoted: [total_staff]", "712 is not in"),
        (
            "groups.yaml",
            "quoted: [party_members]",
            "quoted: [party_members, total_staff]",
            "not all",
        ),
    ],
)
def test_a_slot_value_or_a_difference_that_does_not_hold_is_reported(
    kb_copy: Path, name: str, old: str, new: str, message: str
) -> None:
    break_file(kb_copy / name, old, new)
    assert any(message in p for p in problems_of(kb_copy)), problems_of(kb_copy)


# Expansions whose output a second reading changes, on purpose: "phát biểu" stays a word of its
# own after "trả lời phỏng vấn", "trả lời nhà báo", "đứng ra nói chuyện với nhà báo" (the KB
# writes that phrasing too). ("nhiu" is "bao nhiêu" alone,
# as "nhiêu" is, and "bao nhiu" is read whole: normalizing is idempotent. A key's punctuation is
# no word of it: "tc, cc" is read as "tc cc", as a message's words are.)
_EXPANDED_TWICE = {
    "trả lời phóng viên",
    "trả lời phỏng vấn",
    "trả lời nhà báo",
    "tra loi nha bao",
    "đứng ra nói chuyện với nhà báo",
    "đứng ra nói chuyện với phóng viên",
    "đứng ra trao đổi với nhà báo",
    "đứng ra trao đổi với phóng viên",
}


def test_an_expansion_gives_what_a_phrasing_holding_its_output_would_read_as(responder):
    """ "đưa lên mạng" once gave "đăng lên mạng", which the KB's own phrasings read as "đăng
    đăng": a question typed that way could never match them."""
    from bot.normalize import normalize

    changed = [
        " ".join(key)
        for key, value in responder.kb.tables.expansions.items()
        if normalize(" ".join(value), responder.kb.tables).tokens != tuple(value)
    ]
    assert set(changed) == _EXPANDED_TWICE, changed


def test_an_article_topic_no_intent_has_is_refused_with_its_line(kb_copy):
    path = kb_copy / "conversation.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("article_topic: article", "article_topic: artcle"), encoding="utf-8"
    )
    line = 1 + text[: text.index("article_topic: article")].count("\n")
    assert problems_of(kb_copy) == [
        f"conversation.yaml:{line}: article_topic: no intent has topic 'artcle'"
    ]
    result = run_bot(kb_copy, "kb", "check")
    assert result.returncode == 1 and "article_topic" in result.stdout


def test_words_a_closing_particle_stays_after_must_be_a_list_of_words(kb_copy):
    path = kb_copy / "normalization.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  closing_particles_kept_after: [")
    end = text.index("]", start) + 1
    path.write_text(
        text[:start] + "  closing_particles_kept_after: chon" + text[end:], encoding="utf-8"
    )
    line = line_of(path, "closing_particles_kept_after:")
    assert problems_of(kb_copy) == [
        f"normalization.yaml:{line}: normalization: closing_particles_kept_after: must be a list "
        "of strings"
    ]
