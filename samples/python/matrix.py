"""Nested lists, nested loops, break and continue."""


def make_matrix(rows, cols):
    matrix = []
    for i in range(rows):
        row = []
        for j in range(cols):
            row.append(i * cols + j)
        matrix.append(row)
    return matrix


def transpose(matrix):
    result = []
    for j in range(len(matrix[0])):
        column = []
        for i in range(len(matrix)):
            column.append(matrix[i][j])
        result.append(column)
    return result


def find_first(matrix, target):
    found_row = -1
    found_col = -1
    for i in range(len(matrix)):
        for j in range(len(matrix[i])):
            if matrix[i][j] == target:
                found_row = i
                found_col = j
                break
        if found_row >= 0:
            break
    return found_row, found_col


def main():
    m = make_matrix(3, 4)
    for row in m:
        print(" ".join([str(v) for v in row]))
    t = transpose(m)
    print("transposed rows:", len(t), "cols:", len(t[0]))
    print("t[3] =", t[3])
    r, c = find_first(m, 6)
    print("found 6 at", r, c)
    odd_total = 0
    for row in m:
        for v in row:
            if v % 2 == 0:
                continue
            odd_total += v
    print("sum of odd entries:", odd_total)
    n = 0
    while True:
        n += 1
        if n * n > 50:
            break
    print("first square over 50:", n * n)


if __name__ == "__main__":
    main()
