"""The agency's cookie page, saved by the user: read it, compare it, adopt it."""
