"""hỏi đáp: answers questions about one Vietnamese news article, in Telegram and on the console."""
