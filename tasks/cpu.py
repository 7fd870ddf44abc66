"""One CPU-bound step at a time in a process.

Parsing and aligning are pure Python: in Prefect's default thread pool two dozen of them at
once only fight over the GIL (measured on the 190 x 24 synthetic history, cold run: parse
13.9 s and align 6.3 s with every batch at once, 8.1 s and 3.5 s one at a time; the core
alone takes 8.4 s and 3.0 s). So they take turns within a process, while fetches (IO) still
overlap, and with the Dask runner each worker process runs its own batch.

The lock lives in a module of its own: tasks reach it as `cpu.TURN`, a module attribute, so
a task shipped to a Dask worker carries a reference to this module (imported there, with a
lock of its own) and never a lock object, which cannot be pickled.
"""

from __future__ import annotations

import threading

TURN = threading.BoundedSemaphore(1)
