"""Vigil core package."""
