"""Vigil: keeps watch over people with cancer between visits."""
