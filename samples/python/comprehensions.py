"""Comprehensions and generator expressions."""


def main():
    numbers = [3, 8, 1, 9, 4, 7, 2, 6]
    squares = [n * n for n in numbers]
    print("squares:", squares)
    evens = [n for n in numbers if n % 2 == 0]
    print("evens:", evens)
    print("sum of odd:", sum(n for n in numbers if n % 2 == 1))
    print("any > 8:", any(n > 8 for n in numbers), "all > 0:", all(n > 0 for n in numbers))
    print("max square:", max(n * n for n in numbers), "min:", min(n for n in numbers))
    lengths = {w: len(w) for w in ["apple", "fig", "banana"]}
    for w in sorted(lengths.keys()):
        print(w, lengths[w])
    letters = sorted({c for c in "mississippi"})
    print("letters:", letters)
    pairs = [(i, j) for i in range(3) for j in range(3) if i < j]
    for i, j in pairs:
        print(f"pair {i} {j}")
    words = ["Delta", "alpha", "Charlie", "bravo"]
    print(sorted(words, key=lambda w: w.lower()))
    print(sorted(numbers, reverse=True))


if __name__ == "__main__":
    main()
