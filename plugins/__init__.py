"""The built-in normalizers, shipped as ``newsclean.plugins``.

Each module is a plugin registered through the ``newsclean`` entry-point group,
exactly like a third-party one; the core never imports this package by name.
"""
