"""Functions whose translations `tests/verify.rs` checks: by ferry, and hand-written with bugs."""


def prefix_sum(xs: list[int], k: int) -> int:
    total = 0
    i = 0
    while i < k and i < len(xs):
        total += xs[i]
        i += 1
    return total


def floor_half(a: int, b: int) -> int:
    return a // b


def diff(a: int, b: int) -> int:
    return a - b


def largest(xs: list[int]) -> int:
    best = xs[0]
    for x in xs:
        if x > best:
            best = x
    return best


def successor(n: int) -> int:
    return n + 1


def last_char(s: str) -> str:
    if not s:
        return ""
    return s[len(s) - 1]


def absolute(n: int) -> int:
    if n < 0:
        n = -n
    return n


def count_positive(xs: list[int]) -> int:
    return sum(1 for x in xs if x > 0)


def word_lengths(words: list[str]) -> dict[str, int]:
    return {w: len(w) for w in words}


def main():
    print(prefix_sum([1, 2, 3], 2), floor_half(-7, 2), diff(5, 3), largest([3, 9, 2]))
    print(successor(41), last_char("abc"), count_positive([-1, 0, 2]), word_lengths(["hi"]))


if __name__ == "__main__":
    main()
