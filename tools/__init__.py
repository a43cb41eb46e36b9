"""Developer tools that are not part of the build (quality checks of a built site)."""
