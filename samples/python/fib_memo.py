"""Recursion: memoised Fibonacci, permutations and the towers of Hanoi."""

memo = {}


def fib(n):
    if n < 2:
        return n
    if n in memo:
        return memo[n]
    result = fib(n - 1) + fib(n - 2)
    memo[n] = result
    return result


def permutations(prefix, rest, out):
    if len(rest) == 0:
        out.append(prefix)
        return
    for i in range(len(rest)):
        permutations(prefix + rest[i], rest[:i] + rest[i + 1:], out)


def hanoi(n, source, target, spare):
    if n == 0:
        return 0
    moves = hanoi(n - 1, source, spare, target)
    moves += 1
    moves += hanoi(n - 1, spare, target, source)
    return moves


def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)


def main():
    for n in [10, 20, 30, 40]:
        print(f"fib({n}) = {fib(n)}")
    perms = []
    permutations("", "abc", perms)
    print("permutations:", " ".join(perms))
    print("count:", len(perms))
    print("hanoi moves for 10 disks:", hanoi(10, "A", "C", "B"))
    print("10! =", factorial(10))


if __name__ == "__main__":
    main()
