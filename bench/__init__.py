"""Benchmarks: `python -m bench probes` (build, latency, cold start) and `python -m bench scale` (synthetic corpora)."""
