"""Planning tables in Markdown: an old-plan column and a new-plan column (own table, not from the seeds)."""
from inkoopgraaf.extract.context import ExtractionContext
from inkoopgraaf.extract.dates import extract_dates
from inkoopgraaf.extract.plan_changes import extract_plan_changes
from inkoopgraaf.extract.readers import read_document

TABLE = ("# Planning\n\n"
         "| Stap | Oorspronkelijke planning | Herziene planning |\n"
         "|---|---|---|\n"
         "| Vaststelling bestek | week 10 2025 | week 14 2025 |\n"
         "| Start contracten | 1 januari 2026 | 1 januari 2026 |\n")


def test_markdown_planning_table_rows_that_differ_are_moves(tmp_path):
    p = tmp_path / "plan.md"
    p.write_text(TABLE, encoding="utf-8")
    ctx = ExtractionContext(read_document(p), 2025)
    ctx.add(extract_dates(ctx))
    facts = extract_plan_changes(ctx)
    assert [(f.value["from"]["start"], f.value["to"]["start"]) for f in facts] == [("2025-03-03", "2025-03-31")]
    assert facts[0].value["what"] == "Vaststelling bestek"
    assert ctx.doc.text[facts[0].start:facts[0].end] == facts[0].text
