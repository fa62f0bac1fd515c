package main

import "fmt"

var memo = map[int]int{}

func fib(n int) int {
	if n < 2 {
		return n
	}
	if v, ok := memo[n]; ok {
		return v
	}
	r := fib(n-1) + fib(n-2)
	memo[n] = r
	return r
}

func permutations(prefix, rest string, out []string) []string {
	if len(rest) == 0 {
		out = append(out, prefix)
		return out
	}
	for i := 0; i < len(rest); i++ {
		out = permutations(prefix+string(rest[i]), rest[:i]+rest[i+1:], out)
	}
	return out
}

func factorial(n int) int {
	if n <= 1 {
		return 1
	}
	return n * factorial(n-1)
}

func power(base, exp int) int {
	if exp == 0 {
		return 1
	}
	half := power(base, exp/2)
	if exp%2 == 0 {
		return half * half
	}
	return half * half * base
}

func main() {
	for _, n := range []int{10, 20, 30, 40} {
		fmt.Printf("fib(%d) = %d\n", n, fib(n))
	}
	perms := permutations("", "abc", []string{})
	fmt.Println(len(perms), perms)
	fmt.Println("10! =", factorial(10))
	fmt.Println("3^10 =", power(3, 10))
	fmt.Println("memo size:", len(memo))
}
