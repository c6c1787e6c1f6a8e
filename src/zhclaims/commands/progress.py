"""A progress bar for runs over many articles: on stderr, only when stderr is a terminal."""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def progress(items: Iterable[T], desc: str = "articles", stream=None) -> Iterator[T]:
    """Yield ``items`` while a tqdm bar counts them; silent when the stream is not a TTY (CI, pipes,
    files), so logs and captured stderr stay clean. The bar is removed when the run ends."""
    stream = stream if stream is not None else sys.stderr
    if not (hasattr(stream, "isatty") and stream.isatty()):
        yield from items
        return
    from tqdm import tqdm

    with tqdm(items, desc=desc, unit="article", file=stream, leave=False, dynamic_ncols=True, mininterval=0.5) as bar:
        yield from bar
