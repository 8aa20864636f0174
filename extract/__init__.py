"""Reading and NLP: files → :class:`~inkoopgraaf.extract.document.Document` → facts with evidence."""
