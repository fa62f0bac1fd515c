package main

import (
	"fmt"
	"math"
)

// Area of the triangle with sides a, b and c, or -1 where there is none.
func Area(a, b, c float64) interface{} {
	if a+b <= c || a+c <= b || b+c <= a {
		return -1
	}
	s := (a + b + c) / 2
	return math.Sqrt(s * (s - a) * (s - b) * (s - c))
}

// Cells holding x, as (row, column) pairs.
func Cells(grid [][]int, x int) [][2]int {
	out := [][2]int{}
	for i, row := range grid {
		for j, v := range row {
			if v == x {
				out = append(out, [2]int{i, j})
			}
		}
	}
	return out
}

func main() {
	fmt.Println(Area(3, 4, 5), Area(1, 1, 5))
	c := Cells([][]int{{1, 2}, {2, 1}}, 2)
	fmt.Println(len(c), c[1][0], c[1][1])
}
