"""Helpers of the Streamlit app (app.py): data shaping, export, evaluation and page views."""
