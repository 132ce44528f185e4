"""The regex engine's code of the KB's patterns, saved with the built core (bot/regex_code.py):
it makes exactly the patterns `re.compile` makes, and a start that loads it compiles none."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import replace

import numpy as np
import pytest

from bot import cache, regex_code
from bot.paths import PROJECT_DIR


@pytest.fixture
def saved_core(tmp_path):
    """(the core as built, as read back from the file it was saved to)."""
    built = cache.load_core(directory=tmp_path)
    (path,) = tmp_path.glob("core-*.bin")
    loaded = cache.read(path, cache.source_key())
    assert loaded is not None
    return built, loaded


def test_the_saved_code_makes_the_pattern_re_compile_makes(saved_core):
    built, loaded = saved_core
    assert loaded.regexes.entries == built.regexes.entries
    assert np.array_equal(loaded.regexes.code, built.regexes.code)
    # every pattern of the KB, and the slots' alternatives tried alone
    assert set(regex_code.patterns_in(built.kb)) <= set(loaded.regexes.entries)
    assert len(loaded.regexes.entries) > 300
    regex_code.learn(loaded.regexes)
    try:
        for pattern, flags in loaded.regexes.entries:
            made = regex_code.compiled(pattern, flags)
            assert made is not re.compile(pattern, flags)  # made, not taken from re's cache
            assert made == re.compile(pattern, flags)  # the same code, flags and text
            assert made.groupindex == re.compile(pattern, flags).groupindex
    finally:
        regex_code.learn(regex_code.Saved())


def test_code_the_engine_refuses_is_compiled_instead():
    pattern = r"\b(?P<who>ai|người nào)\b"
    good = regex_code.saved_code([(pattern, re.U)])
    final, start, end, groups, numbers, names = good.entries[pattern, re.U]
    broken = regex_code.Saved(
        {(pattern, re.U): (final, start, end, groups, numbers, names)},
        np.full(len(good.code), 2**31, np.uint32),  # no opcode
    )
    regex_code.learn(broken)
    try:
        assert regex_code.compiled(pattern, re.U) == re.compile(pattern, re.U)
        assert regex_code.compiled(pattern, re.U).search("là ai").group("who") == "ai"
    finally:
        regex_code.learn(regex_code.Saved())


@pytest.mark.parametrize(
    "entries",
    [
        pytest.param({("\\bai\\b", 32): (32, 0, 10**9, 0, (), (None,))}, id="beyond the code"),
        pytest.param({"\\bai\\b": (32, 0, 0, 0, (), (None,))}, id="not a key"),
        pytest.param({("\\bai\\b", 32): (32, 0, 0, 0)}, id="not an entry"),
    ],
)
def test_a_core_saved_with_code_of_another_shape_is_rebuilt(tmp_path, responder, entries):
    key = cache.source_key()
    path = tmp_path / f"core-{key[:32]}.bin"
    core = cache.Core.of(responder.kb, responder.matcher)
    assert cache.write(path, key, replace(core, regexes=replace(core.regexes, entries=entries)))
    assert cache.read(path, key) is None
    assert cache.load_core(directory=tmp_path).regexes.entries == core.regexes.entries


_COMPILING_NOTHING = """
import json
import sys
from bot import regex_code
from bot.answer import Responder

class NoCompiler:
    Pattern = regex_code.re.Pattern
    error = regex_code.re.error

    @staticmethod
    def compile(pattern, flags=0):
        raise AssertionError(f"compiled {pattern!r}")

regex_code.re = NoCompiler
responder = Responder.load()
print(json.dumps([responder.respond(question).text for question in sys.argv[1:]]))
"""
_ASKED = ["giá vàng hôm nay", "học mấy năm?", "ai ký?", "có bao nhiêu thạc sĩ", "cấp xã bao nhiêu"]


def test_a_start_that_loads_the_core_compiles_none_of_its_patterns(tmp_path, responder):
    cache.load_core(directory=tmp_path / "hoi-dap")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    run = subprocess.run(
        [sys.executable, "-c", _COMPILING_NOTHING, *_ASKED],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == [responder.respond(q).text for q in _ASKED]
