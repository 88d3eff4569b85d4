"""Renderings of finnews results: terminal (rich), Markdown, JSON, HTML."""
