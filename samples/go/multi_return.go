package main

import "fmt"

func minMax(xs []int) (int, int) {
	lo, hi := xs[0], xs[0]
	for _, x := range xs[1:] {
		if x < lo {
			lo = x
		}
		if x > hi {
			hi = x
		}
	}
	return lo, hi
}

func divMod(a, b int) (int, int) {
	return a / b, a % b
}

func split(name string) (string, string, bool) {
	for i := 0; i < len(name); i++ {
		if name[i] == ' ' {
			return name[:i], name[i+1:], true
		}
	}
	return name, "", false
}

func fibPair(n int) (int, int) {
	a, b := 0, 1
	for i := 0; i < n; i++ {
		a, b = b, a+b
	}
	return a, b
}

func main() {
	lo, hi := minMax([]int{5, -3, 12, 8, 0})
	fmt.Println("min", lo, "max", hi)
	q, r := divMod(47, 5)
	fmt.Printf("47 = 5*%d + %d\n", q, r)
	first, last, ok := split("Ada Lovelace")
	fmt.Println(first, "|", last, "|", ok)
	first, last, ok = split("Plato")
	fmt.Printf("[%s] [%s] %t\n", first, last, ok)
	a, b := fibPair(10)
	fmt.Println(a, b)
	x, y := 1, 2
	x, y = y, x
	fmt.Println(x, y)
	_, r2 := divMod(100, 7)
	fmt.Println("remainder only:", r2)
}
