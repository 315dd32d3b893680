"""Real-browser end-to-end harness: a fake forsakringskassan.se and headless browsers.

- `site`: the cookie table (PAGE_COOKIES, expected_cookies) and the HTTPS server.
- `chromium`: Chromium over --remote-debugging-pipe (CDP).
- `firefox`: Firefox ESR over Marionette, with a first-run profile.
- `homes`: fake HOMEs where a browser visited the site and quit cleanly.
- `procs`: process groups, so no browser outlives the tests.
The pytest fixtures are in tests/e2e/conftest.py.
"""
