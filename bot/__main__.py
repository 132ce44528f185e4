"""hỏi đáp — ask about the article «Điện Biên Đông chú trọng đào tạo, bồi dưỡng cán bộ».

python -m bot                  console (or Telegram when TELEGRAM_BOT_TOKEN is set)
python -m bot console          the interactive console
python -m bot ask [--json] Q…  answer questions given as arguments, else one per stdin line
python -m bot kb check         validate the knowledge base (file:line per problem)
python -m bot eval             accuracy on the eval set; non-zero exit under the thresholds
python -m bot telegram         the Telegram bot (--polling or --webhook)
"""

from __future__ import annotations

import argparse
import os
import sys

from bot.paths import PROJECT_DIR


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("console", help="interactive console (the default without a Telegram token)")
    ask = sub.add_parser("ask", help="answer questions from arguments or stdin, one line each")
    ask.add_argument("--json", action="store_true", help="one JSON object per question")
    ask.add_argument(
        "--conversation",
        metavar="ID",
        help="keep context across calls under this id (follow-ups; uses the store)",
    )
    ask.add_argument("questions", nargs="*", metavar="QUESTION")
    kb = sub.add_parser("kb", help="knowledge base tools")
    kb.add_argument("action", choices=["check"])
    ev = sub.add_parser("eval", help="evaluate on the labelled question sets")
    ev.add_argument(
        "--set",
        dest="sets",
        action="append",
        metavar="FILE",
        help="question set YAML (default: tests/eval/questions.yaml)",
    )
    ev.add_argument("--sweep", action="store_true", help="print accuracy over threshold choices")
    ev.add_argument("--quiet", action="store_true", help="only the summary")
    report = sub.add_parser("report", help="unanswered questions and down-voted answers")
    report.add_argument(
        "--days", type=_positive, default=30, help="how far back, at most 36500 (default 30)"
    )
    report.add_argument("--limit", type=_positive, default=30, help="groups shown (default 30)")
    report.add_argument("--csv", action="store_true", help="CSV of the groups on stdout")
    sub.add_parser("telegram", help="run the Telegram bot", add_help=False)
    return parser


def _text(argument: str) -> str:
    """An argument as text: bytes that were not UTF-8 become U+FFFD, as on stdin."""
    return argument.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _ask_options_first(words: list[str]) -> list[str]:
    """`ask`'s own options, then "--" and every question, so "-5 người" stays a question."""
    options, questions = [], []
    rest = iter(words)
    for word in rest:
        if word == "--":
            questions.extend(rest)
        elif word == "--json" or word in ("-h", "--help"):
            options.append(word)
        elif word == "--conversation" or word.startswith("--conversation="):
            options.append(word)
            if word == "--conversation":
                options.append(next(rest, ""))
        else:
            questions.append(word)
    return [*options, "--", *questions]


def _positive(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {raw!r}") from None
    if not 1 <= value <= 36_500:
        raise argparse.ArgumentTypeError("must be from 1 to 36500")
    return value


def _open_store():
    """The store named by DATABASE_URL (default: a SQLite file), or None with one clear line."""
    from bot.store import Store

    try:
        return Store.open()
    except Exception as error:  # a bad DATABASE_URL or HOIDAP_RETENTION_DAYS
        print(f"hỏi đáp: cannot open the store ({error}); running without it.", file=sys.stderr)
        return None


def _load_responder():
    from bot.answer import Responder
    from bot.kb import KnowledgeError

    try:
        return Responder.load()
    except KnowledgeError as error:
        for problem in error.problems:
            print(problem.format(PROJECT_DIR), file=sys.stderr)
        print(
            f"hỏi đáp: the knowledge base is invalid ({len(error.problems)} problem(s)); "
            "refusing to start. Run `python -m bot kb check`.",
            file=sys.stderr,
        )
        return None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "telegram":
        from bot.telegram_app import main as telegram_main

        return telegram_main(argv[1:])
    if argv and argv[0] == "ask":
        argv = ["ask", *_ask_options_first(argv[1:])]
    args = _parser().parse_args(argv)
    command = args.command
    if command is None:
        command = "telegram" if os.environ.get("TELEGRAM_BOT_TOKEN") else "console"
        if command == "telegram":
            from bot.telegram_app import main as telegram_main

            return telegram_main([])
    if command == "kb":
        from bot.kb.check import run_check

        return run_check()
    if command == "report":
        from bot.report import run_report

        return run_report(args.days, args.csv, args.limit)
    if command == "eval":
        from bot.evaluate import run_eval

        return run_eval(args.sets, sweep=args.sweep, quiet=args.quiet)
    responder = _load_responder()
    if responder is None:
        return 1
    from bot.conversation import Conversations

    if command == "ask":
        from bot.console import ask, read_lines

        questions = [_text(q) for q in args.questions] or read_lines(sys.stdin)
        if not args.conversation:
            ask(responder, questions, sys.stdout, as_json=args.json)
            return 0
        store = _open_store()
        chats = Conversations(responder, store, "ask", persist_context=True)
        chat = f"ask:{args.conversation}"
        try:
            chats.restore(chat)
        except Exception as error:  # the store is down: answer without the context
            print(f"hỏi đáp: no context for this conversation ({error})", file=sys.stderr)
        try:
            ask(responder, questions, sys.stdout, as_json=args.json, conversation=(chats, chat))
        finally:
            if store is not None:
                store.close(timeout=5)
        return 0
    from bot.console import run_console

    store = _open_store()
    try:
        return run_console(responder, Conversations(responder, store, "console"))
    finally:
        if store is not None:
            store.close(timeout=2)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:
        sys.exit(0)
