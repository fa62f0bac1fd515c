package main

import (
	"fmt"
	"strings"
)

func isPalindrome(s string) bool {
	i, j := 0, len(s)-1
	for i < j {
		if s[i] != s[j] {
			return false
		}
		i++
		j--
	}
	return true
}

func caesar(s string, shift int) string {
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' {
			sb.WriteByte(byte('a' + (int(c-'a')+shift)%26))
		} else {
			sb.WriteByte(c)
		}
	}
	return sb.String()
}

func digitSum(s string) int {
	sum := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			sum += int(s[i] - '0')
		}
	}
	return sum
}

func capitalizeWords(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + strings.ToLower(w[1:])
	}
	return strings.Join(words, " ")
}

func main() {
	for _, w := range []string{"racecar", "level", "golang", "noon"} {
		fmt.Println(w, isPalindrome(w))
	}
	fmt.Println(caesar("hello, world", 3))
	fmt.Println(caesar(caesar("attack at dawn", 5), 21))
	fmt.Println("digit sum:", digitSum("a1b2c3d4"))
	fmt.Println(capitalizeWords("the QUICK brown   fox"))
	csv := "alpha,beta,,gamma"
	parts := strings.Split(csv, ",")
	fmt.Println(len(parts), strings.Join(parts, "|"))
	line := "  padded text  "
	fmt.Printf("[%s]\n", strings.TrimSpace(line))
	fmt.Println(strings.Contains(csv, "beta"), strings.Index(csv, "gamma"), strings.HasPrefix(csv, "al"))
	fmt.Println(strings.Repeat("ab", 3), strings.Replace("a-b-c", "-", "+", -1))
	var sb strings.Builder
	for i := 0; i < 5; i++ {
		sb.WriteString(fmt.Sprintf("%d;", i*i))
	}
	fmt.Println(sb.String())
}
