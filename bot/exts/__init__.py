"""Discord extensions: one feature per module, each a thin layer over ``KnowledgeBase``."""
