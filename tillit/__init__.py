"""Tillit's build code: the rules and transforms the MkDocs hooks (hooks/), scripts and tests share."""
