"""Every error message a user can see has a Chinese template: a test reads the sources.

The messages are found where finnews makes its errors: each call of a `FinnewsError`
class in `assistant/` and `retrieval/` (`raise BadInputError(f"...")`, `ProviderError(msg)`,
`_Failure(ConfigError(msg))`). A message is read as a template, `{}` for each value: a
local variable (`msg`, `where`), a module constant (`KEY_HELP`) or a helper function that
writes the message (`not_writable`, `implausible_date()`) is followed to its text. A new
message without a template in `assistant.i18n.errors` (or, for the data a check needs, in
`assistant.i18n.reasons`) fails here; so does one whose text cannot be followed, unless
`NOT_SHOWN` below says why no reader sees it."""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

import assistant.errors
from assistant.i18n import catalogs, using
from assistant.i18n.errors import ERRORS, error_line, error_text
from assistant.i18n.reasons import REASONS
from assistant.i18n.templates import shape

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("assistant", "retrieval")
HOLE = "{}"
UNKNOWN = "\x00"  # a text this reader cannot follow

# (file, what the message is made of) -> why no reader sees it as an error line
NOT_SHOWN = {
    (
        "assistant/verify/macro.py",
        "'; '.join(reasons)",
    ): "the yield lookups' own reasons joined; each has a template in the reasons table",
    (
        "assistant/chat/tools.py",
        "message",
    ): "a chat tool's error goes back to the LLM as the tool's result, never to the reader",
}
# Messages that put a name before another message (`{url}: {item.error}`,
# `FINNEWS_LANG: {message}`): `error_text` shows the name and the inner message's template.
NAMED = {"{}: {}", "FINNEWS_LANG: {}"}


def _errors() -> set[str]:
    out, todo = set(), [assistant.errors.FinnewsError]
    while todo:
        cls = todo.pop()
        out.add(cls.__name__)
        todo += cls.__subclasses__()
    return out


ERROR_CLASSES = _errors()


class Source:
    """One module's tree, with its functions and module-level string constants."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = path.relative_to(ROOT).as_posix()
        self.tree = ast.parse(path.read_text(encoding="utf-8"))
        self.parents: dict[ast.AST, ast.AST] = {
            child: node for node in ast.walk(self.tree) for child in ast.iter_child_nodes(node)
        }

    def scope(self, node: ast.AST) -> ast.AST:
        """The function `node` is written in (the module outside any)."""
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                return node
        return self.tree


SOURCES = [
    Source(p)
    for pkg in PACKAGES
    for p in sorted((ROOT / pkg).rglob("*.py"))
    if "i18n" not in p.parts
]
FUNCTIONS: dict[str, list[tuple[Source, ast.FunctionDef]]] = {}
for _src in SOURCES:
    for _node in ast.walk(_src.tree):
        if isinstance(_node, ast.FunctionDef):
            FUNCTIONS.setdefault(_node.name, []).append((_src, _node))


def _assigned(scope: ast.AST, name: str) -> list[ast.expr]:
    """The values `name` is assigned in `scope` (not in functions nested in it)."""
    found = []
    todo = list(ast.iter_child_nodes(scope))
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            found.append(node.value)
        todo += list(ast.iter_child_nodes(node))
    return found


def texts(node: ast.expr, src: Source, depth: int = 0) -> list[str]:
    """The texts `node` may be, `{}` for each value; UNKNOWN where they cannot be read."""
    if depth > 6:
        return [UNKNOWN]
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        pieces = [
            [str(v.value)] if isinstance(v, ast.Constant) else _inlined(v, src, depth)
            for v in node.values
        ]
        return ["".join(p) for p in itertools.product(*pieces)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = texts(node.left, src, depth + 1), texts(node.right, src, depth + 1)
        return [a + b for a in left for b in right]
    if isinstance(node, ast.IfExp):
        return texts(node.body, src, depth + 1) + texts(node.orelse, src, depth + 1)
    if isinstance(node, ast.Name):
        values = _assigned(src.scope(node), node.id) or _assigned(src.tree, node.id)
        return [t for v in values for t in texts(v, src, depth + 1)] or [UNKNOWN]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FUNCTIONS:
        found = [
            t
            for fsrc, fn in FUNCTIONS[node.func.id]
            for r in ast.walk(fn)
            if isinstance(r, ast.Return) and r.value is not None
            for t in texts(r.value, fsrc, depth + 1)
        ]
        return found or [UNKNOWN]
    return [UNKNOWN]


def _inlined(v: ast.FormattedValue, src: Source, depth: int) -> list[str]:
    """A value written into an f-string: the text of a local string, a string constant
    or a helper's sentence; else a hole."""
    if isinstance(v.value, (ast.Name, ast.Call)):
        found = texts(v.value, src, depth + 1)
        if found and UNKNOWN not in "".join(found):
            return found
    return [HOLE]


def messages() -> Iterator[tuple[str, str, str]]:
    """(file, source of the message, text) for every error finnews makes."""
    for src in SOURCES:
        for node in ast.walk(src.tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in ERROR_CLASSES or not node.args:
                continue
            arg = node.args[0]
            if isinstance(arg, ast.BoolOp):  # `reasons or "no yield data"`
                parts = arg.values
            else:
                parts = [arg]
            for part in parts:
                for text in texts(part, src):
                    yield src.name, ast.unparse(part), text


def _known_shapes() -> set[str]:
    return {shape(t) for t in ERRORS.templates} | {shape(t) for t in REASONS.templates} | NAMED


def test_the_reader_finds_the_messages() -> None:
    found = {text for _, _, text in messages()}
    assert len(found) >= 120
    # a local variable, a module constant and a helper function, followed to their text
    assert "The LLM server at {} failed (HTTP {})." in found
    assert (
        "No LLM is configured. Set OPENAI_API_KEY to a valid OpenAI key, or OPENAI_BASE_URL to "
        "an OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio), or run with --offline."
    ) in found
    assert "no {} bars before {} in the snapshot" in found


def test_every_message_can_be_read() -> None:
    unread = sorted(
        {(name, source) for name, source, text in messages() if UNKNOWN in text} - set(NOT_SHOWN)
    )
    assert unread == []


def test_every_message_has_a_chinese_template() -> None:
    have = _known_shapes()
    missing = sorted(
        {
            (name, text)
            for name, _, text in messages()
            if UNKNOWN not in text and shape(text) not in have
        }
    )
    assert missing == []
    zh = catalogs.read("zh")
    untranslated = [t for t in ERRORS.templates if not (zh.get(t) and zh.get(t).string)]
    assert untranslated == []


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        (
            "The LLM server at http://127.0.0.1:9/v1 failed (HTTP 503). Giving up: 3 attempts "
            "failed. Try again later.",
            "位于 http://127.0.0.1:9/v1 的大语言模型服务器出错（HTTP 503）。已放弃：3 次尝试"
            "均失败。请稍后再试。",
        ),
        (
            "No LLM is configured. Set OPENAI_API_KEY to a valid OpenAI key, or OPENAI_BASE_URL "
            "to an OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio), or run with "
            "--offline.",
            "没有配置大语言模型。请把 OPENAI_API_KEY 设为有效的 OpenAI 密钥，或把 OPENAI_BASE_URL "
            "设为兼容 OpenAI 的服务器（Ollama、vLLM、llama.cpp、LM Studio），或使用 --offline "
            "运行。",
        ),
        (
            "the news index at /tmp/x/index was built with minilm (384 dims) but the configured "
            "embedder is openai (1536 dims); run `finnews reindex` to rebuild it, or set "
            "FINNEWS_EMBEDDER back",
            "/tmp/x/index 处的新闻索引是用 minilm（384 维）建立的，而当前配置的嵌入模型是 openai"
            "（1536 维）；请运行 `finnews reindex` 重建索引，或把 FINNEWS_EMBEDDER 改回原值",
        ),
        (
            "feeds/x.xml: not a readable feed (syntax error)",
            "feeds/x.xml：不是可读取的订阅源（syntax error）",
        ),
        (
            "FINNEWS_EMBEDDER=word2vec is unknown; use 'minilm' or 'openai'",
            "FINNEWS_EMBEDDER=word2vec 无法识别；请使用 'minilm' 或 'openai'",
        ),
        (
            "no IJR bars before 2000-05-26 in the snapshot",
            "快照中没有2000年5月26日之前的 IJR 行情数据",
        ),
        (
            "no bar before 1999-01-01 to start the window from",
            "1999年1月1日之前没有可作为区间起点的行情数据",
        ),
    ],
)
def test_errors_in_chinese(english: str, chinese: str) -> None:
    with using("zh"):
        assert error_text(english) == chinese
        assert error_line(english) == f"错误：{chinese}"
    with using("en"):
        assert error_text(english) == english
        assert error_line(english) == f"Error: {english}"
