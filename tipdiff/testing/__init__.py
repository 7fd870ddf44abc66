"""Test and benchmark helpers (synthetic corpora, labelled evaluation data).

Not part of the core: nothing in tipdiff imports this package. It ships inside the package
(as Prefect ships prefect.testing) so that tests and benchmarks can share it.
"""
