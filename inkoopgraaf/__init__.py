"""inkoopgraaf: Dutch youth-care and Wmo procurement strategies → facts → a comparable knowledge graph."""
__version__ = "0.1.0"
