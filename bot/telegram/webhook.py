"""Webhook mode: a small Starlette app under uvicorn feeding updates to the PTB Application.

python-telegram-bot's own `run_webhook` serves a single route, so this follows its custom-webhook
example instead (Application without Updater, updates put on `application.update_queue`) and adds
what a PaaS needs: `GET /healthz`, binding 0.0.0.0:$PORT, a secret checked on every POST, and a
clean stop on SIGTERM/SIGINT.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
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

from bot.config import HEALTH_PATH, Settings
from bot.telegram.transport import initialize

log = logging.getLogger("bot.webhook")

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY = 1_000_000  # Telegram updates are a few kilobytes; anything this big is not one

App = Application[Any, Any, Any, Any, Any, Any]


def create_webhook_app(application: App, settings: Settings) -> Starlette:
    """POST <path of WEBHOOK_URL> for Telegram, GET /healthz for the platform."""
    if not settings.webhook_secret:
        raise ValueError("webhook mode needs a secret token")
    expected = settings.webhook_secret.encode()

    async def receive_update(request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, expected):
            client = request.client.host if request.client else "?"
            log.warning("webhook: refused a POST from %s without the right secret token", client)
            return Response(status_code=403)
        if int(request.headers.get("content-length") or 0) > MAX_BODY:
            return Response(status_code=413)
        try:
            data = await request.json()
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            update = Update.de_json(data, application.bot)
        except Exception as exc:
            log.warning("webhook: ignored a body that is not an Update (%s)", exc)
            return Response(status_code=400)
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
