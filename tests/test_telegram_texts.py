"""knowledge/telegram.yaml: loaded once, checked field by field, errors with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.telegram.texts import DEFAULT_PATH, TextsError, load_texts


def test_the_shipped_texts_load() -> None:
    texts = load_texts()
    assert "{title}" in texts.about
    assert dict(texts.commands).keys() >= {"start", "help", "about", "topics", "ask"}


def _variant(tmp_path: Path, old: str, new: str) -> Path:
    source = DEFAULT_PATH.read_text(encoding="utf-8")
    assert old in source
    path = tmp_path / "telegram.yaml"
    path.write_text(source.replace(old, new, 1), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(needle))


def test_an_unknown_field_names_file_line_and_allowed_fields(tmp_path: Path) -> None:
    path = _variant(tmp_path, "Tác giả: {author}", "Tác giả: {writer}")
    with pytest.raises(TextsError) as caught:
        load_texts(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{_line_of(path, 'about:')}: about: unknown field {{writer}}")
    assert "{author}" in message


@pytest.mark.parametrize(
    ("old", "new", "needle"),
    [
        ('non_text: "', 'non_textt: "', "non_textt: unknown text"),
        ('apology: "Xin lỗi', 'apology: ""\n#', "apology: missing or empty"),
        ("  ask: Hỏi", "  Ask!: Hỏi", "commands: 'Ask!'"),
        ('topics_intro: "Chọn', 'topics_intro: "{ Chọn', "topics_intro: bad {field} syntax"),
        ("greeting: |-", "greeting: [", "not valid YAML"),
    ],
)
def test_broken_texts_are_refused(tmp_path: Path, old: str, new: str, needle: str) -> None:
    with pytest.raises(TextsError, match=str(tmp_path)) as caught:
        load_texts(_variant(tmp_path, old, new))
    assert needle in str(caught.value)
