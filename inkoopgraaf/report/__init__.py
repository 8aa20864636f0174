"""The standalone HTML report (issue 7): ``write_report(out_path, facts, documents, texts, tables)``."""
from .render import build_payload, json_for_script, render_html, summarize, write_report

__all__ = ["write_report", "build_payload", "render_html", "json_for_script", "summarize"]
