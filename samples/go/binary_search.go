package main

import (
	"fmt"
	"sort"
)

// binarySearch returns the index of target in sorted xs, or -1.
func binarySearch(xs []int, target int) int {
	lo, hi := 0, len(xs)-1
	for lo <= hi {
		mid := lo + (hi-lo)/2
		if xs[mid] == target {
			return mid
		} else if xs[mid] < target {
			lo = mid + 1
		} else {
			hi = mid - 1
		}
	}
	return -1
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func sieve(n int) []int {
	composite := make([]bool, n+1)
	primes := []int{}
	for i := 2; i <= n; i++ {
		if composite[i] {
			continue
		}
		primes = append(primes, i)
		for j := i * i; j <= n; j += i {
			composite[j] = true
		}
	}
	return primes
}

func main() {
	xs := []int{42, 7, 19, 3, 88, 23, 56, 11}
	sort.Ints(xs)
	fmt.Println("sorted:", xs)
	for _, t := range []int{19, 88, 5} {
		fmt.Printf("index of %d: %d\n", t, binarySearch(xs, t))
	}
	fmt.Println("gcd(84, 36) =", gcd(84, 36))
	fmt.Println("gcd(17, 5) =", gcd(17, 5))
	primes := sieve(50)
	fmt.Println("primes:", len(primes), primes)
	total := 0
	for _, p := range primes {
		total += p
	}
	fmt.Printf("sum of primes below 50: %d\n", total)
}
