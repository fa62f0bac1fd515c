def running_max(numbers):
    """The largest number so far, at each position."""
    best = None
    out = []
    for n in numbers:
        if best is None or n > best:
            best = n
        out.append(best)
    return out


def closest_pair(xs):
    """The two numbers closest to each other, smaller first."""
    pair = (xs[0], xs[1])
    gap = abs(xs[0] - xs[1])
    for i in range(len(xs)):
        for j in range(i + 1, len(xs)):
            d = abs(xs[i] - xs[j])
            if d < gap:
                gap = d
                pair = (min(xs[i], xs[j]), max(xs[i], xs[j]))
    return pair


def push_twice(xs, x):
    """xs with x appended twice."""
    xs.append(x)
    xs.append(x)
    return xs


def main():
    r = running_max([1, 3, 2, 5])
    print(len(r), r[1], r[3])
    p = closest_pair([4, 9, 5, 1])
    print(p[0], p[1])
    q = push_twice([1], 2)
    print(len(q), q[2])


if __name__ == "__main__":
    main()
