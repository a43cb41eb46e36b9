"""Load stage: bytes → strict YAML / CSV → trees that keep each value's file and line; allow-lists."""
