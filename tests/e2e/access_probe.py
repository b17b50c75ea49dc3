"""A one-line page for test_access_server.py: what ui/access.py decides inside a real server."""

import streamlit as st

from ui import access

access.check_start()
st.text(f"addresses={','.join(access.served_addresses())} read_only={access.read_only()} admin={access.is_admin()}")
