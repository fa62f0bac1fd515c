package main

import "fmt"

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func digits(n int) []int {
	n = abs(n)
	if n == 0 {
		return []int{0}
	}
	var ds []int
	for n > 0 {
		ds = append(ds, n%10)
		n /= 10
	}
	for i, j := 0, len(ds)-1; i < j; i, j = i+1, j-1 {
		ds[i], ds[j] = ds[j], ds[i]
	}
	return ds
}

func main() {
	pairs := [][2]int{{7, 2}, {-7, 2}, {7, -2}, {-7, -2}}
	for _, p := range pairs {
		a, b := p[0], p[1]
		fmt.Printf("%d / %d = %d, %d %% %d = %d, floor = %d\n", a, b, a/b, a, b, a%b, floorDiv(a, b))
	}
	fmt.Println(digits(9051), digits(-42), digits(0))
	x := 0b1011
	fmt.Println(x&6, x|4, x^5, x<<2, x>>1, ^x)
	fmt.Printf("hex %x, padded [%5d], left [%-4d]\n", 255, 42, 7)
	f := 10.0 / 4
	fmt.Printf("%.3f %d\n", f, int(f))
	c := 'A' + 2
	fmt.Printf("%c %d\n", c, int(c))
	sum := 0
	for i := 1; i <= 100; i++ {
		if i%3 == 0 || i%5 == 0 {
			sum += i
		}
	}
	fmt.Println("sum of multiples:", sum)
	k := 17
	k %= 5
	k *= 3
	k -= 1
	fmt.Println("k =", k, -k/4, -k%4)
}
