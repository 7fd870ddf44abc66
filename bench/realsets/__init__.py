"""Real evaluation sets kept as manifests (no text of any stored copy); see README.md."""
