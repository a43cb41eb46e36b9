"""The engine at the edge: the one module that imports mkdocs, the second-core worker, site paths."""
