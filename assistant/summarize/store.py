"""Finished summaries kept in the data dir, keyed by what makes a summary differ."""

from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path

from assistant.config import Settings
from assistant.i18n import ENGLISH, Language
from assistant.llm import ChatModel
from assistant.summarize.article import PROMPT
from assistant.summarize.records import RECORD_VERSION, SummaryRecord
from prompts import load_prompt


def fingerprint(
    settings: Settings,
    model: ChatModel,
    policy: str,
    max_sentences: int,
    language: Language = ENGLISH,
) -> str:
    """What makes a summary differ: engine, endpoint, prompt version, policy, length, and
    the language an LLM writes in."""
    parts: dict[str, object] = {
        "v": RECORD_VERSION,
        "engine": model.name,
        "endpoint": None if model.is_offline else settings.openai_base_url,
        "prompt": load_prompt(PROMPT).version,
        "policy": policy,
        "sentences": max_sentences,
    }
    if language.code != ENGLISH.code and not model.is_offline:
        parts["language"] = language.code
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:16]


class RecordStore:
    """Finished summaries, one JSON file each, under `<data dir>/summaries/<fingerprint>/`."""

    def __init__(self, root: Path, fingerprint: str) -> None:
        self.dir = root / "summaries" / fingerprint
        self.dir.mkdir(parents=True, exist_ok=True)

    def path(self, article_id: str, digest: str) -> Path:
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in article_id)
        return self.dir / f"{safe}-{digest[:16]}.json"

    def get(self, article_id: str, digest: str) -> SummaryRecord | None:
        path = self.path(article_id, digest)
        if not path.exists():
            return None
        try:
            return SummaryRecord.model_validate_json(path.read_text(encoding="utf-8"))
        except ValueError:
            return None  # a damaged record is redone

    def put(self, record: SummaryRecord) -> None:
        path = self.path(record.id, record.content_hash)
        tmp = path.with_suffix(f".{os.getpid()}-{threading.get_ident()}.tmp")
        tmp.write_text(record.model_dump_json(), encoding="utf-8")
        os.replace(tmp, path)
