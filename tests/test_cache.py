"""The built core is saved once and trusted only while it matches its sources (bot/cache.py)."""

from __future__ import annotations

import gc
import json
import os
import shutil
import subprocess
import sys
from dataclasses import fields, replace
from pathlib import Path

import numpy as np
import pytest

from bot import cache, code_version, kb_heads, regex_heads
from bot.answer import Responder
from bot.evalsets import load_set
from bot.index import Index, Postings
from bot.paths import ARTICLE_PATH, EVAL_DIR, KNOWLEDGE_DIR, PROJECT_DIR


def questions() -> list[str]:
    return [c.question for c in load_set(EVAL_DIR / "questions.yaml").cases]


def replies(responder: Responder) -> list[tuple]:
    return [
        (r.status, r.intents, round(float(r.score), 9), r.text)
        for r in map(responder.respond, questions())
    ]


def only_file(directory: Path) -> Path:
    (found,) = directory.glob("core-*.bin")
    return found


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    """A copy of the shipped knowledge base, free to edit."""
    return Path(shutil.copytree(KNOWLEDGE_DIR, tmp_path / "knowledge"))


def same_tables(a, b) -> bool:
    """Tables field by field; the tables for a message typed without marks, the same way."""
    if a is None or b is None:
        return a is b
    return all(
        same_tables(getattr(a, f.name), getattr(b, f.name))
        if f.name == "unmarked"
        else getattr(a, f.name) == getattr(b, f.name)
        for f in fields(b)
    )


def test_a_cached_core_is_the_core_built_and_answers_as_a_fresh_one(tmp_path, responder):
    built = cache.load_core(directory=tmp_path)  # nothing saved yet: built, then saved
    loaded = cache.read(only_file(tmp_path), cache.source_key())
    assert loaded is not None
    # the same core, field by field (every array to the bit): it answers every question as the
    # built one does, which test_eval_golden.py holds to the golden file on every eval question
    assert_same_index(loaded.index, built.index)
    assert dict(loaded.folds) == dict(built.folds)
    assert dict(loaded.heads) == dict(built.heads)
    # normalization tables compare by identity (a cache key): here field by field
    tables = built.kb.tables
    for kb in (loaded.kb, responder.kb):
        assert replace(kb, tables=tables) == built.kb
        assert same_tables(kb.tables, tables)
    # and through the responder, every reply's text, against a core built apart from the cache
    fresh = Responder(responder.kb)
    assert replies(Responder(loaded.kb, loaded)) == replies(fresh)
    assert replies(Responder(built.kb, built)) == replies(fresh)


def assert_same_index(got: Index, want: Index) -> None:
    for field in fields(Index):
        a, b = getattr(got, field.name), getattr(want, field.name)
        if isinstance(b, Postings):
            a, b = (a.starts, a.rows), (b.starts, b.rows)
        else:
            a, b = (a,), (b,)
        for x, y in zip(a, b, strict=True):
            if isinstance(y, np.ndarray):
                assert x.dtype == y.dtype and x.shape == y.shape, field.name
                assert x.tobytes() == y.tobytes(), field.name
            else:
                assert x == y, field.name


def test_a_cached_kb_holds_each_distinct_string_once(tmp_path):
    cache.load_core(directory=tmp_path)
    loaded = cache.read(only_file(tmp_path), cache.source_key())
    assert loaded is not None
    strings: dict[int, str] = {}
    seen, todo = set(), [loaded.kb]
    while todo:
        value = todo.pop()
        if id(value) in seen or isinstance(value, type):
            continue
        seen.add(id(value))
        if isinstance(value, str):
            strings[id(value)] = value
        elif isinstance(value, tuple | list | dict | set | frozenset) or (
            type(value).__module__.startswith("bot.")
        ):
            todo.extend(gc.get_referents(value))
    assert len(strings) > 1000
    assert len(set(strings.values())) == len(strings)  # equal strings are one object


def test_the_cached_arrays_are_mapped_read_only(tmp_path):
    cache.load_core(directory=tmp_path)
    loaded = cache.read(only_file(tmp_path), cache.source_key())
    assert loaded is not None
    rows = loaded.index.phrasing_postings.rows
    assert not rows.flags.writeable  # pages of the file, shared by every process that maps it


def test_a_changed_kb_file_is_rebuilt_and_answers_from_the_change(tmp_path, knowledge):
    first = cache.load_core(knowledge, ARTICLE_PATH, tmp_path)
    before = Responder(first.kb, first).respond("giá vàng hôm nay").text
    messages = knowledge / "messages.yaml"
    text = messages.read_text(encoding="utf-8")
    messages.write_text(text.replace("Xin lỗi, bài viết", "Rất tiếc, bài viết"), encoding="utf-8")

    second = cache.load_core(knowledge, ARTICLE_PATH, tmp_path)
    after = Responder(second.kb, second).respond("giá vàng hôm nay").text
    assert after != before and "Rất tiếc" in after
    assert len(list(tmp_path.glob("core-*.bin"))) == 2  # one per key: the old one is not read


def test_a_new_kb_file_changes_the_key(knowledge):
    before = cache.source_key(knowledge)
    (knowledge / "more.yaml").write_text("intents: []\n", encoding="utf-8")
    assert cache.source_key(knowledge) != before


def test_the_code_version_is_part_of_the_key(monkeypatch):
    before = cache.source_key()
    monkeypatch.setattr(cache, "FORMAT", cache.FORMAT + b"next")
    assert cache.source_key() != before


# a start that loads the core reads no pattern's parse (bot/kb_heads.py) and answers as ever
_PARSING_NOTHING = """
import json
import sys
from bot import regex_heads
from bot.answer import Responder

def parse(pattern, flags=0):
    raise AssertionError(f"parsed {pattern!r}")

regex_heads.read_heads = parse
responder = Responder.load()
print(json.dumps([responder.respond(question).text for question in sys.argv[1:]]))
"""
# the scope rules, unstated attributes and slots (what is asked, a level) they are read for
_HEADED = ["giá vàng hôm nay", "học mấy năm?", "ai ký?", "có bao nhiêu thạc sĩ", "cấp xã bao nhiêu"]


def test_a_cached_core_carries_its_patterns_heads_so_a_start_parses_none(tmp_path, responder):
    directory = tmp_path / "hoi-dap"
    cache.load_core(directory=directory)
    loaded = cache.read(only_file(directory), cache.source_key())
    assert loaded is not None
    assert loaded.heads == kb_heads.heads_of(responder.kb)
    assert len(loaded.heads) > 100
    assert all(regex_heads.read_heads(*key) == found for key, found in loaded.heads.items())
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    run = subprocess.run(
        [sys.executable, "-c", _PARSING_NOTHING, *_HEADED],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == [responder.respond(q).text for q in _HEADED]


@pytest.mark.parametrize(
    "heads",
    [
        pytest.param({("\\bai\\b", 32): "ai"}, id="not heads"),
        pytest.param({"\\bai\\b": (frozenset({"ai"}), ("ai",))}, id="not a key"),
        pytest.param({("\\bai\\b", 32): (["ai"], None)}, id="words not a set"),
    ],
)
def test_a_core_saved_with_heads_of_another_shape_is_rebuilt(tmp_path, responder, heads):
    key = cache.source_key()
    path = tmp_path / f"core-{key[:32]}.bin"
    core = cache.Core.of(responder.kb, responder.matcher)
    assert cache.write(path, key, replace(core, heads=heads))
    assert cache.read(path, key) is None
    rebuilt = cache.load_core(directory=tmp_path)
    assert rebuilt.heads == core.heads
    assert cache.read(path, key) is not None  # saved whole again


def test_the_code_that_reads_heads_is_part_of_the_key(tmp_path, monkeypatch):
    package = Path(shutil.copytree(Path(cache.__file__).parent, tmp_path / "bot"))
    monkeypatch.setattr(cache, "__file__", str(package / "cache.py"))
    before = cache.source_key()
    reader = package / "regex_heads.py"
    reader.write_text(reader.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert cache.source_key() == before  # this process runs the code it read first …
    # … a process started after the change reads it anew (the memo of this process kept)
    assert code_version.code_digest.__wrapped__(package) != code_version.code_digest(package)


def test_code_edited_while_a_process_runs_never_labels_its_build(tmp_path):
    """A process that imported the old code and builds after a file of it changed keeps the
    old code's key: its build, saved under the new code's key, would be trusted by every later
    process (it once was: a field added to the KB's classes, every start then failed)."""
    shutil.copytree(Path(cache.__file__).parent, tmp_path / "bot")
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); from pathlib import Path; "
        "import bot.cache as c; assert c.__file__.startswith(sys.argv[1]), c.__file__; "
        "before = c.source_key(); "
        "f = Path(c.__file__).with_name('values.py'); f.write_text(f.read_text() + '# x\\n'); "
        "print(before == c.source_key())"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: data[:20], id="header cut"),
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: b"not a cache at all" * 100, id="garbage"),
        pytest.param(
            lambda data: data[:-100] + bytes(b ^ 0xFF for b in data[-100:]), id="tail inverted"
        ),
        pytest.param(
            lambda data: data[:5000] + bytes([data[5000] ^ 1]) + data[5001:], id="one bit flipped"
        ),
        pytest.param(lambda data: data.replace(b'"key": "', b'"key": "0', 1), id="another key"),
    ],
)
def test_a_damaged_cache_is_rebuilt_never_trusted(tmp_path, responder, damage):
    cache.load_core(directory=tmp_path)
    saved = only_file(tmp_path)
    saved.write_bytes(damage(saved.read_bytes()))
    assert cache.read(saved, cache.source_key()) is None

    rebuilt = cache.load_core(directory=tmp_path)
    assert replies(Responder(rebuilt.kb, rebuilt)) == replies(Responder(responder.kb))
    assert cache.read(only_file(tmp_path), cache.source_key()) is not None  # saved whole again


def test_an_unwritable_cache_directory_costs_only_the_saving(tmp_path):
    blocked = tmp_path / "a file, not a directory"
    blocked.write_text("")
    core = cache.load_core(directory=blocked)
    assert core.kb.intents


def test_responder_load_fills_the_user_cache_directory(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    Responder.load()
    assert cache.cache_dir().is_relative_to(tmp_path)
    assert len(list(cache.cache_dir().glob("core-*.bin"))) == 1


def test_two_processes_building_at_once_both_answer_and_leave_one_whole_file(tmp_path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    command = [sys.executable, "-m", "bot", "ask", "có bao nhiêu thạc sĩ", "dân số bao nhiêu"]
    runs = [
        subprocess.Popen(command, cwd=PROJECT_DIR, env=env, stdout=subprocess.PIPE)
        for _ in range(3)
    ]
    outputs = [run.communicate(timeout=60)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0]
    assert outputs[0] and outputs.count(outputs[0]) == 3
    directory = tmp_path / "hoi-dap"
    assert [p.name for p in directory.iterdir() if not p.name.startswith("core-")] == []
    assert not list(directory.glob("*.tmp"))
    assert cache.read(only_file(directory), cache.source_key()) is not None
