"""The domain model: taxonomy, fact types, the knowledge graph, its queries and exports.

Nothing in here imports :mod:`inkoopgraaf.extract`: the model only consumes facts.
"""
