"""Vigil escalation package."""
