def count_even(xs: list[int]) -> int:
    count = 0
    for x in xs:
        if x % 2 == 0:
            count += 1
    return count


def evaluate(expression: str) -> int:
    return eval(expression)
