"""Webhook mode: a small Starlette app under uvicorn handing updates to the PTB Application.

python-telegram-bot's own `run_webhook` serves a single route, so this follows its custom-webhook
example instead (Application without Updater) and adds what a PaaS needs: 0.0.0.0:$PORT bound
before anything else, `GET /healthz` (503 until updates can arrive), a secret checked on every
POST, each update claimed and acknowledged only once handled (gate.py), and SIGTERM/SIGINT
honoured at every moment, start-up included. It cannot be flooded: the body limit holds while
the body streams in (chunked or not), headers and bodies must arrive within a few seconds,
connections are capped, and refused requests are counted and logged at most once a minute.
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
from telegram.ext import Application
from uvicorn.protocols.http.h11_impl import H11Protocol

from bot.config import HEALTH_PATH, Settings
from bot.logs import EveryMinute
from bot.telegram.boot import register_webhook
from bot.telegram.gate import UpdateGate
from bot.telegram.opening import StoreOpening
from bot.telegram.polling import terminated
from bot.telegram.services import use_store
from bot.telegram.transport import initialize

log = logging.getLogger("bot.webhook")

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY = 1_000_000  # Telegram updates are a few kilobytes; anything this big is not one
HEADER_TIMEOUT = 10.0  # seconds from connecting to the end of the request's headers
BODY_TIMEOUT = 10.0  # seconds to receive the whole body
MAX_CONNECTIONS = 256  # Telegram opens at most 100 (setWebhook max_connections, default 40)


STOP_GRACE = 20.0  # seconds the updates in hand get to finish on SIGTERM (Heroku allows 30)


class _Refused(Exception):
    def __init__(self, status: int) -> None:
        self.status = status


App = Application[Any, Any, Any, Any, Any, Any]


def create_webhook_app(server: WebhookServer) -> Starlette:
    """POST <path of WEBHOOK_URL> for Telegram, GET /healthz for the platform."""
    settings, application = server.settings, server.application
    if not settings.secret_token:
        raise ValueError("webhook mode needs a secret token")
    expected = settings.secret_token.encode()
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
        opening: StoreOpening | None = None,
    ) -> None:
        self.application = application
        self.settings = settings
        self.store = store
        self.opening = opening
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
            http=_HeaderTimeoutProtocol,
            limit_concurrency=MAX_CONNECTIONS,
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
        if signals and terminated():  # a SIGTERM whose KeyboardInterrupt was swallowed before
            self.stop()
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
        # the store opens meanwhile (opening.py); the webhook is registered once it is checked
        opened = asyncio.ensure_future(self.opening.ready()) if self.opening else None
        try:
            await initialize(self.application)
            self._initialized = True
            if self.application.post_init is not None:
                await self.application.post_init(self.application)
            await self.application.start()
            if opened is not None:
                self.store = self.gate.claims = await opened
                use_store(self.application, self.store)
        finally:
            if opened is not None and not opened.cancel() and not opened.cancelled():
                opened.exception()  # (done: a failure after another one is retrieved, not raised)
            if self.opening is not None:
                await self.opening.stop()
        await register_webhook(self.application.bot, self.settings)
        self.ready = True
        log.info("webhook registered: %s", self.settings.webhook_url)

    async def _stop_bot(self) -> None:
        if self.application.running:
            await self.application.stop()
        if self._initialized:
            await self.application.shutdown()
