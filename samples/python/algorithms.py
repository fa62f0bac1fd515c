"""Classic exercises: merge sort, primes, word frequencies, FizzBuzz and a transpose."""


def merge(a, b):
    result = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            result.append(a[i])
            i += 1
        else:
            result.append(b[j])
            j += 1
    result.extend(a[i:])
    result += b[j:]
    return result


def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    return merge(merge_sort(xs[:mid]), merge_sort(xs[mid:]))


def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


def word_freq(text):
    freq = {}
    for w in text.lower().split():
        w = w.replace(".", "").replace("!", "")
        if w in freq:
            freq[w] += 1
        else:
            freq[w] = 1
    return freq


def fizzbuzz(n):
    out = []
    for i in range(1, n + 1):
        if i % 15 == 0:
            out.append("FizzBuzz")
        elif i % 3 == 0:
            out.append("Fizz")
        elif i % 5 == 0:
            out.append("Buzz")
        else:
            out.append(str(i))
    return out


def main():
    print(merge_sort([5, 2, 9, 1, 5, 6, -3]))
    print([n for n in range(30) if is_prime(n)])
    freq = word_freq("The cat and the hat. The end!")
    for w in sorted(freq):
        print(w, freq[w])
    print(" ".join(fizzbuzz(15)))
    matrix = [[1, 2, 3], [4, 5, 6]]
    transposed = [[row[i] for row in matrix] for i in range(3)]
    print(transposed)
    total = sum(sum(row) for row in matrix)
    print("total", total, "avg %.2f" % (total / 6))


if __name__ == "__main__":
    main()
