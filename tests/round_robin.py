"""A small round-robin HTTP proxy, as a platform's router puts several web processes behind one URL.

Each request goes to the next backend in turn; a backend that refuses the connection (stopped,
restarting) is skipped, as a router skips an instance that is down. Used by the scale-out test
and the benchmark (`python -m bench`).
"""

from __future__ import annotations

import asyncio
import itertools
import socket

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

FORWARDED = ("content-type", "x-telegram-bot-api-secret-token")


class RoundRobinProxy:
    """`async with RoundRobinProxy([port1, port2]) as proxy:` then POST to `proxy.url`."""

    def __init__(self, backends: list[int]) -> None:
        self.backends = backends
        self.routed: list[int] = []  # the backend port each request was answered by
        self._turn = itertools.count()
        self._client = httpx.AsyncClient(timeout=60)
        self._server: uvicorn.Server | None = None
        self._task: asyncio.Task[None] | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def _forward(self, request: Request) -> Response:
        body = await request.body()
        headers = {k: v for k, v in request.headers.items() if k.lower() in FORWARDED}
        first = next(self._turn)
        for i in range(len(self.backends)):
            port = self.backends[(first + i) % len(self.backends)]
            try:
                answer = await self._client.request(
                    request.method,
                    f"http://127.0.0.1:{port}{request.url.path}",
                    content=body,
                    headers=headers,
                )
            except httpx.ConnectError:
                continue  # that instance is down: the next one
            except httpx.TransportError:
                return Response(status_code=502)  # it took the request and died: no answer
            self.routed.append(port)
            return Response(answer.content, status_code=answer.status_code)
        return Response(status_code=502)

    async def __aenter__(self) -> RoundRobinProxy:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        app = Starlette(routes=[Route("/{path:path}", self._forward, methods=["GET", "POST"])])
        config = uvicorn.Config(app, log_config=None, access_log=False, lifespan="off")
        self._server = uvicorn.Server(config)
        self._task = asyncio.create_task(self._server.serve(sockets=[sock]))
        while not self._server.started:
            if self._task.done():
                await self._task
            await asyncio.sleep(0.01)
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._server is not None and self._task is not None
        self._server.should_exit = True
        await self._task
        await self._client.aclose()
