"""Labbook: a self-hosted experiment tracker that speaks the Weights & Biases protocol."""
