package main

import (
	"fmt"
	"math"
)

// Shape is anything with an area and a name.
type Shape interface {
	Area() float64
	Name() string
}

type Rect struct {
	width  float64
	height float64
}

func NewRect(width, height float64) *Rect {
	return &Rect{width: width, height: height}
}

func (r *Rect) Area() float64 {
	return r.width * r.height
}

func (r *Rect) Name() string {
	return "rect"
}

type Circle struct {
	radius float64
}

func NewCircle(radius float64) *Circle {
	return &Circle{radius: radius}
}

func (c *Circle) Area() float64 {
	return math.Pi * c.radius * c.radius
}

func (c *Circle) Name() string {
	return "circle"
}

func describe(s Shape) string {
	return fmt.Sprintf("%s with area %.2f", s.Name(), s.Area())
}

func totalArea(shapes []Shape) float64 {
	total := 0.0
	for _, s := range shapes {
		total += s.Area()
	}
	return total
}

func main() {
	shapes := []Shape{NewRect(3, 4), NewCircle(1.5), NewRect(2.5, 2), NewCircle(0.5)}
	for _, s := range shapes {
		fmt.Println(describe(s))
	}
	fmt.Printf("total area: %.2f\n", totalArea(shapes))
	largest := shapes[0]
	for _, s := range shapes[1:] {
		if s.Area() > largest.Area() {
			largest = s
		}
	}
	fmt.Println("largest:", largest.Name())
	fmt.Printf("sqrt(2) = %.4f\n", math.Sqrt(2))
}
