"""Blob storage behind an interface: a local directory by default."""
