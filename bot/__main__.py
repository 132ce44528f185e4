"""hỏi đáp — ask about the article «Điện Biên Đông chú trọng đào tạo, bồi dưỡng cán bộ».

python -m bot                  console (or Telegram when TELEGRAM_BOT_TOKEN is set)
python -m bot console          the interactive console
python -m bot ask [--json] Q…  answer questions given as arguments, else one per stdin line
python -m bot ask --chats      many conversations on stdin, {"chat": ID, "q": Q} per line
python -m bot kb check         validate the knowledge base (file:line per problem)
python -m bot eval             accuracy on the eval set; non-zero exit under the thresholds
python -m bot report           unanswered questions and down-voted answers, for the maintainer
python -m bot telegram         the Telegram bot (--polling or --webhook)

A user's mistake (an unknown option, a missing file, a bad setting) is one line on stderr and
exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from typing import Any, NoReturn

# The bot does no linear algebra: without this, importing numpy starts an OpenBLAS thread per
# core, a third of the CPU time of a cold start (a wake on a free dyno). Set before numpy loads.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from bot.startup import StartupError, hold_collection, refuse


class UsageError(Exception):
    """A command line argparse refused, already phrased as one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line instead of argparse's usage block
        usage = " ".join(self.format_usage().split()).removeprefix("usage: ")
        raise UsageError(f"error: {message} (usage: {usage})")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m bot", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("console", help="interactive console (the default without a Telegram token)")
    ask = sub.add_parser("ask", help="answer questions from arguments or stdin, one line each")
    ask.add_argument("--json", action="store_true", help="one JSON object per question")
    ask.add_argument(
        "--conversation",
        metavar="ID",
        help="keep context across calls under this id (follow-ups; uses the store)",
    )
    ask.add_argument(
        "--chats",
        action="store_true",
        help='many conversations: each stdin line {"chat": ID, "q": QUESTION}, JSON out',
    )
    ask.add_argument("questions", nargs="*", metavar="QUESTION")
    kb = sub.add_parser("kb", help="knowledge base tools")
    kb.add_argument("action", choices=["check"])
    evaluate = sub.add_parser("eval", help="evaluate on the labelled question sets")
    evaluate.add_argument(
        "--set",
        dest="sets",
        action="append",
        metavar="FILE",
        help="question set YAML (default: eval/questions.yaml)",
    )
    evaluate.add_argument("--sweep", action="store_true", help="accuracy over threshold choices")
    evaluate.add_argument("--quiet", action="store_true", help="only the summary")
    evaluate.add_argument(
        "--replies",
        metavar="FILE",
        help="also write each standalone question's reply to FILE, one JSON line each",
    )
    report = sub.add_parser("report", help="unanswered questions and down-voted answers")
    report.add_argument(
        "--days", type=_positive, default=30, help="how far back, at most 36500 (default 30)"
    )
    report.add_argument("--limit", type=_positive, default=30, help="groups shown (default 30)")
    report.add_argument("--csv", action="store_true", help="CSV of the groups on stdout")
    telegram = sub.add_parser(
        "telegram", help="run the Telegram bot (long polling unless WEBHOOK_URL is set)"
    )
    mode = telegram.add_mutually_exclusive_group()
    mode.add_argument(
        "--polling",
        dest="mode",
        action="store_const",
        const="polling",
        help="long polling (no public URL needed)",
    )
    mode.add_argument(
        "--webhook",
        dest="mode",
        action="store_const",
        const="webhook",
        help="serve WEBHOOK_URL's path on 0.0.0.0:$PORT and register the webhook",
    )
    telegram.add_argument(
        "--take-over",
        action="store_true",
        help="poll even if a webhook is registered (it is deleted; without this flag: exit 2)",
    )
    return parser


def _positive(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {raw!r}") from None
    if not 1 <= value <= 36_500:
        raise argparse.ArgumentTypeError("must be from 1 to 36500")
    return value


_OPTION = re.compile(r"--[A-Za-z]")  # "-5 người" and "-x" are questions; "--jsn" is a typo


def _ask_options_first(words: list[str]) -> list[str]:
    """`ask`'s own options, then "--" and every question, so "-5 người" stays a question."""
    options, questions = [], []
    rest = iter(words)
    for word in rest:
        if word == "--":
            questions.extend(rest)
        elif word in ("--json", "--chats", "-h", "--help"):
            options.append(word)
        elif word == "--conversation" or word.startswith("--conversation="):
            options.append(word)
            if word == "--conversation":
                options.append(next(rest, ""))
        elif _OPTION.match(word):
            raise UsageError(
                f"error: ask has no option {word.split('=', 1)[0]} (options: --json,"
                " --conversation ID, --chats; a question that starts with -- goes after a lone --)"
            )
        else:
            questions.append(word)
    return [*options, "--", *questions]


def _text(argument: str) -> str:
    """An argument as text: bytes that were not UTF-8 become U+FFFD, as on stdin."""
    return argument.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def parse(argv: list[str]) -> argparse.Namespace:
    if argv[:1] == ["ask"]:
        argv = ["ask", *_ask_options_first(argv[1:])]
    return _parser().parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    try:
        args = parse(list(sys.argv[1:] if argv is None else argv))
        return _run(args)
    except UsageError as error:
        print(error, file=sys.stderr)
        return 2
    except StartupError as error:
        return refuse(error)


def _run(args: Any) -> int:
    from bot.config import telegram_token_set

    command = args.command or ("telegram" if telegram_token_set() else "console")
    if command == "telegram":
        hold_collection()  # until it is ready to serve (bot/telegram/app.py)
        from bot.telegram.app import run

        return run(getattr(args, "mode", None), take_over=getattr(args, "take_over", False))
    if command == "kb":
        from bot.kb.check import run_check

        return run_check()
    from bot.startup import tool_logging

    tool_logging()
    if command == "report":
        from bot.report import run_report

        return run_report(args.days, args.csv, args.limit)
    hold_collection()  # until the core is loaded: the console, `ask` and `eval` collect again
    if command == "eval":
        from bot.evaluate import run_eval

        return run_eval(args.sets, sweep=args.sweep, quiet=args.quiet, replies=args.replies)
    if command == "ask":
        from bot.console import run_ask

        questions = [_text(q) for q in args.questions]
        if args.chats and (questions or args.conversation):
            raise UsageError(
                "error: --chats reads its chats and questions from stdin, one JSON object per"
                ' line ({"chat": "ID", "q": "QUESTION"}): no QUESTION or --conversation with it'
            )
        if not questions and sys.stdin.isatty():  # nothing to read: say so instead of waiting
            raise UsageError(
                "error: no question given (usage: python -m bot ask [--json] QUESTION…, "
                "or one question per line on stdin: echo 'câu hỏi' | python -m bot ask)"
            )
        return run_ask(
            questions, as_json=args.json, conversation_id=args.conversation, chats=args.chats
        )
    from bot.console import run_console

    return run_console()


def _exit_code_stands() -> None:
    """Let the exit code be the one returned, after a KeyboardInterrupt that was handled.

    SIGTERM during start-up is a KeyboardInterrupt (bot/telegram/app.py), and it may land in
    code exec() compiled from a string (a dataclass made by a lazy import). CPython 3.12 then
    marks the interpreter, and `python -m` exits by SIGINT whatever the code returned, even
    though run() caught it. Each string exec() clears that mark first: this one clears it.
    """
    exec("None")


if __name__ == "__main__":
    try:
        code = main()
    except BrokenPipeError:
        code = 0
    _exit_code_stands()
    sys.exit(code)
