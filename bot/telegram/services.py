"""What every handler needs besides the update, kept in the Application's bot_data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from telegram.ext import Application, ContextTypes

from bot.answer import Responder
from bot.conversation import Conversations
from bot.telegram.texts import TelegramTexts

Context = ContextTypes.DEFAULT_TYPE
App = Application[Any, Any, Any, Any, Any, Any]

_KEY: Final = "hoi_dap.services"


@dataclass(frozen=True, slots=True)
class Services:
    """The core, the conversations (context, feedback) and the bot's texts."""

    responder: Responder
    texts: TelegramTexts
    conversations: Conversations


def provide(application: App, services: Services) -> None:
    application.bot_data[_KEY] = services


def get_services(owner: Context | App) -> Services:
    """The Services of a handler's context or of the Application itself."""
    services = owner.bot_data[_KEY]
    assert isinstance(services, Services)
    return services
