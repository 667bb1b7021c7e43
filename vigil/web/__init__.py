"""Vigil web package."""
