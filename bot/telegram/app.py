"""Wiring: the Application with its handlers, run by long polling or behind the webhook server.

`run(mode)` is what `python -m bot telegram [--polling | --webhook]` calls.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from typing import Any
from urllib.parse import urlsplit

from telegram import BotCommand
from telegram.error import InvalidToken, NetworkError
from telegram.ext import Application

from bot import startup
from bot.answer import Responder
from bot.config import ConfigError, Mode, Settings, StoreSettings, load_settings
from bot.conversation import Conversations
from bot.logs import configure_logging, quiet_http_loggers
from bot.telegram.delivery import SendRetries
from bot.telegram.fairness import ChatBudget, FairProcessor, Limits
from bot.telegram.handlers import register_handlers
from bot.telegram.send import best_effort
from bot.telegram.services import App, Services, get_services, provide
from bot.telegram.texts import TelegramTexts, TextsError, load_texts
from bot.telegram.transport import (
    CONCURRENT_UPDATES,
    TELEGRAM_API,
    UpdateCountingApplication,
    initialize,
    make_bot,
)

log = logging.getLogger("bot.telegram")


async def post_init(application: App) -> None:
    """Start-up calls that are nice to have: the command menu."""
    texts = get_services(application).texts
    commands = [BotCommand(name, description) for name, description in texts.commands]
    await best_effort(application.bot.set_my_commands(commands), "setMyCommands")
    log.info("bot @%s ready", application.bot.username)


def build_application(
    settings: Settings,
    responder: Responder,
    texts: TelegramTexts | None = None,
    *,
    with_updater: bool = True,
    conversations: Conversations | None = None,
) -> App:
    """The Application, ready for run_polling (or, with_updater=False, for the webhook server)."""
    quiet_http_loggers()
    retries = SendRetries()
    bot = make_bot(settings, retries)
    # Handlers are independent and the core is pure: let a slow sendMessage not hold up others,
    # and one chat's flood or 429s not hold up other chats (fairness.py).
    processor = FairProcessor(CONCURRENT_UPDATES, settings.chat_backlog, lambda _: bot.handled())
    builder = (
        Application.builder()
        .application_class(UpdateCountingApplication)
        .bot(bot)
        .post_init(post_init)
        .concurrent_updates(processor)
    )
    if not with_updater:
        builder = builder.updater(None)
    application = builder.build()
    retries.stopping = lambda: not application.running  # in-flight retries get STOP_GRACE
    conversations = conversations or Conversations(responder, None, "telegram")
    limits = Limits(
        settings.chat_per_minute,
        settings.group_per_minute,
        settings.chat_burst,
        settings.chat_backlog,
    )
    services = Services(responder, texts or load_texts(), conversations, ChatBudget(limits))
    provide(application, services)
    register_handlers(application)
    return application


def run_polling(
    application: App,
    *,
    handle_signals: bool = True,
    loop: asyncio.AbstractEventLoop | None = None,
) -> None:
    """Long polling until SIGINT/SIGTERM; PTB's own loop stops cleanly and runs post_init.

    `loop` lets a caller on another thread (the tests) keep a handle to stop it.
    """
    loop = loop or asyncio.new_event_loop()
    asyncio.set_event_loop(loop)  # run_polling picks up the current loop
    try:
        loop.run_until_complete(initialize(application))
    except BaseException:
        loop.close()
        raise
    kwargs: dict[str, Any] = {} if handle_signals else {"stop_signals": None}
    application.run_polling(drop_pending_updates=False, **kwargs)


def run(mode: Mode | None = None) -> int:
    """Run the bot until stopped; the exit code. `mode` None: webhook if WEBHOOK_URL is set.

    Bad configuration or knowledge base: one line and exit 2, never a traceback.
    """
    try:
        settings = load_settings(mode=mode)
        texts = load_texts()
    except (ConfigError, TextsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    configure_logging(settings.log_level, settings.secrets)
    try:
        store_settings = startup.store_settings()
        responder = startup.load_responder()
    except startup.StartupError as exc:
        return startup.refuse(exc)
    return _serve(settings, responder, texts, store_settings)


def _serve(
    settings: Settings, responder: Responder, texts: TelegramTexts, store_settings: StoreSettings
) -> int:
    """Serve until stopped; start-up failures become one line and an exit code."""
    server = _server_name(settings)
    store = startup.open_store(store_settings)
    conversations = Conversations(responder, store, "telegram")
    try:
        if settings.mode == "webhook":
            from bot.telegram.webhook import WebhookServer  # uvicorn loads in webhook mode only

            application = build_application(
                settings, responder, texts, with_updater=False, conversations=conversations
            )
            asyncio.run(WebhookServer(application, settings).run())
        else:
            application = build_application(settings, responder, texts, conversations=conversations)
            run_polling(application)
    except InvalidToken as exc:
        print(
            f"error: the Bot API server {server} refused the token ({exc}); "
            "check TELEGRAM_BOT_TOKEN and TELEGRAM_API_BASE_URL",
            file=sys.stderr,
        )
        return 2
    except NetworkError as exc:
        print(f"error: cannot reach the Bot API server {server}: {exc}", file=sys.stderr)
        return 1
    except SystemExit as exc:  # uvicorn exits this way when it cannot bind the port
        if exc.code:
            print(
                f"error: the webhook server could not start on port {settings.port}",
                file=sys.stderr,
            )
            return 1
    except KeyboardInterrupt:
        pass
    except Exception as exc:  # e.g. a server whose answers python-telegram-bot cannot read
        log.critical("the bot stopped: %r", exc, exc_info=exc)
        print(f"error: the bot stopped: {exc!r}", file=sys.stderr)
        return 1
    finally:
        if store is not None:
            store.close(timeout=3)
    return 0


def _server_name(settings: Settings) -> str:
    parts = urlsplit(settings.base_url or TELEGRAM_API)
    return f"{parts.scheme}://{parts.netloc}"
