"""What every stage stands on: atomic file writes, checksums, reviewed TSV files."""
