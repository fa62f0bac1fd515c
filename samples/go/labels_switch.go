package main

import "fmt"

func dayKind(day string) string {
	switch day {
	case "sat", "sun":
		return "weekend"
	case "mon":
		return "start"
	default:
		return "weekday"
	}
}

func grade(score int) string {
	switch {
	case score >= 90:
		return "A"
	case score >= 80:
		return "B"
	case score >= 70:
		return "C"
	}
	return "F"
}

func monthDays(m int) int {
	days := 31
	switch m {
	case 2:
		days = 28
	case 4, 6, 9, 11:
		days = 30
	}
	return days
}

func main() {
	for _, d := range []string{"sat", "mon", "wed"} {
		fmt.Println(d, dayKind(d))
	}
	for _, s := range []int{95, 85, 72, 40} {
		fmt.Print(grade(s), " ")
	}
	fmt.Println()
	total := 0
	for m := 1; m <= 12; m++ {
		total += monthDays(m)
	}
	fmt.Println("days in year:", total)

	grid := [][]int{{1, 2, 3}, {4, -5, 6}, {7, 8, 9}}
	found := false
outer:
	for i, row := range grid {
		for j, v := range row {
			if v < 0 {
				fmt.Printf("negative at (%d, %d)\n", i, j)
				found = true
				break outer
			}
		}
	}
	fmt.Println("found:", found)

	count := 0
rows:
	for i := 0; i < 5; i++ {
		for j := 0; j < 5; j++ {
			if j > i {
				continue rows
			}
			if (i+j)%3 == 0 {
				continue
			}
			count++
		}
	}
	fmt.Println("count:", count)
	n := 27
	steps := 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		steps++
	}
	fmt.Println("collatz steps:", steps)
}
