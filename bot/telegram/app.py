"""Wiring: the Application with its handlers, run by long polling or behind the webhook server.

`run(mode)` is what `python -m bot telegram [--polling | --webhook]` calls.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from urllib.parse import urlsplit

from telegram import BotCommand
from telegram.error import InvalidToken, NetworkError
from telegram.ext import Application

from bot import startup
from bot.answer import Responder
from bot.config import (
    ConfigError,
    Mode,
    Settings,
    StoreSettings,
    ephemeral_platform,
    load_settings,
)
from bot.conversation import Conversations
from bot.logs import configure_logging, quiet_http_loggers
from bot.telegram.boot import Refused
from bot.telegram.delivery import SendRetries
from bot.telegram.fairness import ChatBudget, FairProcessor, Limits
from bot.telegram.handlers import register_handlers
from bot.telegram.opening import StoreOpening
from bot.telegram.polling import run_polling, stop_on_sigterm
from bot.telegram.send import best_effort
from bot.telegram.services import App, Services, get_services, provide
from bot.telegram.texts import TelegramTexts, TextsError, load_texts
from bot.telegram.transport import (
    CONCURRENT_UPDATES,
    TELEGRAM_API,
    UpdateCountingApplication,
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
    conversations = conversations or Conversations(responder, None, "telegram", shared=True)
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


def run(mode: Mode | None = None, *, take_over: bool = False) -> int:
    """Run the bot until stopped; the exit code. `mode` None: webhook if WEBHOOK_URL is set.

    Bad configuration, knowledge base, token, webhook or database: one line and exit 2.
    """
    try:
        settings = load_settings(mode=mode)
        texts = load_texts()
    except (ConfigError, TextsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    configure_logging(settings.log_level, settings.secrets)
    opening = None
    try:  # SIGTERM or SIGINT at any moment from here on: a clean exit 0
        stop_on_sigterm()
        store_settings = startup.store_settings()
        responder = startup.load_responder()
        opening = StoreOpening(store_settings)  # opened while the bot comes up (opening.py)
        _note_an_ephemeral_disk(store_settings)
        startup.collect_again()
        return _serve(settings, responder, texts, opening, take_over)
    except startup.StartupError as exc:
        return startup.refuse(exc)
    except KeyboardInterrupt:  # between two stages of start-up, or inside one without a loop
        return 0
    finally:
        if opening is not None and opening.store is not None:
            opening.store.close(timeout=3)


def _note_an_ephemeral_disk(store_settings: StoreSettings) -> None:
    platform = ephemeral_platform()
    if store_settings.database_url is None and platform:
        log.warning(
            "no DATABASE_URL: the log of unanswered questions and votes, and every "
            "conversation's context, are kept on this %s instance's disk, which is wiped when it "
            "restarts; add a PostgreSQL database to keep them (and to run several processes)",
            platform,
        )


def _serve(
    settings: Settings,
    responder: Responder,
    texts: TelegramTexts,
    opening: StoreOpening,
    take_over: bool,
) -> int:
    """Serve until stopped; start-up failures become one line (never a secret) and an exit code."""

    def say(line: str) -> None:
        for secret in settings.secrets:
            line = line.replace(secret, "[redacted]")
        print(line, file=sys.stderr)

    server = _server_name(settings)
    conversations = Conversations(responder, None, "telegram", shared=True)  # the store: later
    try:
        if settings.mode == "webhook":
            from bot.telegram.webhook import WebhookServer  # uvicorn loads in webhook mode only

            application = build_application(
                settings, responder, texts, with_updater=False, conversations=conversations
            )
            asyncio.run(WebhookServer(application, settings, opening=opening).run())
        else:
            application = build_application(settings, responder, texts, conversations=conversations)
            run_polling(application, take_over=take_over, opening=opening)
    except InvalidToken:
        say(
            f"error: the Bot API server {server} refused the token; check TELEGRAM_BOT_TOKEN "
            "(and TELEGRAM_API_BASE_URL)"
        )
        return 2
    except Refused as exc:
        say(exc.line)
        return 2
    except NetworkError as exc:
        say(f"error: cannot reach the Bot API server {server}: {exc}")
        return 1
    except SystemExit as exc:  # uvicorn exits this way when it cannot bind the port
        if exc.code:
            say(f"error: the webhook server could not start on port {settings.port} (PORT)")
            return 1
    except KeyboardInterrupt:
        pass
    except Exception as exc:  # e.g. a server whose answers python-telegram-bot cannot read
        log.critical("the bot stopped: %r", exc, exc_info=exc)
        say(f"error: the bot stopped: {exc!r}")
        return 1
    return 0


def _server_name(settings: Settings) -> str:
    """Scheme, host and port only: never the credentials a URL may carry."""
    parts = urlsplit(settings.base_url or TELEGRAM_API)
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.hostname}{port}"
