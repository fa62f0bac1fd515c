package main

import (
	"errors"
	"fmt"
)

type Account struct {
	owner   string
	balance int
	history []string
}

func NewAccount(owner string, initial int) *Account {
	return &Account{owner: owner, balance: initial, history: []string{}}
}

func (a *Account) Deposit(amount int) {
	a.balance += amount
	a.history = append(a.history, fmt.Sprintf("+%d", amount))
}

func (a *Account) Withdraw(amount int) error {
	if amount > a.balance {
		return errors.New("insufficient funds")
	}
	a.balance -= amount
	a.history = append(a.history, fmt.Sprintf("-%d", amount))
	return nil
}

func parseAmount(s string) (int, error) {
	n := 0
	if len(s) == 0 {
		return 0, errors.New("empty amount")
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, fmt.Errorf("bad digit in %s", s)
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, nil
}

func safeGet(xs []int, i int) (v int) {
	defer func() {
		if r := recover(); r != nil {
			v = -1
		}
	}()
	return xs[i]
}

func main() {
	acc := NewAccount("ada", 100)
	acc.Deposit(50)
	if err := acc.Withdraw(500); err != nil {
		fmt.Println("error:", err)
	}
	if err := acc.Withdraw(30); err != nil {
		fmt.Println("error:", err)
	}
	fmt.Println(acc.owner, acc.balance, acc.history)
	for _, s := range []string{"120", "12x", ""} {
		n, err := parseAmount(s)
		if err != nil {
			fmt.Println("parse failed:", err)
			continue
		}
		fmt.Println("parsed", n)
	}
	xs := []int{10, 20, 30}
	fmt.Println(safeGet(xs, 1), safeGet(xs, 5))
}
