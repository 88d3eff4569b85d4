"""Streaming with the number check in front: text is shown sentence by sentence, and only
after every number in the sentence traced to a source the sentence cites.

A number that traces to a passage where the claim check disputes it is marked with the
verdict: `⚠7.6%[contradicted]`."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from assistant.chat.models import FlaggedNumber
from assistant.numbers import FLAG, AllowedNumber, Policy, check_numbers, matches, sentence_spans

Sink = Callable[[str], None]
Disputed = Callable[[], Mapping[str, Sequence[AllowedNumber]]]


def mark(text: str, spans: Sequence[tuple[tuple[int, int], str]]) -> str:
    """Mark each (span, verdict) of `text`: '7.6%' -> '⚠7.6%[contradicted]'."""
    for (start, end), verdict in sorted(spans, reverse=True):
        text = f"{text[:start]}{FLAG}{text[start:end]}[{verdict}]{text[end:]}"
    return text


class CheckedStream:
    """Feed text pieces; complete sentences are checked, flagged or removed, then emitted."""

    def __init__(
        self,
        sources: Callable[[], dict[str, str]],
        sink: Sink | None,
        policy: Policy = "flag",
        disputed: Disputed | None = None,
    ) -> None:
        self.sources = sources
        self.sink = sink
        self.policy = policy
        self.disputed = disputed
        self.flagged: list[FlaggedNumber] = []
        self._buffer = ""
        self._shown: list[str] = []

    @property
    def text(self) -> str:
        return "".join(self._shown)

    def feed(self, piece: str) -> None:
        self._buffer += piece
        self._flush(final=False)

    def close(self) -> None:
        self._flush(final=True)

    def _flush(self, *, final: bool) -> None:
        if not self._buffer:
            return
        if final:
            cut = len(self._buffer)
        else:
            spans = sentence_spans(self._buffer)
            # the last sentence may still grow; a trailing "[D1]" may still be arriving
            complete = spans[:-1]
            if complete and self._buffer[spans[-1][0]] == "[":
                complete = complete[:-1]
            if not complete:
                return
            cut = spans[len(complete)][0]
        done, self._buffer = self._buffer[:cut], self._buffer[cut:]
        done = self._mark_disputed(done)
        result = check_numbers(done, sources=self.sources(), require_citation=True)
        spans = sentence_spans(done)
        for item in result.untraced:
            s, e = next(
                (sp for sp in spans if sp[0] <= item.mention.span[0] < sp[1]), item.mention.span
            )
            self.flagged.append(
                FlaggedNumber(text=item.mention.raw, sentence=done[s:e], reason=item.reason)
            )
        shown = result.apply(self.policy)
        if done and not done.strip():
            shown = done
        self._shown.append(shown)
        if self.sink and shown:
            self.sink(shown)

    def _mark_disputed(self, text: str) -> str:
        """Mark numbers whose cited source is a passage number the claim check disputes."""
        disputed = self.disputed() if self.disputed else {}
        if not disputed:
            return text
        result = check_numbers(text, sources=self.sources(), require_citation=True)
        spans = []
        for item in result.traced:
            for bad in disputed.get(item.source_id or "", ()):
                if matches(item.mention, bad):
                    spans.append((item.mention.span, bad.label))
                    break
        return mark(text, spans)
