"""The model's matrix products on numpy's BLAS, in one thread: the same weights, less CPU.

thinc multiplies spaCy's layers with BLIS, from a wheel built to run on any
x86 CPU. numpy's wheels bring OpenBLAS (Accelerate on macOS), which picks its
kernels for the CPU at hand. On the machine natoiraq is measured on, the
model's shared tok2vec takes 0.36 s on it where BLIS takes 0.76, and its NER
1.03 s where BLIS takes 1.46 (the same articles, CPU time). thinc's own
``NumpyOps(use_blis=False)`` does the products through ``numpy.dot``; only
the parsers' per-step products stay with thinc's compiled BLIS.

One thread: natoiraq scales by processes (``--workers``, Dask), each with one
BLAS thread as BLIS has. OpenBLAS's own threads, on matrices this small,
spend more CPU waiting than they save, and would fight the worker processes.
"""

from __future__ import annotations

from thinc.api import Model, NumpyOps

#: BLAS threads per process.
THREADS = 1


def use_numpy_blas(nlp) -> int:
    """Move every thinc layer of ``nlp`` to numpy's BLAS and hold that BLAS to one thread in this
    process; the number of layers moved."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=THREADS, user_api="blas")
    ops = NumpyOps(use_blis=False)
    moved = 0
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if not isinstance(model, Model) or type(model.ops) is not NumpyOps:
            continue  # a GPU model, or one on ops of its own choosing, stays as it is
        for layer in model.walk():
            layer.ops = ops
            moved += 1
    return moved
