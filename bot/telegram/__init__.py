"""The Telegram front end: a python-telegram-bot Application around the core's Responder.

Run it with `python -m bot telegram [--polling | --webhook]` (or `python -m bot` with
TELEGRAM_BOT_TOKEN set). Long polling by default; webhook mode when WEBHOOK_URL is set.

Private chats: every message gets exactly one reply. Groups: the bot speaks when mentioned,
replied to, or asked with /ask; commands for other bots are left alone. Suggested questions are
inline buttons whose callback data carries an intent id (`q:<id>`) or a topic id (`t:<id>`).
Replies are retried when a failure proves they were not sent, and never sent twice (delivery.py);
polling rides out a failing Bot API server, and SIGTERM finishes what is in hand.

Modules, in the order data flows: texts (the bot's words) → render, keyboards → addressing →
tracking, send → answering → handlers → delivery, compat, transport → webhook → app (wiring, `run`).
"""

import sys

# httpx (under python-telegram-bot) imports its command-line client whenever click is installed,
# as uvicorn makes it: click and pygments, ~1.5 MB resident and ~10 ms, for a `main` the bot never
# calls. A None in sys.modules makes that import fail, and httpx then defines a stub instead.
if "httpx" not in sys.modules:
    sys.modules.setdefault("httpx._main", None)
