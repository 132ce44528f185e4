"""Webhook mode: a small Starlette app under uvicorn handing updates to the PTB Application.

python-telegram-bot's own `run_webhook` serves a single route, so this follows its custom-webhook
example instead (Application without Updater) and adds what a PaaS needs: 0.0.0.0:$PORT bound
before anything else, `GET /healthz` (503 until updates can arrive), a secret checked on every
POST, each update claimed and acknowledged only once handled (gate.py), and SIGTERM/SIGINT
honoured at every moment, start-up included.
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
from telegram.ext import Application

from bot.config import HEALTH_PATH, Settings
from bot.telegram.boot import register_webhook
from bot.telegram.gate import UpdateGate
from bot.telegram.transport import initialize

log = logging.getLogger("bot.webhook")

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY = 1_000_000  # Telegram updates are a few kilobytes; anything this big is not one

STOP_GRACE = 20.0  # seconds the updates in hand get to finish on SIGTERM (Heroku allows 30)

App = Application[Any, Any, Any, Any, Any, Any]


def create_webhook_app(server: WebhookServer) -> Starlette:
    """POST <path of WEBHOOK_URL> for Telegram, GET /healthz for the platform."""
    settings, application = server.settings, server.application
    if not settings.secret_token:
        raise ValueError("webhook mode needs a secret token")
    expected = settings.secret_token.encode()

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
        if not server.ready:  # starting or stopping: Telegram delivers it again later
            return Response(status_code=503, headers={"Retry-After": "1"})
        return Response(status_code=await server.gate.handle(update))

    async def healthz(request: Request) -> Response:
        ready = server.ready and application.running
        return JSONResponse({"ok": ready}, status_code=200 if ready else 503)

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
    """Runs the Application behind the webhook app until stop() or SIGTERM/SIGINT.

    The port is bound first; then, while /healthz says 503, the store is checked, getMe and
    setWebhook are called (each retried for a while); only then is /healthz 200. A refusal on
    the way (token, webhook URL, database) ends `run` with that error.
    """

    def __init__(
        self,
        application: App,
        settings: Settings,
        *,
        host: str = "0.0.0.0",
        store: Any = None,
    ) -> None:
        self.application = application
        self.settings = settings
        self.store = store
        self.ready = False
        self.gate = UpdateGate(application, store)
        config = uvicorn.Config(
            create_webhook_app(self),
            host=host,
            port=settings.port,
            log_config=None,  # our logging set-up, including the redaction of secrets
            access_log=False,  # one line per update comes from the handlers instead
            lifespan="off",
            server_header=False,
            timeout_graceful_shutdown=STOP_GRACE,
        )
        self._server = _ServerWithoutSignalHandlers(config)
        self._boot: asyncio.Task[None] | None = None
        self._initialized = False
        self._loop: asyncio.AbstractEventLoop | None = None

    @property
    def port(self) -> int:
        """The bound port (useful when PORT is 0, in tests)."""
        for server in self._server.servers:
            for sock in server.sockets:
                return int(sock.getsockname()[1])
        return self.settings.port

    def stop(self) -> None:
        """Ask the server to finish; safe to call from a signal handler or another thread."""
        self.ready = False
        self._server.should_exit = True
        if self._loop is not None and self._boot is not None:
            self._loop.call_soon_threadsafe(self._boot.cancel)

    async def run(self, *, handle_signals: bool = True) -> None:
        loop = self._loop = asyncio.get_running_loop()
        signals = (signal.SIGINT, signal.SIGTERM) if handle_signals else ()
        for sig in signals:
            loop.add_signal_handler(sig, self.stop)
        serve = asyncio.create_task(self._server.serve())
        try:
            while not self._server.started:  # bound (or failed to bind: serve raises SystemExit)
                if serve.done():
                    await serve
                    return  # stopped before it listened
                await asyncio.sleep(0.01)
            log.info(
                "listening on %s:%s, POST %s, GET %s",
                self._server.config.host,
                self.port,
                self.settings.webhook_path,
                HEALTH_PATH,
            )
            self._boot = asyncio.create_task(self._start_bot())
            if self._server.should_exit:
                self._boot.cancel()
            await asyncio.wait({serve, self._boot}, return_when=asyncio.FIRST_COMPLETED)
            if self._boot.done() and not self._boot.cancelled() and self._boot.exception():
                self.stop()
                await serve
                await self._boot  # raises why the bot could not start
            await serve
        finally:
            self.ready = False
            self._server.should_exit = True
            if self._boot is not None and not self._boot.done():
                self._boot.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await self._boot
            await self.gate.drain(STOP_GRACE)
            await self._stop_bot()
            for sig in signals:
                loop.remove_signal_handler(sig)
                signal.signal(sig, signal.default_int_handler)  # a clean stop until the exit
        log.info("webhook server stopped")

    async def _start_bot(self) -> None:
        if self.store is not None:
            await self.store.check()
        await initialize(self.application)
        self._initialized = True
        if self.application.post_init is not None:
            await self.application.post_init(self.application)
        await self.application.start()
        await register_webhook(self.application.bot, self.settings)
        self.ready = True
        log.info("webhook registered: %s", self.settings.webhook_url)

    async def _stop_bot(self) -> None:
        if self.application.running:
            await self.application.stop()
        if self._initialized:
            await self.application.shutdown()
