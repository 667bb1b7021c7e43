"""Telegram through python-telegram-bot: sending, updates by webhook or polling, deep links."""
