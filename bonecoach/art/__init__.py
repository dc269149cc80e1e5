"""The figure renderer: poses to SVG exercise illustrations."""
