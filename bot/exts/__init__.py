"""Discord extensions: one feature per module, each a thin layer over ``KnowledgeBase``.

Conventions: extensions import ``bot.app`` for type checking only, so at run time the imports
go one way, from the app to the extensions (it loads them by name). Commands, buttons and forms
take a ``discord.Interaction[NewsdeskBot]``, so ``interaction.client`` is the bot. discord.py
types the button and form callbacks for any client, and mypy reads the narrower type as a broken
override: hence their ``type: ignore[override]``.
"""
