"""hỏi đáp: answers questions about one Vietnamese news article, in Telegram and on the console."""

# the code the cached core is keyed by, read before any of it is imported (bot/code_version.py)
import bot.code_version  # noqa: F401
