"""The command line as a user meets it: `python -m bot ask`, the piped and interactive console."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli, spawn_console, wait_until_blocked_on_the_terminal
from test_eval_golden import assert_same_replies

from bot.eval_replies import read_rows
from bot.evalsets import load_set
from bot.paths import PROJECT_DIR


def test_ask_json_prints_one_object_per_argument_with_the_public_fields():
    result = run_cli("ask", "--json", "bao nhiêu người học thạc sĩ", "giá vàng hôm nay")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    for obj in (first, second):
        assert set(obj) == {
            "question",
            "status",
            "answer",
            "source",
            "intent",
            "intents",
            "score",
            "suggestions",
        }
        assert isinstance(obj["score"], float) and 0 <= obj["score"] <= 100
        assert isinstance(obj["suggestions"], list)
    assert first["question"] == "bao nhiêu người học thạc sĩ"
    assert (first["status"], first["intent"]) == ("answer", "masters_sent")
    assert "28" in first["answer"] and first["intents"] == ["masters_sent"]
    assert first["source"] and first["answer"].endswith(first["source"])  # what the user saw
    assert (second["status"], second["intent"]) == ("fallback", None)


def test_ask_reads_stdin_and_gives_exactly_one_line_per_input_line_even_empty_ones():
    questions = ["thạc sĩ", "", "   ", "712", "xin chào", "😀", "co bao nhieu dang vien"]
    result = run_cli("ask", "--json", stdin="\n".join(questions) + "\n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().splitlines()
    assert [json.loads(line)["question"] for line in lines] == questions
    statuses = [json.loads(line)["status"] for line in lines]
    assert statuses[0] == "answer" and statuses[1] == "fallback" and statuses[4] == "smalltalk"


def test_ask_plain_prints_what_a_user_sees_one_line_each():
    result = run_cli("ask", stdin="bn ng học thạc sĩ\n\n")
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 2
    assert "28" in lines[0] and "Báo Điện Biên Phủ" in lines[0]
    assert "chưa nhập câu hỏi" in lines[1]


def test_ask_survives_undecodable_bytes_and_control_characters():
    result = run_cli("ask", "--json", stdin=b"\xff\xfe th\xe1c s\n\x00\x1b[31m\x07\n")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.decode().splitlines()) == 2


def test_ask_does_not_import_telegram():
    code = (
        "import sys, io; from bot.__main__ import main; sys.stdin = io.StringIO('');"
        "main(['ask', 'thạc sĩ']); assert 'telegram' not in sys.modules, 'telegram imported';"
        "assert 'bot.store' not in sys.modules and 'sqlalchemy' not in sys.modules, 'the store imported'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, cwd=PROJECT_DIR, timeout=60
    )
    assert result.returncode == 0, result.stderr.decode()


def test_piped_console_answers_each_line_and_exits_at_end_of_input():
    result = run_cli(stdin="xin chào\nbao nhiêu đảng viên\n/help\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "712" in out
    assert "/quit" in out  # the help text lists the commands


def test_console_subcommand_stops_at_quit():
    result = run_cli("console", stdin="/quit\nbao nhiêu đảng viên\n")
    assert result.returncode == 0
    assert "712" not in result.stdout.decode()
    assert "Tạm biệt" in result.stdout.decode()


def test_interactive_console_in_a_terminal():
    pexpect = pytest.importorskip("pexpect")
    child = spawn_console()
    child.expect("Gõ /help")
    child.expect("Bạn hỏi: ")
    child.sendline("co bao nhieu thac si")
    child.expect("28")
    child.expect("Bạn hỏi: ")
    child.sendline("/help")
    child.expect("/quit")
    child.expect("Bạn hỏi: ")
    child.sendcontrol("d")
    child.expect("Tạm biệt")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_interactive_console_exits_cleanly_on_ctrl_c():
    pexpect = pytest.importorskip("pexpect")
    child = spawn_console("console")
    child.expect("Bạn hỏi: ")
    wait_until_blocked_on_the_terminal(child)
    child.sendintr()
    child.expect("Tạm biệt")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Traceback" not in (child.before or "")


def test_eval_meets_the_acceptance_thresholds_on_the_visible_set():
    result = run_cli("eval", "--quiet")
    out = result.stdout.decode()
    assert result.returncode == 0, out
    assert "in scope:" in out and "out of scope:" in out


EVAL_SETS = sorted(str(p.relative_to(PROJECT_DIR)) for p in (PROJECT_DIR / "eval").glob("*.yaml"))
_SHARES = 6  # every set is run, in six processes the test workers share out (no long pole)


def _shared_out(sets: list[str], shares: int) -> list[list[str]]:
    """The sets in `shares` groups of about the same size (bytes: questions to answer), the
    largest set first into the lightest group, so no share runs much longer than the rest."""
    groups: list[list[str]] = [[] for _ in range(shares)]
    loads = [0] * shares
    for name in sorted(sets, key=lambda s: (-(PROJECT_DIR / s).stat().st_size, s)):
        lightest = loads.index(min(loads))
        groups[lightest].append(name)
        loads[lightest] += (PROJECT_DIR / name).stat().st_size
    return groups


@pytest.mark.every_question
@pytest.mark.parametrize("share", range(_SHARES))
def test_every_eval_set_meets_its_own_thresholds_and_gives_the_golden_replies(share, tmp_path):
    """Each set's thresholds, no figure beyond the article, and every standalone reply as the
    golden file has it (tests/test_eval_golden.py): one pass answers every eval question."""
    sets = _shared_out(EVAL_SETS, _SHARES)[share]
    # a sixth of the sets in one process: under a minute on a loaded box; only a hang stops it
    arguments = [a for s in sets for a in ("--set", s)]
    replies = tmp_path / "replies.jsonl"
    result = run_cli("eval", "--quiet", "--replies", str(replies), *arguments, hang_after=900)
    out = result.stdout.decode()
    assert result.returncode == 0, out
    assert len(EVAL_SETS) >= 7 and out.count("in scope:") == len(sets)
    assert out.count("figures the article does not have: in 0 of ") == len(sets)
    assert "several facts:" in out and "follow-up turns:" in out
    by_set = read_rows(replies)
    assert sorted(by_set) == sorted(Path(s).name for s in sets)
    for name, rows in by_set.items():
        assert_same_replies(name, rows)


def test_eval_shows_every_mistake_of_a_set_with_dialogues():
    result = run_cli("eval", "--set", "eval/blind-a.yaml")
    out = result.stdout.decode()
    assert result.returncode == 0, out + result.stderr.decode()
    assert "not answered (" in out and "dialogue_followup" in out


def test_a_question_that_starts_with_a_dash_is_still_a_question():
    result = run_cli("ask", "--json", "-5 người học thạc sĩ?", "-x")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().splitlines()
    assert [json.loads(line)["question"] for line in lines] == ["-5 người học thạc sĩ?", "-x"]


def test_json_lines_survive_any_line_splitting_rule():
    questions = ["a\u2028b", "c\u2029d", "e\x85f", "g\x0bh\x0ci\x1cj"]
    result = run_cli("ask", "--json", stdin="\n".join(questions) + "\n")
    out = result.stdout.decode()
    assert len(out.splitlines()) == len(questions)  # str.splitlines() breaks on all of these
    assert [json.loads(line)["question"] for line in out.splitlines()] == questions


def test_an_argument_that_is_not_utf8_gives_valid_utf8_out():
    code = (
        "import os, subprocess, sys; r = subprocess.run([sys.executable, '-m', 'bot', 'ask',"
        " '--json', os.fsdecode(b'abc\\xff')], capture_output=True);"
        "r.stdout.decode('utf-8'); print(r.returncode)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=PROJECT_DIR,
        timeout=60,
    )
    assert result.stdout.strip() == "0", result.stderr


# --- a user's mistake is one line and exit code 2, never a traceback -----------------------


def _one_line_error(result: subprocess.CompletedProcess[str], needle: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result.stderr
    assert needle in result.stderr


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["ask", "--jsn", "x"], "--jsn"),  # a mistyped option is not a question
        (["eval", "--set", "nosuch.yaml"], "nosuch.yaml"),
        (["eval", "--replies", "/nonexistent-dir/replies.jsonl"], "/nonexistent-dir/replies.jsonl"),
        (["report", "--days", "0"], "--days"),
        (["telegram", "--polling", "--webhook"], "usage"),
        (["telegram", "--fast"], "unrecognized"),
        (["nosuch"], "invalid choice"),
    ],
)
def test_a_mistake_on_the_command_line_is_one_line_and_exit_2(args, needle):
    _one_line_error(run_cli(*args, text=True), needle)


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("- q: [unclosed\n", "bad.yaml:2: "),
        ("q: not a list\n", "a list of questions"),
        ("- intent: masters_sent\n", "question 1"),
    ],
)
def test_a_malformed_eval_set_is_one_line_and_exit_2(tmp_path, content, needle):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    _one_line_error(run_cli("eval", "--set", str(path), text=True), needle)


def test_report_on_an_unusable_data_directory_is_one_line_and_exit_2(tmp_path):
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("", encoding="utf-8")
    result = run_cli("report", env={"HOIDAP_DATA_DIR": str(not_a_dir / "data")}, text=True)
    _one_line_error(result, "data directory")


@pytest.mark.parametrize("command", [["console"], ["ask", "--conversation", "c", "x"], ["report"]])
def test_a_bad_store_setting_stops_every_front_end_alike(command):
    result = run_cli(*command, env={"HOIDAP_RETENTION_DAYS": "soon"}, text=True)
    _one_line_error(result, "HOIDAP_RETENTION_DAYS")


@pytest.mark.parametrize("command", [["console"], ["ask", "x"], ["eval"], ["report"]])
def test_a_bad_log_level_stops_every_command_alike(command):
    _one_line_error(run_cli(*command, env={"LOG_LEVEL": "chatty"}, text=True), "LOG_LEVEL")


def test_ask_in_a_terminal_without_a_question_says_how_to_use_it():
    pexpect = pytest.importorskip("pexpect")
    child = spawn_console("ask")
    child.expect("no question given")
    child.expect("usage")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2


@pytest.mark.parametrize(
    ("command", "env"),
    [
        (["console"], {}),
        (["ask", "thạc sĩ"], {}),
        (["eval"], {}),
        (["telegram", "--polling"], {"TELEGRAM_BOT_TOKEN": "123:abc"}),
    ],
)
def test_a_broken_knowledge_base_stops_every_front_end_alike(tmp_path, command, env):
    import shutil

    from bot.paths import KNOWLEDGE_DIR

    broken = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, broken)
    facts = broken / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text.replace("  - id: masters_sent\n", "  - id: total_staff\n"), "utf-8")
    result = run_cli(*command, env={"HOIDAP_KNOWLEDGE_DIR": str(broken), **env}, text=True)
    assert result.returncode == 2
    assert result.stdout == ""
    *problems, last = result.stderr.splitlines()
    assert problems and all(re.match(r"\S*\.yaml:\d+: ", p) for p in problems), problems
    assert last.startswith("error: the knowledge base is invalid") and "kb check" in last


def test_replies_do_not_depend_on_the_hash_seed_of_the_process(tmp_path):
    """Each process hashes strings with its own seed: a reply built by walking a set would
    change order between processes (a golden row once did). The newest blind sets' questions
    (several facts, totals, lists) through `ask --json`, under two seeds, line for line."""
    questions = [
        case.question
        for name in ("blind-bd.yaml", "blind-be.yaml", "blind-bf.yaml")
        for case in load_set(PROJECT_DIR / "eval" / name).cases
        if case.dialogue is None
    ]
    stdin = "\n".join(questions) + "\n"
    first, second = (
        # each builds its own core (a cache shared would carry the first seed's build over)
        run_cli(
            "ask",
            "--json",
            stdin=stdin,
            env={"PYTHONHASHSEED": seed, "XDG_CACHE_HOME": str(tmp_path / seed)},
        )
        for seed in ("1", "2")
    )
    assert first.returncode == second.returncode == 0, first.stderr
    assert len(first.stdout.splitlines()) == len(questions)
    assert first.stdout == second.stdout
    assert all(len(list((tmp_path / seed / "hoi-dap").glob("core-*.bin"))) == 1 for seed in "12")
