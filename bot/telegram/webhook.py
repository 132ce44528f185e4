"""Webhook mode: a small Starlette app under uvicorn feeding updates to the PTB Application.

python-telegram-bot's own `run_webhook` serves a single route, so this follows its custom-webhook
example instead (Application without Updater, updates put on `application.update_queue`) and adds
what a PaaS needs: `GET /healthz`, binding 0.0.0.0:$PORT, a secret checked on every POST, and a
clean stop on SIGTERM/SIGINT. It cannot be flooded: the body limit holds while the body streams
in (chunked or not), headers and bodies must arrive within a few seconds, connections are
capped, and refused requests are counted and logged at most once a minute.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import signal
from collections.abc import Iterator
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application
from uvicorn.protocols.http.h11_impl import H11Protocol

from bot.config import HEALTH_PATH, Settings
from bot.logs import EveryMinute
from bot.telegram.transport import initialize

log = logging.getLogger("bot.webhook")

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY = 1_000_000  # Telegram updates are a few kilobytes; anything this big is not one
HEADER_TIMEOUT = 10.0  # seconds from connecting to the end of the request's headers
BODY_TIMEOUT = 10.0  # seconds to receive the whole body
MAX_CONNECTIONS = 256  # Telegram opens at most 100 (setWebhook max_connections, default 40)


class _Refused(Exception):
    def __init__(self, status: int) -> None:
        self.status = status


App = Application[Any, Any, Any, Any, Any, Any]


def create_webhook_app(application: App, settings: Settings) -> Starlette:
    """POST <path of WEBHOOK_URL> for Telegram, GET /healthz for the platform."""
    if not settings.webhook_secret:
        raise ValueError("webhook mode needs a secret token")
    expected = settings.webhook_secret.encode()
    refused = EveryMinute(log, "webhook: refused %d request(s) in the last minute (latest: %s)")

    def refuse(status: int, why: str) -> Response:
        refused.add(why)
        # unread body: the connection is closed after the answer rather than drained
        return Response(status_code=status, headers={"Connection": "close"})

    async def receive_update(request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, expected):
            return refuse(403, "403, without the right secret token")
        try:
            body = await _read_body(request)
        except _Refused as exc:
            return refuse(exc.status, f"{exc.status}, body too large or too slow")
        try:
            data = json.loads(body)
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            update = Update.de_json(data, application.bot)
        except Exception as exc:
            return refuse(400, f"400, a body that is not an Update ({type(exc).__name__})")
        await application.update_queue.put(update)
        return Response(status_code=200)

    async def healthz(request: Request) -> Response:
        running = application.running
        return JSONResponse({"ok": running}, status_code=200 if running else 503)

    return Starlette(
        routes=[
            Route(settings.webhook_path, receive_update, methods=["POST"]),
            Route(HEALTH_PATH, healthz, methods=["GET"]),
        ]
    )


async def _read_body(request: Request) -> bytes:
    """The body, read as it streams in: at most MAX_BODY bytes (chunked or not, whatever
    Content-Length claims) within BODY_TIMEOUT; else _Refused (413 or 408)."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY):
        raise _Refused(413)
    body = bytearray()
    try:
        async with asyncio.timeout(BODY_TIMEOUT):
            async for chunk in request.stream():
                body += chunk
                if len(body) > MAX_BODY:
                    raise _Refused(413)
    except TimeoutError:
        raise _Refused(408) from None
    return bytes(body)


class _HeaderTimeoutProtocol(H11Protocol):
    """uvicorn's h11 protocol, closing a connection whose first request's headers have not
    arrived HEADER_TIMEOUT seconds after it opened (uvicorn has no such limit of its own)."""

    def connection_made(self, transport: Any) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._header_timer = self.loop.call_later(HEADER_TIMEOUT, self._headers_too_slow)

    def _headers_too_slow(self) -> None:
        if self.cycle is None and not self.transport.is_closing():
            self.transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self._header_timer.cancel()
        super().connection_lost(exc)


class _ServerWithoutSignalHandlers(uvicorn.Server):
    """uvicorn without its own signal handling: WebhookServer stops the bot first, then exits 0.

    (uvicorn's handlers re-raise SIGTERM after shutdown, which would kill the process by signal.)
    """

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


class WebhookServer:
    """Runs the Application behind the webhook app until stop() or SIGTERM/SIGINT."""

    def __init__(self, application: App, settings: Settings, *, host: str = "0.0.0.0") -> None:
        self.application = application
        self.settings = settings
        config = uvicorn.Config(
            create_webhook_app(application, settings),
            host=host,
            port=settings.port,
            log_config=None,  # our logging set-up, including the redaction of secrets
            access_log=False,  # one line per update comes from the handlers instead
            lifespan="off",
            server_header=False,
            timeout_graceful_shutdown=5,
            http=_HeaderTimeoutProtocol,
            limit_concurrency=MAX_CONNECTIONS,
        )
        self._server = _ServerWithoutSignalHandlers(config)

    @property
    def port(self) -> int:
        """The bound port (useful when PORT is 0, in tests)."""
        for server in self._server.servers:
            for sock in server.sockets:
                return int(sock.getsockname()[1])
        return self.settings.port

    def stop(self) -> None:
        """Ask the server to finish; safe to call from a signal handler or another thread."""
        self._server.should_exit = True

    async def run(self, *, handle_signals: bool = True) -> None:
        loop = asyncio.get_running_loop()
        signals = (signal.SIGINT, signal.SIGTERM) if handle_signals else ()
        for sig in signals:
            loop.add_signal_handler(sig, self.stop)
        try:
            await initialize(self.application)
            async with self.application:
                if self.application.post_init is not None:
                    await self.application.post_init(self.application)
                await self.application.start()
                register = asyncio.create_task(self._register_when_listening())
                try:
                    await self._server.serve()
                finally:
                    register.cancel()
                    await self.application.stop()
        finally:
            for sig in signals:
                loop.remove_signal_handler(sig)
        log.info("webhook server stopped")

    async def _register_when_listening(self) -> None:
        """Register the webhook only once we can take the first POST Telegram sends."""
        while not self._server.started:
            await asyncio.sleep(0.02)
        log.info(
            "listening on %s:%s, POST %s, GET %s",
            self._server.config.host,
            self.port,
            self.settings.webhook_path,
            HEALTH_PATH,
        )
        try:
            await self.application.bot.set_webhook(
                url=self.settings.webhook_url or "",
                secret_token=self.settings.webhook_secret,
                drop_pending_updates=False,
            )
        except TelegramError as exc:
            log.error(
                "setWebhook failed (%s): no updates will arrive until the webhook is registered",
                exc,
            )
        else:
            log.info("webhook registered: %s", self.settings.webhook_url)
