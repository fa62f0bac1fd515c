def first_long(words, n):
    """The first word longer than n letters, or None."""
    for w in words:
        if len(w) > n:
            return w
    return None


def second_smallest(xs):
    """The second smallest distinct number, or None where there is none."""
    distinct = sorted(set(xs))
    if len(distinct) < 2:
        return None
    return distinct[1]


def longest(words):
    """The longest word (the first of those as long), or None for no words."""
    best = None
    size = -1
    for w in words:
        if len(w) > size:
            best = w
            size = len(w)
    return best


def signs(xs):
    """The largest negative and the smallest positive number, each None where there is none."""
    negatives = [x for x in xs if x < 0]
    positives = [x for x in xs if x > 0]
    return (max(negatives) if negatives else None, min(positives) if positives else None)


def main():
    print(first_long(["a", "abc", "abcd"], 2))
    print(first_long(["a"], 2) is None)
    print(second_smallest([4, 1, 3, 1]))
    print(second_smallest([2, 2]) is None)
    print(longest(["ab", "abc", "xyz"]), longest([]))
    s = signs([3, -2, 5])
    t = signs([1])
    print(s[0], s[1], t[0] is None, t[1])


if __name__ == "__main__":
    main()
