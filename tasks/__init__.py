"""Prefect tasks (installed as tipdiff.tasks): thin wrappers, one core call each."""
