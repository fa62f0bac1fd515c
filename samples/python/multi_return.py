"""Tuples and multiple return values."""


def min_max(values):
    lo = values[0]
    hi = values[0]
    for v in values:
        if v < lo:
            lo = v
        if v > hi:
            hi = v
    return lo, hi


def div_mod(a, b):
    return a // b, a % b


def split_name(full):
    parts = full.split(" ")
    return parts[0], parts[len(parts) - 1]


def fib_pair(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a, b


def main():
    lo, hi = min_max([4, -2, 9, 7, 0])
    print("min:", lo, "max:", hi)
    q, r = div_mod(47, 5)
    print(f"47 = 5 * {q} + {r}")
    first, last = split_name("Ada King Lovelace")
    print("first:", first, "last:", last)
    x, y = 1, 2
    x, y = y, x
    print("swapped:", x, y)
    a, b = fib_pair(10)
    print("fib pair:", a, b)


if __name__ == "__main__":
    main()
