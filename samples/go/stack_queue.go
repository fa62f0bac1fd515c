package main

import (
	"fmt"
	"strings"
)

func balanced(s string) bool {
	stack := []rune{}
	pairs := map[rune]rune{')': '(', ']': '[', '}': '{'}
	for _, c := range s {
		switch c {
		case '(', '[', '{':
			stack = append(stack, c)
		case ')', ']', '}':
			if len(stack) == 0 || stack[len(stack)-1] != pairs[c] {
				return false
			}
			stack = stack[:len(stack)-1]
		}
	}
	return len(stack) == 0
}

func evalRPN(expr string) int {
	var stack []int
	for _, tok := range strings.Fields(expr) {
		if tok == "+" || tok == "-" || tok == "*" {
			b := stack[len(stack)-1]
			a := stack[len(stack)-2]
			stack = stack[:len(stack)-2]
			switch tok {
			case "+":
				stack = append(stack, a+b)
			case "-":
				stack = append(stack, a-b)
			case "*":
				stack = append(stack, a*b)
			}
		} else {
			n := 0
			for _, d := range tok {
				n = n*10 + int(d-'0')
			}
			stack = append(stack, n)
		}
	}
	return stack[0]
}

func bfs(adj map[int][]int, start int) []int {
	visited := map[int]bool{start: true}
	queue := []int{start}
	order := []int{}
	for len(queue) > 0 {
		node := queue[0]
		queue = queue[1:]
		order = append(order, node)
		for _, next := range adj[node] {
			if !visited[next] {
				visited[next] = true
				queue = append(queue, next)
			}
		}
	}
	return order
}

func main() {
	for _, s := range []string{"([]{})", "([)]", "((", ""} {
		fmt.Printf("[%s] balanced: %v\n", s, balanced(s))
	}
	fmt.Println(evalRPN("3 4 + 2 *"), evalRPN("5 1 2 + 4 * + 3 -"))
	adj := map[int][]int{1: {2, 3}, 2: {4}, 3: {4, 5}, 4: {6}, 5: {6}, 6: {}}
	fmt.Println("bfs:", bfs(adj, 1))
}
