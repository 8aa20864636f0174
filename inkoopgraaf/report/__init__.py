"""The HTML report (issue 7; split per region above 50 documents, issue 14):
``write_report(out_path, facts, documents, texts, tables)``."""
from .render import (build_payload, json_for_script, render_html, report_pages, summarize, write_report,
                     write_report_files)

__all__ = ["write_report", "write_report_files", "report_pages", "build_payload", "render_html",
           "json_for_script", "summarize"]
