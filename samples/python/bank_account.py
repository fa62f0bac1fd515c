"""Exceptions: a custom exception class, raise, try/except/finally."""


class InsufficientFundsError(Exception):
    def __init__(self, message):
        super().__init__(message)


class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append("deposit " + str(amount))

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFundsError("cannot withdraw " + str(amount) + " from " + str(self.balance))
        self.balance -= amount
        self.history.append("withdraw " + str(amount))


def safe_divide(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        print("division by zero")
        return 0
    finally:
        print("divided", a, "by", b)


def main():
    account = Account("alice", 100)
    account.deposit(50)
    try:
        account.withdraw(500)
    except InsufficientFundsError as e:
        print("error:", e)
    try:
        account.deposit(-5)
    except ValueError as e:
        print("invalid:", e)
    account.withdraw(30)
    print(account.owner, "has", account.balance)
    for entry in account.history:
        print(" -", entry)
    print(safe_divide(17, 5))
    print(safe_divide(1, 0))
    values = [1, 2, 3]
    try:
        print(values[5])
    except IndexError:
        print("index out of range")


if __name__ == "__main__":
    main()
