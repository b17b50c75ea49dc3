"""The HTTP API (`python -m indexer serve`): the CLI's JSON over HTTP for other systems (OA, 督办).

Light on purpose: `create_app` and `serve` import FastAPI and uvicorn only when called, so the
CLI's --help stays instant. Modules: request (the one adapter to the answer stage), access (who
may do what), params (query parameters checked, Chinese errors), routes (the endpoints), serve.
"""
