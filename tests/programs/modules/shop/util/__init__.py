"""Utilities of the shop package."""
from . import money
