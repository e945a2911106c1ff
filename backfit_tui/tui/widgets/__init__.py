"""Widgets named for what the person sees on the session screen."""
