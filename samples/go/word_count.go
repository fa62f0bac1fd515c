package main

import (
	"fmt"
	"sort"
	"strings"
)

func countWords(text string) map[string]int {
	counts := make(map[string]int)
	for _, w := range strings.Fields(strings.ToLower(text)) {
		counts[w]++
	}
	return counts
}

func main() {
	text := "the cat and the dog and the bird saw a cat"
	counts := countWords(text)
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%-5s %d\n", k, counts[k])
	}
	if n, ok := counts["dog"]; ok {
		fmt.Println("dog appears", n, "time(s)")
	}
	if _, ok := counts["fish"]; !ok {
		fmt.Println("no fish")
	}
	delete(counts, "the")
	fmt.Println("distinct words without 'the':", len(counts))

	seen := make(map[string]bool)
	var unique []string
	for _, w := range strings.Fields(text) {
		if !seen[w] {
			seen[w] = true
			unique = append(unique, w)
		}
	}
	fmt.Println("first occurrences:", strings.Join(unique, ","))
	fmt.Println("has cat:", seen["cat"], "has cow:", seen["cow"])

	lengths := map[int][]string{}
	for _, w := range unique {
		lengths[len(w)] = append(lengths[len(w)], w)
	}
	sizes := []int{}
	for n := range lengths {
		sizes = append(sizes, n)
	}
	sort.Ints(sizes)
	for _, n := range sizes {
		fmt.Println(n, lengths[n])
	}
}
