"""政策问答: offline semantic search over Wuhan municipal government documents."""

__version__ = "0.1.0"
