"""Integer arithmetic with negative numbers: floor division, modulo, powers, bits."""


def digit_sum(n):
    n = abs(n)
    total = 0
    while n > 0:
        total += n % 10
        n //= 10
    return total


def is_power_of_two(n):
    return n > 0 and n & (n - 1) == 0


def main():
    pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2)]
    for a, b in pairs:
        print(f"{a} // {b} = {a // b}, {a} % {b} = {a % b}")
    print("2 ** 10 =", 2 ** 10)
    print("digit sum:", digit_sum(-98765))
    print("shifts:", 1 << 5, 256 >> 3, -16 >> 2)
    print("bits:", 12 & 10, 12 | 10, 12 ^ 10, ~5)
    for n in [1, 6, 16, 31, 64]:
        print(n, "power of two:", is_power_of_two(n))
    x = 17
    x += 3
    x *= 2
    x -= 5
    x //= 4
    x %= 7
    print("x =", x)
    print("abs:", abs(-42), "max:", max(3, 9), "min:", min(3, 9))
    average = sum([3, 4, 5, 8]) / 4
    print(f"average: {average:.2f}")


if __name__ == "__main__":
    main()
