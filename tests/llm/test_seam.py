"""The LLM seam is what its docstrings say: only the adapters import openai or LangChain,
and offline commands do not load them (nor numpy or Chroma) at all."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENDORS = ("openai", "langchain", "langchain_core", "langchain_openai")
ADAPTERS = {
    "assistant/llm/openai_chat.py",  # chat, structured output, tool calling
    "retrieval/embed_openai.py",  # embeddings
    "retrieval/langchain_retriever.py",  # a retriever for LangChain users
}
HEAVY = ("langchain_core", "langchain_openai", "openai", "numpy", "chromadb")


def vendor_imports(source: str) -> set[str]:
    """The openai/langchain modules a Python source imports (at any depth)."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        found |= {n for n in names if n.split(".")[0] in VENDORS}
    return found


def test_only_the_adapters_import_openai_or_langchain() -> None:
    """Before: llm/tool_calling.py imported langchain_core and reached into the adapter's
    private members."""
    importing = {
        str(path.relative_to(ROOT))
        for package in ("assistant", "retrieval", "prompts")
        for path in (ROOT / package).rglob("*.py")
        if vendor_imports(path.read_text(encoding="utf-8"))
    }
    assert importing == ADAPTERS
    assert vendor_imports("from langchain_core.messages import AIMessage\nimport json") == {
        "langchain_core.messages"
    }


def _loaded_after(args: list[str], home: Path) -> dict[str, object]:
    code = (
        "import sys\n"
        "from assistant.cli import main\n"
        "try:\n"
        f"    main({args!r})\n"
        "except SystemExit as exc:\n"
        "    code = exc.code\n"
        f"print(__import__('json').dumps({{'code': code, 'loaded': "
        f"[m for m in {HEAVY!r} if m in sys.modules]}}), file=sys.stderr)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "FINNEWS_"))}
    env.update(FINNEWS_HOME=str(home), FINNEWS_OFFLINE="1")
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    return json.loads(done.stderr.strip().splitlines()[-1])


def test_offline_check_and_chat_once_import_no_llm_numpy_or_chroma(tmp_path: Path) -> None:
    """Before: `chat --once` imported LangChain and openai even offline (1.3 s of imports)."""
    # exit 1: the bundled sample article holds a contradicted claim
    assert _loaded_after(["--offline", "check"], tmp_path) == {"code": 1, "loaded": []}
    question = "How did IJR do in November 2025?"
    assert _loaded_after(["--offline", "chat", "--once", question], tmp_path) == {
        "code": 0,
        "loaded": [],
    }
