"""Modules that fail in different ways when imported."""
