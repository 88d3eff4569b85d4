"""`finnews serve`: the checks, analyses, search and chat as a local web app, from one warm
process (market data, index, embedder and LLM opened once).

    from assistant.serve import create_app
    app = create_app(settings, offline=True)     # an ASGI app (FastAPI)

Modules: `app` (the factory), `api` (JSON routes), `pages` (HTML routes), `views` (what
the pages show), `highlight` (claims marked in the text), `ask` (streamed answers),
`security` (token, host, size limits, CSP), `state` (the warm resources), `workers` (the
processes that run checks).
"""

from __future__ import annotations

from assistant.serve.app import create_app

__all__ = ["create_app"]
