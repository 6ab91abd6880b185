"""cms: the browser editor at ``/admin/`` (Decap CMS), its forms generated from the models."""

from .plugin import register

__all__ = ["register"]
