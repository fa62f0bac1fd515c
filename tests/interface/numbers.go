package main

import (
	"fmt"
	"math"
)

// Poly evaluates the polynomial with integer coefficients xs at x.
func Poly(xs []int, x float64) float64 {
	sum := 0.0
	for i, c := range xs {
		sum += float64(c) * math.Pow(x, float64(i))
	}
	return sum
}

// Widen moves both bounds of an interval out by one.
func Widen(iv [2]int) [2]int {
	return [2]int{iv[0] - 1, iv[1] + 1}
}

// SumWhole adds up the numbers that are whole.
func SumWhole(xs []float64) int {
	total := 0
	for _, x := range xs {
		if x == float64(int(x)) {
			total += int(x)
		}
	}
	return total
}

func main() {
	fmt.Println(Poly([]int{1, 2, 3}, 2.0) == 17.0)
	w := Widen([2]int{3, 5})
	fmt.Println(w[0], w[1])
	fmt.Println(SumWhole([]float64{1.0, 2.5, 3.0}))
}
