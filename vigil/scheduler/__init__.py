"""Vigil scheduler package."""
