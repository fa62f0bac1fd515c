"""A function over module state, for the fresh-process-per-case check in tests/verify.rs."""

counter = 0


def bump(n: int) -> int:
    global counter
    counter += n
    return counter


def total() -> int:
    return bump(0)
