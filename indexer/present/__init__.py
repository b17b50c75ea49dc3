"""Present: labels, the message catalog, and one serializer for the CLI, the app and exports."""
