"""The finnews exception tree.

    FinnewsError
    ├── ConfigError              bad or missing settings (names the setting to fix)
    ├── BadInputError            unreadable or unsupported input from the user
    ├── MarketDataUnavailable    no bars / series for the asked ticker and window
    ├── ProviderError            an outside service failed (retryable flag)
    ├── ModelOutputError         an LLM answered something we cannot use
    ├── IndexMismatchError       the news index was built with another embedder
    ├── IndexDamagedError        the news index's files are damaged (names file and fix)
    └── HomeBusyError            another finnews command kept the data directory too long

Only the CLI turns these into messages and exit codes.
"""

from __future__ import annotations


class FinnewsError(Exception):
    """Root of every error finnews raises on purpose."""

    exit_code = 2
    language: str | None = None  # the code of the command's `--lang`, set by the CLI


class ConfigError(FinnewsError):
    """A setting is missing or invalid."""


class BadInputError(FinnewsError):
    """The user's input cannot be read or makes no sense."""


class MarketDataUnavailable(FinnewsError):
    """No market data can settle the question; becomes an `unverifiable` verdict."""

    exit_code = 3


class ProviderError(FinnewsError):
    """An outside service (Yahoo, an LLM server, Chroma) failed."""

    exit_code = 3

    def __init__(self, message: str, *, retryable: bool = False) -> None:
        super().__init__(message)
        self.retryable = retryable


class ModelOutputError(FinnewsError):
    """An LLM returned output that does not fit the expected structure."""

    exit_code = 3


class IndexMismatchError(FinnewsError):
    """The index was built with another embedding model or dimension."""


class IndexDamagedError(FinnewsError):
    """The news index's files are damaged; the message names the file and the fix."""

    exit_code = 3


class HomeBusyError(FinnewsError):
    """Another finnews command kept writing to the data directory past the wait limit."""

    exit_code = 3
