"""How records are extracted, behind :mod:`natoiraq.extract` (the public API).

- :mod:`.options`: :class:`~.options.ExtractOptions`, every setting of a run in one value;
- :mod:`.batches`: texts cut into pieces, pieces parsed in batches inside memory zones, facts re-based;
- :mod:`.pool`: worker processes that survive a worker's death;
- :mod:`.dask`: the same batches on a Dask cluster;
- :mod:`.cache`: results cached per text and reference date;
- :mod:`.dedupe`: copies of an earlier article in the run, left out, marked or kept;
- :mod:`.outcome`: what became of one record.

The reference date of each record is decided by :mod:`natoiraq.reference`.
"""
