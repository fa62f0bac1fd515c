"""Searching and sorting: insertion sort, binary search, gcd and a prime sieve."""


def insertion_sort(items):
    for i in range(1, len(items)):
        key = items[i]
        j = i - 1
        while j >= 0 and items[j] > key:
            items[j + 1] = items[j]
            j -= 1
        items[j + 1] = key


def binary_search(items, target):
    lo = 0
    hi = len(items) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if items[mid] == target:
            return mid
        elif items[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1


def gcd(a, b):
    while b != 0:
        a, b = b, a % b
    return a


def primes_up_to(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = False
    is_prime[1] = False
    p = 2
    while p * p <= n:
        if is_prime[p]:
            for multiple in range(p * p, n + 1, p):
                is_prime[multiple] = False
        p += 1
    result = []
    for i in range(n + 1):
        if is_prime[i]:
            result.append(i)
    return result


def main():
    numbers = [42, 7, 19, 3, 88, 23, 56, 11]
    insertion_sort(numbers)
    print("sorted:", numbers)
    for target in [23, 8, 88]:
        index = binary_search(numbers, target)
        print("index of", target, "is", index)
    print("gcd(84, 36) =", gcd(84, 36))
    print("gcd(17, 5) =", gcd(17, 5))
    primes = primes_up_to(50)
    print("primes:", primes)
    print("count:", len(primes), "largest:", primes[len(primes) - 1])


if __name__ == "__main__":
    main()
