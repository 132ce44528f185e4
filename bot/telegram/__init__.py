"""The Telegram front end (python -m bot telegram): texts, delivery, Bot API repairs, webhook."""
