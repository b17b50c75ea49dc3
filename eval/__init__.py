"""The eval set and harness: how far staff can trust the tool, and how we pick settings."""
