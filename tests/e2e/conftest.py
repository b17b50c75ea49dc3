"""One headless Chromium per test module that asks for it (Debian's; no browser download)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def browser():
    from tests.e2e.browser import chromium

    with chromium() as browser:
        yield browser
