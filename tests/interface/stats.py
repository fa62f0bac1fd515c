def count_evens(xs):
    n = 0
    for x in xs:
        if x % 2 == 0:
            n += 1
    return n


def min_max(xs):
    return (min(xs), max(xs))


def main():
    print(count_evens([1, 2, 4, 7]))
    r = min_max([3, 1, 2])
    print(r[0], r[1])


if __name__ == "__main__":
    main()
