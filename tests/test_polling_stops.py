"""How polling stops, as PTB's own API asks it to: `Application.stop_running()` ends the bot at
any stage, as SIGTERM does (tests/test_startup.py sends the signal to the real process)."""

from __future__ import annotations

from conftest import StartBot
from fake_bot_api import FakeBotApi

QUESTION = "có bao nhiêu thạc sĩ"


async def test_application_stop_running_stops_polling_like_sigterm(
    api: FakeBotApi, start_bot: StartBot
) -> None:
    """PTB's own way to stop (`Application.stop_running()`, from a handler or the loop) ends the
    bot as SIGTERM does: polling, then the handlers, then the connections."""
    bot = await start_bot()
    chat = api.chat(11)
    api.text(chat, QUESTION)
    assert "28" in (await api.reply_to(chat, timeout=10)).text
    bot.on_its_loop(bot.application.stop_running)
    await bot.stopped_by_itself()
    assert not bot.application.running
