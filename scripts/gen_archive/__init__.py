"""Labelled synthetic Twitter/X archive generator for dmaudit tests and benchmarks."""
