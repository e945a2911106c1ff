"""The Textual app: the App, its screens, widgets and styles."""
