"""A fake Telegram Bot API server over real HTTP, for end-to-end tests of the bot.

It speaks the Bot API's wire format (`/bot<token>/<method>`, form or JSON parameters, `{"ok": …}`
answers) closely enough that python-telegram-bot cannot tell, and it is strict where Telegram is:
HTML that Telegram would refuse, over-long messages, bad button data and unknown chats all get
Telegram's 400s. Tests enqueue updates (users typing, tapping buttons, sending stickers) and await
what the bot sent back.

It also fails on demand, the ways a real network and API do: `fail()` answers the next calls of a
method with an error (429 with retry_after, 500, 502), a malformed body, or a late answer, before
or after carrying the call out; `go_down()` and `come_back()` stop and restart the server on the
same port (connections refused in between).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
import socket
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qsl

import uvicorn
from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

TOKEN = "123456789:AAFakeTokenForTests_only-0123456789"
BOT_USER = {
    "id": 123456789,
    "is_bot": True,
    "first_name": "Hỏi đáp",
    "username": "hoidap_test_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}

# Parameters the Bot API takes as JSON-serialized objects (python-telegram-bot form-encodes them).
_JSON_PARAMS = {
    "reply_markup",
    "reply_parameters",
    "commands",
    "allowed_updates",
    "link_preview_options",
    "entities",
    "scope",
}
_ALLOWED_TAGS = {
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler",
    "a", "code", "pre", "blockquote", "tg-emoji",
}  # fmt: skip
_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_TICK = 0.005  # seconds between looks at shared state while waiting


class BotApiError(Exception):
    def __init__(self, code: int, description: str) -> None:
        super().__init__(description)
        self.code = code
        self.description = description


@dataclass
class ApiCall:
    """One request the bot made: the method, its decoded parameters, and the HTTP status."""

    method: str
    params: dict[str, Any]
    status: int = 200
    fault: Fault | None = None  # how the fake misbehaved on this call, if it did
    at: float = field(default_factory=time.monotonic)  # when the request arrived
    error: str | None = None  # the description of an error answer

    @property
    def ok(self) -> bool:
        """Carried out and properly answered."""
        return self.status == 200 and (self.fault is None or self.fault.harmless)


@dataclass(frozen=True)
class Fault:
    """How the fake misbehaves on one call.

    By default an error answer instead of the call (nothing happens). `carry_out=True` does the
    call first, so only its answer goes wrong; `delay` comes before anything else. A `status`
    of 200 with no `body` is a slow but correct answer (the call is carried out after `delay`).
    """

    status: int = 500
    description: str = "Internal Server Error"
    retry_after: int | None = None  # sent as parameters.retry_after, as Telegram's 429s are
    body: str | None = None  # sent as is instead of a Bot API answer (e.g. malformed JSON)
    delay: float = 0.0
    carry_out: bool = False

    @property
    def harmless(self) -> bool:
        return self.status == 200 and self.body is None

    def response(self) -> Response:
        if self.body is not None:
            return Response(self.body, self.status, media_type="application/json")
        if self.retry_after is None:
            return _error(self.status, self.description)
        return _error(self.status, self.description, {"retry_after": self.retry_after})


@dataclass
class Sent:
    """A message the bot sent (or its latest edit), as a user would see it."""

    message: dict[str, Any]
    html: str
    reply_to: int | None = None

    @property
    def chat_id(self) -> int:
        return int(self.message["chat"]["id"])

    @property
    def message_id(self) -> int:
        return int(self.message["message_id"])

    @property
    def text(self) -> str:
        return str(self.message["text"])

    @property
    def buttons(self) -> list[tuple[str, str]]:
        """(label, callback_data) of every inline button, row by row."""
        markup = self.message.get("reply_markup") or {}
        return [
            (button["text"], button.get("callback_data", ""))
            for row in markup.get("inline_keyboard", [])
            for button in row
        ]


@dataclass
class Chat:
    id: int
    type: str = "private"
    title: str | None = None

    def as_json(self, user: dict[str, Any] | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "type": self.type}
        if self.type == "private" and user is not None:
            data["first_name"] = user["first_name"]
        if self.title:
            data["title"] = self.title
        return data


def make_user(user_id: int = 1001, first_name: str = "Lan") -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": "vi"}


@dataclass
class FakeBotApi:
    """The server. Use `async with FakeBotApi() as api:`; `api.base_url` goes to the bot."""

    token: str = TOKEN
    missing: set[str] = field(default_factory=set)  # methods answered like an unimplemented one
    calls: list[ApiCall] = field(default_factory=list)  # every request, refused ones too
    sent: list[Sent] = field(default_factory=list)
    webhook_url: str = ""
    webhook_secret: str | None = None
    port: int = 0  # 0: any free port
    # method -> what to run (once) when it is next called: before it is answered, or after
    before_answer: dict[str, Callable[[], Awaitable[None]]] = field(default_factory=dict)
    after_answer: dict[str, Callable[[], Awaitable[None]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._updates: list[dict[str, Any]] = []
        self._faults: dict[str, list[Fault]] = {}
        self._chat_faults: dict[int, Fault] = {}
        self._update_ids = itertools.count(10_000)
        self._message_ids = itertools.count(1)
        self._query_ids = itertools.count(7_000)
        self._chats: dict[int, Chat] = {}
        self._messages: dict[tuple[int, int], dict[str, Any]] = {}
        self._queries: set[str] = set()
        self._read: dict[int, int] = {}  # chat id -> how many of its messages reply_to returned
        self._closing = False
        self._server: uvicorn.Server | None = None
        self._task: asyncio.Task[None] | None = None

    # --- lifecycle ---------------------------------------------------------------------------

    async def __aenter__(self) -> FakeBotApi:
        await self._serve()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._shut_down()

    async def go_down(self) -> None:
        """Stop serving: from now on the bot's connections are refused, until come_back()."""
        await self._shut_down()

    async def come_back(self) -> None:
        """Serve again, on the same port, with everything the fake knew (queued updates too)."""
        await self._serve()

    async def _serve(self) -> None:
        # proto=IPPROTO_TCP, or asyncio skips TCP_NODELAY and every keep-alive call waits 40 ms
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # come_back() on the same port
        sock.bind(("127.0.0.1", self.port))
        self.port = sock.getsockname()[1]
        app = Starlette(
            routes=[Route("/bot{token}/{method}", self._endpoint, methods=["GET", "POST"])]
        )
        config = uvicorn.Config(app, log_config=None, access_log=False, lifespan="off")
        self._closing = False
        self._server = uvicorn.Server(config)
        self._task = asyncio.create_task(self._server.serve(sockets=[sock]))
        while not self._server.started:
            if self._task.done():
                await self._task
            await asyncio.sleep(0.01)

    async def _shut_down(self) -> None:
        self._closing = True  # releases long polls so the server can stop at once
        assert self._server is not None and self._task is not None
        self._server.should_exit = True
        # uvicorn notices should_exit on its next 0.1 s tick; shutting down directly saves that
        await self._server.shutdown()
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task

    @property
    def base_url(self) -> str:
        """python-telegram-bot's `base_url` form: the token is appended to it."""
        return f"http://127.0.0.1:{self.port}/bot"

    # --- failure injection -------------------------------------------------------------------

    def fail_next(
        self, method: str, code: int = 400, description: str = "Bad Request: test"
    ) -> None:
        """The next call of `method` gets this error instead of being carried out."""
        self.fail(method, status=code, description=description)

    def fail(self, method: str, times: int = 1, **fault: Any) -> Fault:
        """The next `times` calls of `method` misbehave as `Fault(**fault)` says."""
        made = Fault(**fault)
        self._faults.setdefault(method, []).extend([made] * times)
        return made

    def slow(self, method: str, seconds: float, times: int = 1) -> None:
        """The next `times` calls of `method` wait `seconds`, then are carried out as usual."""
        self.fail(method, times, status=200, delay=seconds, carry_out=True)

    def fail_chat(self, chat_id: int, **fault: Any) -> Fault:
        """Every sendMessage to `chat_id` misbehaves as `Fault(**fault)` says, until cleared
        (e.g. Telegram's 429 for one flooding chat while the others are served)."""
        made = Fault(**fault)
        self._chat_faults[chat_id] = made
        return made

    def clear_chat_faults(self, chat_id: int) -> None:
        self._chat_faults.pop(chat_id, None)

    def faults_left(self, method: str) -> int:
        return len(self._faults.get(method, []))

    def clear_faults(self, method: str) -> None:
        self._faults.pop(method, None)

    # --- updates: what users do ----------------------------------------------------------------

    def chat(self, chat_id: int, type: str = "private", title: str | None = None) -> Chat:
        chat = Chat(chat_id, type, title or (None if type == "private" else f"Chat {chat_id}"))
        self._chats[chat_id] = chat
        return chat

    def text(
        self,
        chat: Chat,
        text: str,
        *,
        user: dict[str, Any] | None = None,
        reply_to: Sent | dict[str, Any] | None = None,
        entities: bool = True,
        queue: bool = True,
    ) -> dict[str, Any]:
        """A user writes `text`; commands and @mentions get entities as Telegram adds them.

        `queue=False` only builds the message (to POST it to a webhook in an update).
        """
        extra: dict[str, Any] = {"text": text}
        if entities and (found := _entities(text)):
            extra["entities"] = found
        return self._user_message(chat, extra, user=user, reply_to=reply_to, queue=queue)

    def forwarded(
        self, chat: Chat, text: str, *, origin: dict[str, Any] | None = None, **kwargs: Any
    ) -> dict[str, Any]:
        """A user forwards someone else's text message (`origin`, a user) into `chat`."""
        extra: dict[str, Any] = {
            "text": text,
            "forward_origin": {
                "type": "user",
                "date": int(time.time()) - 3600,
                "sender_user": origin or make_user(4242, "Minh"),
            },
        }
        if found := _entities(text):
            extra["entities"] = found
        return self._user_message(chat, extra, **kwargs)

    def sticker(self, chat: Chat, **kwargs: Any) -> dict[str, Any]:
        sticker = {
            "file_id": "CAACAgIAAxkBAAIBsticker",
            "file_unique_id": "AgADsticker",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": "👍",
        }
        return self._user_message(chat, {"sticker": sticker}, **kwargs)

    def photo(self, chat: Chat, caption: str | None = None, **kwargs: Any) -> dict[str, Any]:
        size = {
            "file_id": "AgACAgIAAxkBphoto",
            "file_unique_id": "AQADphoto",
            "width": 90,
            "height": 90,
        }
        extra: dict[str, Any] = {"photo": [size]}
        if caption:
            extra["caption"] = caption
        return self._user_message(chat, extra, **kwargs)

    def voice(self, chat: Chat, **kwargs: Any) -> dict[str, Any]:
        voice = {"file_id": "AwACAgIAAxkBvoice", "file_unique_id": "AgADvoice", "duration": 2}
        return self._user_message(chat, {"voice": voice}, **kwargs)

    def location(self, chat: Chat, **kwargs: Any) -> dict[str, Any]:
        return self._user_message(
            chat, {"location": {"latitude": 21.3, "longitude": 103.2}}, **kwargs
        )

    def new_member(self, chat: Chat, member: dict[str, Any]) -> dict[str, Any]:
        return self._user_message(chat, {"new_chat_members": [member]})

    def edit(self, message: dict[str, Any], text: str) -> dict[str, Any]:
        """The user edits one of their messages."""
        edited = {**message, "text": text, "edit_date": int(time.time())}
        edited.pop("entities", None)
        if found := _entities(text):
            edited["entities"] = found
        self.push({"edited_message": edited})
        return edited

    def channel_post(self, chat: Chat, text: str) -> dict[str, Any]:
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat.as_json(),
            "sender_chat": chat.as_json(),
            "text": text,
        }
        if found := _entities(text):
            message["entities"] = found
        self.push({"channel_post": message})
        return message

    def tap(
        self,
        sent: Sent,
        data: str | None = None,
        *,
        user: dict[str, Any] | None = None,
        with_message: bool = True,
    ) -> str:
        """The user taps a button under `sent` (by default its first); `data` may be forged.

        `with_message=False` leaves the message out, as some Bot API emulators do.
        """
        if data is None:
            data = sent.buttons[0][1]
        query_id = str(next(self._query_ids))
        self._queries.add(query_id)
        chat = self._chats.get(sent.chat_id)
        query: dict[str, Any] = {
            "id": query_id,
            "from": user or make_user(sent.chat_id if chat and chat.type == "private" else 1001),
            "chat_instance": f"ci{sent.chat_id}",
            "data": data,
        }
        if with_message:
            query["message"] = sent.message
        self.push({"callback_query": query})
        return query_id

    def push(self, payload: dict[str, Any]) -> int:
        """Queue a raw update (update_id added) for getUpdates."""
        update = {"update_id": next(self._update_ids), **payload}
        self._updates.append(update)
        return int(update["update_id"])

    def make_update(self, payload: dict[str, Any]) -> dict[str, Any]:
        """A raw update that is not queued (for POSTing to a webhook)."""
        return {"update_id": next(self._update_ids), **payload}

    def _user_message(
        self,
        chat: Chat,
        extra: dict[str, Any],
        *,
        user: dict[str, Any] | None = None,
        reply_to: Sent | dict[str, Any] | None = None,
        queue: bool = True,
    ) -> dict[str, Any]:
        user = user or make_user(chat.id if chat.type == "private" else 1001)
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat.as_json(user),
            "from": user,
            **extra,
        }
        if reply_to is not None:
            message["reply_to_message"] = (
                reply_to.message if isinstance(reply_to, Sent) else reply_to
            )
        self._messages[(chat.id, message["message_id"])] = message
        if queue:
            self.push({"message": message})
        return message

    # --- waiting for the bot -------------------------------------------------------------------

    async def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[ApiCall]:
        """The first `count` successful calls of `method`; fails after `timeout` seconds."""
        return await self._wait(
            lambda: [c for c in self.calls if c.method == method and c.ok], count, timeout
        )

    async def replies(self, count: int = 1, timeout: float = 5.0) -> list[Sent]:
        """The first `count` messages the bot sent."""
        return await self._wait(lambda: list(self.sent), count, timeout)

    async def reply_to(self, chat: Chat, timeout: float = 5.0) -> Sent:
        """The next message the bot sent in `chat` that no earlier reply_to() returned."""
        index = self._read.get(chat.id, 0)
        found = await self._wait(
            lambda: [s for s in self.sent if s.chat_id == chat.id], index + 1, timeout
        )
        self._read[chat.id] = index + 1
        return found[index]

    async def until(self, condition: Any, timeout: float = 5.0) -> None:
        """Wait until `condition()` is true; fails after `timeout` seconds."""
        await self._wait(lambda: [True] if condition() else [], 1, timeout)

    async def _wait(self, select: Any, count: int, timeout: float) -> list[Any]:
        deadline = time.monotonic() + timeout
        while len(items := select()) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"expected {count}, got {len(items)}: {items!r}")
            await asyncio.sleep(_TICK)
        return items[:count]

    @property
    def pending(self) -> list[dict[str, Any]]:
        """Updates not yet confirmed by a getUpdates with a higher offset."""
        return list(self._updates)

    def methods(self, *, ok: bool = True) -> list[str]:
        """Methods called so far: those that succeeded, or (ok=False) those refused."""
        return [c.method for c in self.calls if c.ok == ok]

    # --- the HTTP side -------------------------------------------------------------------------

    async def _endpoint(self, request: Request) -> Response:
        if request.path_params["token"] != self.token:
            return _error(401, "Unauthorized")
        method = request.path_params["method"]
        params = await _params(request)
        faults = self._faults.get(method)
        fault = faults.pop(0) if faults else None
        if fault is None and method == "sendMessage" and self._chat_faults:
            with contextlib.suppress(TypeError, ValueError):
                fault = self._chat_faults.get(int(params.get("chat_id") or 0))
        call = ApiCall(method, params, fault=fault)
        self.calls.append(call)
        if (before := self.before_answer.pop(method, None)) is not None:
            await before()
        after = self.after_answer.pop(method, None)
        later = BackgroundTask(after) if after is not None else None
        handler = getattr(self, f"_api_{method}", None)
        try:
            if handler is None or method in self.missing:
                raise BotApiError(404, "Not Found: method not found")
            if fault is not None and fault.delay:
                await asyncio.sleep(fault.delay)
            if fault is not None and not (fault.carry_out or fault.harmless):
                call.status = fault.status
                return fault.response()
            result = await handler(params)
        except BotApiError as exc:
            call.status, call.error = exc.code, exc.description
            return _error(exc.code, exc.description)
        if fault is not None and not fault.harmless:
            call.status = fault.status
            return fault.response()
        return JSONResponse({"ok": True, "result": result}, background=later)

    async def _api_getMe(self, params: dict[str, Any]) -> Any:
        return BOT_USER

    async def _api_getUpdates(self, params: dict[str, Any]) -> Any:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        timeout = float(params.get("timeout") or 0)
        if self.webhook_url:
            raise BotApiError(409, "Conflict: can't use getUpdates method while webhook is active")
        if offset > 0:  # confirms every update before `offset`
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        deadline = time.monotonic() + timeout
        while not self._updates and not self._closing and time.monotonic() < deadline:
            await asyncio.sleep(_TICK)
        return self._updates[:limit] if offset >= 0 else self._updates[offset:]

    async def _api_sendMessage(self, params: dict[str, Any]) -> Any:
        chat = self._known_chat(params.get("chat_id"))
        html, text = _checked_text(params)
        markup = _checked_markup(params.get("reply_markup"))
        reply_to = (params.get("reply_parameters") or {}).get("message_id")
        if reply_to is None and params.get("reply_to_message_id"):
            reply_to = int(params["reply_to_message_id"])
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat.as_json(make_user(chat.id)),
            "from": {k: BOT_USER[k] for k in ("id", "is_bot", "first_name", "username")},
            "text": text,
        }
        if markup:
            message["reply_markup"] = markup
        self._messages[(chat.id, message["message_id"])] = message
        self.sent.append(Sent(message, html, reply_to))
        return message

    async def _api_editMessageText(self, params: dict[str, Any]) -> Any:
        chat = self._known_chat(params.get("chat_id"))
        key = (chat.id, int(params.get("message_id") or 0))
        old = self._messages.get(key)
        if old is None or old.get("from", {}).get("id") != BOT_USER["id"]:
            raise BotApiError(400, "Bad Request: message to edit not found")
        html, text = _checked_text(params)
        markup = _checked_markup(params.get("reply_markup"))
        if text == old["text"] and markup == old.get("reply_markup"):
            raise BotApiError(
                400,
                "Bad Request: message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup of the message",
            )
        message = {**old, "text": text, "edit_date": int(time.time())}
        message.pop("reply_markup", None)
        if markup:
            message["reply_markup"] = markup
        self._messages[key] = message
        for i, sent in enumerate(self.sent):
            if (sent.chat_id, sent.message_id) == key:
                self.sent[i] = Sent(message, html, sent.reply_to)
        return message

    async def _api_answerCallbackQuery(self, params: dict[str, Any]) -> Any:
        if params.get("callback_query_id") not in self._queries:
            raise BotApiError(
                400,
                "Bad Request: query is too old and response timeout expired or query ID is invalid",
            )
        if len(params.get("text") or "") > 200:
            raise BotApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        return True

    async def _api_setMyCommands(self, params: dict[str, Any]) -> Any:
        commands = params.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise BotApiError(400, "Bad Request: commands must be an array")
        for command in commands:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", command.get("command", "")):
                raise BotApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(command.get("description", "")) <= 256:
                raise BotApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        return True

    async def _api_setWebhook(self, params: dict[str, Any]) -> Any:
        url = params.get("url") or ""
        secret = params.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
            raise BotApiError(400, "Bad Request: secret token contains unallowed characters")
        if not url.startswith("https://"):  # as Telegram answers
            raise BotApiError(
                400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook"
            )
        self.webhook_url, self.webhook_secret = url, secret
        return True

    async def _api_deleteWebhook(self, params: dict[str, Any]) -> Any:
        self.webhook_url, self.webhook_secret = "", None
        return True

    async def _api_getWebhookInfo(self, params: dict[str, Any]) -> Any:
        return {
            "url": self.webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    def _known_chat(self, chat_id: Any) -> Chat:
        try:
            return self._chats[int(chat_id)]
        except (KeyError, TypeError, ValueError):
            raise BotApiError(400, "Bad Request: chat not found") from None


def _error(code: int, description: str, parameters: dict[str, Any] | None = None) -> JSONResponse:
    answer: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if parameters:
        answer["parameters"] = parameters
    return JSONResponse(answer, status_code=code)


async def _params(request: Request) -> dict[str, Any]:
    """Query string, form or JSON body, with JSON-serialized parameters decoded."""
    params: dict[str, Any] = dict(request.query_params)
    body = await request.body()
    content_type = request.headers.get("content-type", "")
    if body and "application/json" in content_type:
        params.update(json.loads(body))
    elif body and "multipart/form-data" in content_type:
        raise NotImplementedError("multipart uploads are not faked")
    elif body:
        params.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
    for name in _JSON_PARAMS & params.keys():
        if isinstance(params[name], str):
            params[name] = json.loads(params[name])
    return params


def _checked_text(params: dict[str, Any]) -> tuple[str, str]:
    """(html, visible text) of a message, refused the way Telegram refuses it."""
    raw = params.get("text")
    if not raw:
        raise BotApiError(400, "Bad Request: message text is empty")
    if params.get("parse_mode") == "HTML":
        text = _parse_html(raw)
    elif params.get("parse_mode"):
        raise BotApiError(
            400, f"Bad Request: unsupported parse_mode in this fake: {params['parse_mode']}"
        )
    else:
        text = raw
    if not text.strip():
        raise BotApiError(400, "Bad Request: message text is empty")
    if len(text.encode("utf-16-le")) // 2 > 4096:
        raise BotApiError(400, "Bad Request: message is too long")
    return raw, text


class _TelegramHtml(HTMLParser):
    """Telegram's HTML subset: a few tags, only &lt; &gt; &amp; &quot; and numeric references."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.text: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _ALLOWED_TAGS:
            raise BotApiError(
                400, f'Bad Request: can\'t parse entities: Unsupported start tag "{tag}"'
            )
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            raise BotApiError(400, f'Bad Request: can\'t parse entities: Unmatched end tag "{tag}"')

    def handle_data(self, data: str) -> None:
        for char in "<>&":
            if char in data:
                raise BotApiError(400, f"Bad Request: can't parse entities: unescaped '{char}'")
        self.text.append(data)

    def handle_entityref(self, name: str) -> None:
        if name not in _ENTITIES:
            raise BotApiError(
                400, f"Bad Request: can't parse entities: unsupported entity &{name};"
            )
        self.text.append(_ENTITIES[name])

    def handle_charref(self, name: str) -> None:
        code = int(name[1:], 16) if name[:1] in "xX" else int(name)
        self.text.append(chr(code))


def _parse_html(raw: str) -> str:
    parser = _TelegramHtml()
    parser.feed(raw)
    parser.close()
    if parser.open:
        raise BotApiError(
            400, f'Bad Request: can\'t parse entities: unclosed tag "{parser.open[-1]}"'
        )
    return "".join(parser.text)


def _checked_markup(markup: Any) -> dict[str, Any] | None:
    if markup is None:
        return None
    rows = markup.get("inline_keyboard") if isinstance(markup, dict) else None
    if not isinstance(rows, list):
        raise BotApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")
    for row in rows:
        for button in row:
            if not button.get("text"):
                raise BotApiError(
                    400, "Bad Request: text buttons are unallowed in the inline keyboard"
                )
            data = button.get("callback_data")
            if data is not None and not 1 <= len(data.encode("utf-8")) <= 64:
                raise BotApiError(400, "Bad Request: BUTTON_DATA_INVALID")
    return markup


def _entities(text: str) -> list[dict[str, Any]]:
    """The entities Telegram would attach: a leading /command and @mentions (UTF-16 offsets)."""
    found = []
    if match := re.match(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,64})?", text):
        found.append({"type": "bot_command", "offset": 0, "length": _units(match.group())})
    for match in re.finditer(r"(?<![\w@])@[A-Za-z0-9_]{3,64}", text):
        if match.start() == 0 and found:
            continue
        found.append(
            {
                "type": "mention",
                "offset": _units(text[: match.start()]),
                "length": _units(match.group()),
            }
        )
    return found


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
