"""Classes for tests/verify.rs; account_bugs.go seeds a bug in a method of each."""


class Overdrawn(Exception):
    pass


class Account:
    def __init__(self, owner: str, balance: int):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount: int) -> None:
        if amount <= 0:
            raise Overdrawn("deposit must be positive")
        self.balance += amount

    def withdraw(self, amount: int) -> int:
        if amount > self.balance:
            raise Overdrawn("insufficient funds")
        self.balance -= amount
        return self.balance


class Tally:
    def __init__(self, total: int, count: int):
        self.total = total
        self.count = count

    def add(self, n: int) -> int:
        self.total += n
        self.count += 1
        return self.total
