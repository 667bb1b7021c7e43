"""Vigil bot package."""
