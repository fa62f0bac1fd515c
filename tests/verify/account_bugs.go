// account.py with a seeded bug in a method of each class, for tests/verify.rs.
package main

import "errors"

type Account struct {
	owner   string
	balance int32
}

func NewAccount(owner string, balance int32) *Account {
	return &Account{owner: owner, balance: balance}
}

func (a *Account) Deposit(amount int32) {
	if amount <= 0 {
		panic(errors.New("deposit must be positive"))
	}
	a.balance += amount
}

// Off by one: withdrawing the whole balance fails.
func (a *Account) Withdraw(amount int32) (int32, error) {
	if amount >= a.balance {
		return 0, errors.New("insufficient funds")
	}
	a.balance -= amount
	return a.balance, nil
}

// Tally is built by a struct literal (no NewTally).
type Tally struct {
	total int
	count int
}

// Dropped state update: the count stays.
func (t *Tally) Add(n int) int {
	t.total += n
	return t.total
}
