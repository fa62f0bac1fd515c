def positions(grid, x):
    """The (row, column) of every cell holding x."""
    return [(i, j) for i in range(len(grid)) for j in range(len(grid[i])) if grid[i][j] == x]


def main():
    found = positions([[1, 2], [2, 1]], 2)
    print(len(found), found[0][0], found[0][1], found[1][0], found[1][1])


if __name__ == "__main__":
    main()
