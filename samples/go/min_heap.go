package main

import "fmt"

// MinHeap is a binary heap of ints.
type MinHeap struct {
	items []int
}

func NewMinHeap() *MinHeap {
	return &MinHeap{items: []int{}}
}

func (h *MinHeap) Push(x int) {
	h.items = append(h.items, x)
	i := len(h.items) - 1
	for i > 0 {
		parent := (i - 1) / 2
		if h.items[parent] <= h.items[i] {
			break
		}
		h.items[parent], h.items[i] = h.items[i], h.items[parent]
		i = parent
	}
}

func (h *MinHeap) Pop() int {
	top := h.items[0]
	last := len(h.items) - 1
	h.items[0] = h.items[last]
	h.items = h.items[:last]
	i := 0
	for {
		smallest := i
		l, r := 2*i+1, 2*i+2
		if l < len(h.items) && h.items[l] < h.items[smallest] {
			smallest = l
		}
		if r < len(h.items) && h.items[r] < h.items[smallest] {
			smallest = r
		}
		if smallest == i {
			break
		}
		h.items[i], h.items[smallest] = h.items[smallest], h.items[i]
		i = smallest
	}
	return top
}

func (h *MinHeap) Size() int {
	return len(h.items)
}

func main() {
	h := NewMinHeap()
	for _, x := range []int{9, 4, 7, 1, 8, 2, 6} {
		h.Push(x)
	}
	fmt.Println("size:", h.Size())
	out := []int{}
	for h.Size() > 0 {
		out = append(out, h.Pop())
	}
	fmt.Println("drained:", out)
	h.Push(5)
	h.Push(3)
	fmt.Println("min now:", h.Pop(), "left:", h.Size())
}
