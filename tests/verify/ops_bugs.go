// A hand-written Go translation of ops.py with one seeded bug per function (see tests/verify.rs);
// countPositive and wordLengths are correct.
package main

import (
	"fmt"
	"unicode/utf8"
)

// Off by one: `<=` where the original stops before k.
func prefixSum(xs []int, k int) int {
	total := 0
	for i := 0; i <= k && i < len(xs); i++ {
		total += xs[i]
	}
	return total
}

// Truncating division where Python's // floors.
func floorHalf(a int, b int) int {
	return a / b
}

// Wrong operator.
func diff(a int, b int) int {
	return a + b
}

// Swapped comparison: finds the smallest.
func largest(xs []int) int {
	best := xs[0]
	for _, x := range xs {
		if x < best {
			best = x
		}
	}
	return best
}

// Never returns.
func successor(n int) int {
	for {
		n++
	}
}

// Indexes bytes where Python indexes code points.
func lastChar(s string) string {
	if len(s) == 0 {
		return ""
	}
	return string(rune(s[len(s)-1]))
}

// Dropped statement: the negation is missing.
func absolute(n int) int {
	return n
}

func countPositive(xs []int) int {
	count := 0
	for _, x := range xs {
		if x > 0 {
			count++
		}
	}
	return count
}

func wordLengths(words []string) map[string]int {
	lengths := map[string]int{}
	for _, w := range words {
		lengths[w] = utf8.RuneCountInString(w)
	}
	return lengths
}

func main() {
	fmt.Println(prefixSum([]int{1, 2, 3}, 2), floorHalf(-7, 2), diff(5, 3), largest([]int{3, 9, 2}))
}
