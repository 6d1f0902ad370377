"""Engines run chunks of documents somewhere and hand each finished chunk back, in any order.

Engines are registered by name in :data:`ENGINES` (``engine="local"`` or ``"dask"``); each takes
an iterator of chunks and three callbacks:

* ``commit(result)`` — a chunk finished (the caller stores it, then it counts as done);
* ``lost(chunk, error)`` — a whole chunk was lost (a worker process died): its documents are
  reported as failures of stage ``worker`` and are NOT marked done, so a resumed run retries them;
* ``advance(n)`` — ``n`` more documents finished (progress bar).

Every engine runs the same function, :func:`~newslab.corpus.work.run_chunk`, over the same chunks,
so results do not depend on the engine. Workers receive work items (paths, offsets or texts)
and send back plain DataFrames, never spaCy objects. At most two chunks per worker are in
flight, so memory stays flat however large the corpus.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Iterator

from ..errors import MissingExtraError, WorkerError
from .sources import Item
from .work import ARTICLE_TABLES, ChunkResult, Config, get_model, init_worker, run_chunk, \
    run_chunk_in_worker

Commit = Callable[[ChunkResult], None]
Lost = Callable[[list[Item], BaseException], None]
Advance = Callable[[int], None]

#: Chunks in flight per worker: one running, one queued, so a worker never waits for work.
IN_FLIGHT_PER_WORKER = 2
#: Dask settings for the LocalCluster newslab starts itself (a user's own client is untouched).
DASK_CONFIG = {"distributed.worker.profile.enabled": False,
               "distributed.admin.tick.interval": "500ms",
               "distributed.admin.system-monitor.interval": "2s"}


def run_serial(chunks: Iterator[list[Item]], config: Config, *, commit: Commit, lost: Lost,
               advance: Advance, **_: Any) -> None:
    """Everything in this process (``n_process=1``): no start-up cost, nothing pickled."""
    if any(t not in ARTICLE_TABLES for t in config.tables):
        get_model(config)  # a missing model is one clear error, before any document
    # Keep everything alive so far (model, the caller's data) out of the collections made
    # between slices (see work.GC_EVERY); given back to the collector when the run ends.
    gc.freeze()
    try:
        for chunk in chunks:
            commit(run_chunk(chunk, config, on_doc=advance))
    finally:
        gc.unfreeze()


def run_pool(chunks: Iterator[list[Item]], config: Config, *, n_process: int, commit: Commit,
             lost: Lost, advance: Advance, **_: Any) -> None:
    """A persistent pool of ``n_process`` worker processes, each loading the model once.

    Workers are *spawned* (fresh interpreters), which is safe with threads and on every OS but
    means a script that calls this must guard its entry point with
    ``if __name__ == "__main__":`` (notebooks need nothing).
    """
    ctx = multiprocessing.get_context("spawn")

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=n_process, mp_context=ctx,
                                   initializer=init_worker, initargs=(config,))

    pool = new_pool()
    pending: dict[Any, list[Item]] = {}
    try:
        while True:
            while len(pending) < IN_FLIGHT_PER_WORKER * n_process:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                pending[pool.submit(run_chunk_in_worker, chunk, config)] = chunk
            if not pending:
                break
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken = False
            for fut in finished:
                chunk = pending.pop(fut)
                try:
                    result = fut.result()
                except WorkerError:
                    raise
                except BrokenProcessPool as err:
                    # A worker died (out of memory, killed, crashed in native code).
                    broken = True
                    lost(chunk, err)
                except Exception as err:  # noqa: BLE001
                    lost(chunk, err)
                else:
                    commit(result)
                advance(len(chunk))
            if broken:
                # The other chunks in flight die with the pool; report them, start a new one.
                for fut, chunk in pending.items():
                    lost(chunk, BrokenProcessPool("a worker process died"))
                    advance(len(chunk))
                pending.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
    finally:
        # On an interrupt, drop queued chunks; a chunk already running finishes in its worker.
        pool.shutdown(wait=not pending, cancel_futures=True)


def run_local(chunks: Iterator[list[Item]], config: Config, *, n_process: int = 1,
              **kwargs: Any) -> None:
    """The ``local`` engine: this process for ``n_process=1``, a process pool above."""
    if n_process <= 1:
        run_serial(chunks, config, **kwargs)
    else:
        run_pool(chunks, config, n_process=n_process, **kwargs)


def run_dask(chunks: Iterator[list[Item]], config: Config, *, n_process: int = 1,
             commit: Commit, lost: Lost, advance: Advance, client: Any = None,
             **_: Any) -> None:
    """The ``dask`` engine: chunks as tasks on a ``dask.distributed`` cluster.

    Without ``client``, a ``LocalCluster(n_workers=n_process, threads_per_worker=1)`` is started
    and closed afterwards. With ``client=Client("tcp://scheduler:8786")`` the work goes to that
    cluster; each worker needs newslab and the spaCy model installed, and file inputs must be
    readable at the same path on the workers (or pass a DataFrame: its texts travel with the
    tasks). Each worker process loads the model once and keeps it.
    """
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise MissingExtraError("engine='dask'", "dask", "dask[distributed]") from None

    cluster = None
    if client is None:
        import dask

        # Dask's statistical profiler samples every worker's stack 100 times a second, a few
        # per cent of CPU that a batch job does not need (there is no dashboard to show it).
        with dask.config.set(DASK_CONFIG):
            cluster = LocalCluster(n_workers=max(1, n_process), threads_per_worker=1,
                                   processes=True, dashboard_address=None,
                                   silence_logs=logging.ERROR)
        client = Client(cluster)
    try:
        # Load the model on every worker now (not inside the first timed chunk).
        client.run(init_worker, config)
        n_slots = IN_FLIGHT_PER_WORKER * max(1, sum(client.nthreads().values()))
        pending: dict[str, list[Item]] = {}
        queue = as_completed()

        def submit() -> bool:
            chunk = next(chunks, None)
            if chunk is None:
                return False
            fut = client.submit(run_chunk_in_worker, chunk, config, pure=False)
            pending[fut.key] = chunk
            queue.add(fut)
            return True

        for _ in range(n_slots):
            if not submit():
                break
        for fut in queue:
            chunk = pending.pop(fut.key)
            try:
                result = fut.result()
            except WorkerError:
                raise
            except Exception as err:  # noqa: BLE001 - a worker died or the task failed
                lost(chunk, err)
            else:
                commit(result)
            fut.release()
            advance(len(chunk))
            submit()
    finally:
        if cluster is not None:
            client.close()
            cluster.close()


#: Engines by name (``analyze_corpus(engine=...)``).
ENGINES: dict[str, Callable[..., None]] = {"local": run_local, "dask": run_dask}
