package main

import "fmt"

const size = 3

func identity(n int) [][]int {
	m := make([][]int, n)
	for i := range m {
		m[i] = make([]int, n)
		m[i][i] = 1
	}
	return m
}

func multiply(a, b [][]int) [][]int {
	n := len(a)
	c := make([][]int, n)
	for i := 0; i < n; i++ {
		c[i] = make([]int, len(b[0]))
		for j := 0; j < len(b[0]); j++ {
			for k := 0; k < len(b); k++ {
				c[i][j] += a[i][k] * b[k][j]
			}
		}
	}
	return c
}

func transpose(m [][]int) [][]int {
	t := make([][]int, len(m[0]))
	for j := range t {
		t[j] = make([]int, len(m))
		for i := range m {
			t[j][i] = m[i][j]
		}
	}
	return t
}

func main() {
	a := [][]int{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}
	fmt.Println(multiply(a, identity(size)))
	fmt.Println(transpose(a))
	sq := multiply(a, a)
	for _, row := range sq {
		for j, v := range row {
			if j > 0 {
				fmt.Print(" ")
			}
			fmt.Printf("%4d", v)
		}
		fmt.Println()
	}
	var counts [5]int
	for _, v := range []int{1, 3, 3, 4, 1, 1, 0} {
		counts[v]++
	}
	fmt.Println(counts, len(counts))
	trace := 0
	for i := 0; i < size; i++ {
		trace += sq[i][i]
	}
	fmt.Println("trace:", trace)
}
