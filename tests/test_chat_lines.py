"""`python -m bot ask --chats`: many conversations through one process, as a script pipes them."""

from __future__ import annotations

import json

from conftest import run_cli


def _lines(*objects: object) -> str:
    return "".join(
        (o if isinstance(o, str) else json.dumps(o, ensure_ascii=False)) + "\n" for o in objects
    )


def _replies(result) -> list[dict]:
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.decode().splitlines()]


def test_two_chats_interleaved_keep_their_own_context():
    result = run_cli(
        "ask",
        "--chats",
        stdin=_lines(
            {"chat": "a", "q": "bao nhiêu cán bộ cấp huyện học trung cấp llct"},
            {"chat": "b", "q": "cấp huyện có mấy người dưới 35 tuổi"},
            {"chat": "a", "q": "còn cấp xã thì sao?"},
            {"chat": "b", "q": "còn cấp xã thì sao?"},
        ),
    )
    replies = _replies(result)
    assert [r["chat"] for r in replies] == ["a", "b", "a", "b"]
    assert [r["intents"] for r in replies] == [
        ["intermediate_llct_district"],
        ["young_leaders_district"],
        ["intermediate_llct_commune"],
        ["young_leaders_commune"],
    ]
    assert "300" in replies[2]["answer"] and "21" in replies[3]["answer"]


def test_a_bad_line_gets_an_error_line_and_the_next_lines_are_still_answered():
    result = run_cli(
        "ask",
        "--chats",
        stdin=_lines(
            "không phải JSON",
            [1, 2],
            {"chat": "", "q": "x"},
            {"chat": "a"},
            {"chat": "x" * 201, "q": "x"},
            "",
            {"chat": "a", "q": "bao nhiêu đảng viên?"},
        ),
    )
    replies = _replies(result)
    assert len(replies) == 7  # one line out per line in, so a script can pair them
    errors = [r["error"] for r in replies[:6]]
    assert "not JSON" in errors[0] and "not a JSON object" in errors[1]
    assert '"chat" must be a non-empty string' in errors[2] and '"q" must be a string' in errors[3]
    assert "longer than 200" in errors[4] and "not JSON" in errors[5]
    assert replies[6]["intents"] == ["party_members"] and "712" in replies[6]["answer"]


def test_a_chat_goes_on_in_a_later_process_under_the_same_id():
    first = run_cli(
        "ask", "--chats", stdin=_lines({"chat": "c1", "q": "cấp huyện có mấy người dưới 35 tuổi"})
    )
    assert _replies(first)[0]["intents"] == ["young_leaders_district"]
    later = run_cli("ask", "--json", "--conversation", "c1", "còn cấp xã?")
    assert _replies(later)[0]["intents"] == ["young_leaders_commune"]


def test_chats_with_a_question_argument_is_a_usage_error():
    result = run_cli("ask", "--chats", "bao nhiêu đảng viên?")
    assert result.returncode == 2
    err = result.stderr.decode()
    assert err.startswith("error: --chats reads its chats and questions from stdin")
    assert "Traceback" not in err and result.stdout == b""
