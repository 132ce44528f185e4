"""Settings from the environment: every problem named, secrets never echoed."""

from __future__ import annotations

import pytest

from bot.config import ConfigError, Settings, load_settings

TOKEN = "123456:ABC-def_ghi"


def test_a_token_alone_means_polling_with_defaults() -> None:
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN})
    assert settings == Settings(token=TOKEN, mode="polling", port=8080, log_level="INFO")
    assert TOKEN not in repr(settings)


def test_webhook_url_switches_to_webhook_mode() -> None:
    env = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "WEBHOOK_URL": "https://app.example.com/tg-hook",
        "WEBHOOK_SECRET": "s3cret_-X",
        "PORT": "10000",
        "LOG_LEVEL": "debug",
    }
    settings = load_settings(env)
    assert (settings.mode, settings.webhook_path, settings.port) == ("webhook", "/tg-hook", 10000)
    assert settings.log_level == "DEBUG"
    assert "s3cret" not in repr(settings)
    assert load_settings(env, mode="polling").webhook_url is None  # --polling wins


def test_the_read_timeout_is_read_in_seconds() -> None:
    assert load_settings({"TELEGRAM_BOT_TOKEN": TOKEN}).read_timeout == 5.0
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_READ_TIMEOUT": "30"})
    assert settings.read_timeout == 30.0


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("http://127.0.0.1:8081/bot", "http://127.0.0.1:8081/bot"),
        ("http://127.0.0.1:8081/bot/", "http://127.0.0.1:8081/bot"),
        ("http://127.0.0.1:8081", "http://127.0.0.1:8081/bot"),
        ("https://api.example.com/custom/bot", "https://api.example.com/custom/bot"),
        ("http://h:1/bot{token}/x", "http://h:1/bot{token}/x"),
    ],
)
def test_api_base_url_is_brought_to_ptb_form(given: str, expected: str) -> None:
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": given})
    assert settings.base_url == expected


def test_all_problems_are_reported_at_once_without_secrets() -> None:
    env = {
        "WEBHOOK_URL": f"https://x.example.com/{TOKEN}",
        "WEBHOOK_SECRET": "no spaces allowed",
        "PORT": "0",
        "LOG_LEVEL": "chatty",
    }
    with pytest.raises(ConfigError) as caught:
        load_settings(env, mode="webhook")
    problems = caught.value.problems
    assert [p.split()[0] for p in problems] == [
        "TELEGRAM_BOT_TOKEN", "PORT", "LOG_LEVEL",
    ]  # fmt: skip
    assert "no spaces allowed" not in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("env", "needle"),
    [
        ({"WEBHOOK_URL": "https://x.example.com/h"}, "WEBHOOK_SECRET is required"),
        ({"WEBHOOK_SECRET": "abc"}, "WEBHOOK_URL is required"),
        ({"WEBHOOK_URL": "ftp://x/h", "WEBHOOK_SECRET": "abc"}, "WEBHOOK_URL must be"),
        ({"WEBHOOK_URL": "https://x/healthz", "WEBHOOK_SECRET": "abc"}, "/healthz"),
        ({"WEBHOOK_URL": f"https://x/{TOKEN}", "WEBHOOK_SECRET": "abc"}, "must not contain"),
    ],
)
def test_webhook_mode_needs_a_url_and_a_valid_secret(env: dict[str, str], needle: str) -> None:
    with pytest.raises(ConfigError, match=needle):
        load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, **env}, mode="webhook")


@pytest.mark.parametrize("token", ["", "   ", "12 34:abc", "123/abc", "123:abc?x"])
def test_malformed_tokens_are_refused_without_being_echoed(token: str) -> None:
    with pytest.raises(ConfigError, match="TELEGRAM_BOT_TOKEN") as caught:
        load_settings({"TELEGRAM_BOT_TOKEN": token})
    assert token.strip() == "" or token not in str(caught.value)
