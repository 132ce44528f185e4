"""What every handler needs besides the update, kept in the Application's bot_data."""

from __future__ import annotations

from dataclasses import field, replace
from typing import Any, Final

from telegram.ext import Application, ContextTypes

from bot.answer import Responder
from bot.conversation import Conversations
from bot.telegram.fairness import ChatBudget
from bot.telegram.texts import TelegramTexts
from bot.values import value_class

Context = ContextTypes.DEFAULT_TYPE
App = Application[Any, Any, Any, Any, Any, Any]

_KEY: Final = "hoi_dap.services"


@value_class
class Services:
    """The core, the conversations (context, feedback), the bot's texts, the chats' budgets."""

    responder: Responder
    texts: TelegramTexts
    conversations: Conversations
    budget: ChatBudget = field(default_factory=ChatBudget)


def provide(application: App, services: Services) -> None:
    application.bot_data[_KEY] = services


def get_services(owner: Context | App) -> Services:
    """The Services of a handler's context or of the Application itself."""
    services = owner.bot_data[_KEY]
    assert isinstance(services, Services)
    return services


def use_store(application: App, store: Any) -> None:
    """The conversations over `store`, once it is open and checked (opening.py)."""
    services = get_services(application)
    conversations = Conversations(services.responder, store, "telegram", shared=True)
    provide(application, replace(services, conversations=conversations))
