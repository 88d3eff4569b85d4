"""`finnews serve`: the local web app (pages and a JSON API) from one warm process."""

from __future__ import annotations

import click

from assistant.cli import cli
from assistant.cli.common import is_offline, lang_option, offline_option, settings, use_language
from assistant.errors import ConfigError

TOKEN_VARIABLE = "FINNEWS_SERVE_TOKEN"
MIN_TOKEN = 16


def serve_token(host: str, token: str | None) -> str | None:
    """The token the app requires: none on this machine only; elsewhere one is needed."""
    from assistant.serve.security import is_local

    if is_local(host):
        return token or None
    if not token:
        raise ConfigError(
            f"--host {host} lets other machines reach the app; set {TOKEN_VARIABLE} to a "
            f"secret of at least {MIN_TOKEN} characters first (every request must carry it), "
            "or keep the default --host 127.0.0.1"
        )
    if len(token) < MIN_TOKEN:
        raise ConfigError(f"{TOKEN_VARIABLE} is too short; use at least {MIN_TOKEN} characters")
    return token


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port).")  # fmt: skip
@lang_option
@offline_option
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, lang: str | None, offline: bool) -> int:
    """The web app: news list and search, article analyses with every claim marked, a
    check page, and a chat, with a JSON API under /api/ (schema: /api/openapi.json).

    Listens on 127.0.0.1 unless --host says otherwise; any other address needs
    FINNEWS_SERVE_TOKEN, which every request must then carry. The pages are written in
    --lang (else FINNEWS_LANG).
    """
    import uvicorn

    from assistant.i18n import _, current
    from assistant.serve import create_app

    use_language(ctx, lang)
    s = settings().model_copy(update={"lang": current().code})
    token = serve_token(host, s.serve_token.get_secret_value() if s.serve_token else None)
    app = create_app(s, offline=is_offline(ctx, offline), token=token, warm_up=True)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    click.echo(_("finnews serve: {url} (Ctrl-C stops it)").format(url=url), err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
    return 0
