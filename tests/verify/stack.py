"""A class for tests/verify.rs: ferry's translations of it must agree on every method sequence."""


class BoundedStack:
    def __init__(self, capacity: int):
        if capacity < 0:
            raise ValueError("negative capacity")
        self.capacity = capacity
        self.items = []

    def push(self, x: int) -> bool:
        if len(self.items) >= self.capacity:
            return False
        self.items.append(x)
        return True

    def pop(self) -> int:
        return self.items.pop()

    def peek(self) -> int:
        return self.items[-1]

    def size(self) -> int:
        return len(self.items)
