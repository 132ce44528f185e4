"""A kept parse is the reader's own parse: same data, same lines; any change reads the YAML."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bot.kb.saved_parse import read_saved
from bot.kb.source import LocatedDict, read
from bot.paths import PROJECT_DIR
from bot.telegram.texts import DEFAULT_PATH


def _same(a: object, b: object) -> bool:
    """Equal, and located alike all the way down (key_lines, item_lines)."""
    if type(a) is not type(b) or a != b:
        return False
    for attribute in ("line", "key_lines", "item_lines"):
        if getattr(a, attribute, None) != getattr(b, attribute, None):
            return False
    if isinstance(a, dict):
        return all(_same(a[k], b[k]) for k in a)  # type: ignore[index]
    if isinstance(a, list):
        return all(_same(x, y) for x, y in zip(a, b, strict=True))  # type: ignore[call-overload]
    return True


def test_a_kept_parse_is_the_readers_parse(tmp_path: Path) -> None:
    first = read_saved(DEFAULT_PATH, tmp_path)
    assert len(list(tmp_path.glob("parse-*.pickle"))) == 1
    again = read_saved(DEFAULT_PATH, tmp_path)
    assert again.path == DEFAULT_PATH and not again.problems
    assert isinstance(again.data, LocatedDict)
    assert _same(again.data, read(DEFAULT_PATH).data) and _same(first.data, again.data)


def test_an_edited_file_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "texts.yaml"
    path.write_text("a: 1\nb: [x, y]\n", encoding="utf-8")
    assert read_saved(path, tmp_path / "cache").data == {"a": 1, "b": ["x", "y"]}
    path.write_text("a: 2\n\nb: [z]\n", encoding="utf-8")
    data = read_saved(path, tmp_path / "cache").data
    assert data == {"a": 2, "b": ["z"]} and data.line_of("b") == 3


def test_a_file_with_problems_is_never_kept(tmp_path: Path) -> None:
    path = tmp_path / "texts.yaml"
    path.write_text("a: [\n", encoding="utf-8")
    assert "not valid YAML" in read_saved(path, tmp_path / "cache").problems[0].message
    assert not (tmp_path / "cache").exists()


def test_a_damaged_kept_parse_is_read_again(tmp_path: Path) -> None:
    read_saved(DEFAULT_PATH, tmp_path)
    for kept in tmp_path.glob("parse-*.pickle"):
        kept.write_bytes(b"not a pickle")
    assert _same(read_saved(DEFAULT_PATH, tmp_path).data, read(DEFAULT_PATH).data)


def test_texts_read_from_a_kept_parse_load_no_yaml_parser(tmp_path: Path) -> None:
    code = (
        "import sys; from bot.telegram.texts import load_texts; load_texts(); "
        "print('yaml' in sys.modules)"
    )
    env = {"XDG_CACHE_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], cwd=PROJECT_DIR, env=env, capture_output=True, text=True
        )
        for _ in range(2)
    ]
    assert [r.stdout.strip() for r in runs] == ["True", "False"], runs[-1].stderr
