def ints_only(values):
    """The integers among the values."""
    return [x for x in values if isinstance(x, int) and not isinstance(x, bool)]


def main():
    found = ints_only([1, "a", 2.5, 3])
    print(len(found), found[0] + found[1])


if __name__ == "__main__":
    main()
