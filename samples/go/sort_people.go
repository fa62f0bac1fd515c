package main

import (
	"fmt"
	"sort"
)

type Person struct {
	name string
	age  int
}

func NewPerson(name string, age int) *Person {
	return &Person{name: name, age: age}
}

func main() {
	people := []*Person{
		NewPerson("Carol", 35),
		NewPerson("alice", 30),
		NewPerson("Bob", 25),
		NewPerson("Dave", 30),
	}
	sort.SliceStable(people, func(i, j int) bool {
		return people[i].age < people[j].age
	})
	for _, p := range people {
		fmt.Printf("%s is %d\n", p.name, p.age)
	}
	sort.SliceStable(people, func(i, j int) bool {
		return people[i].name < people[j].name
	})
	names := []string{}
	for _, p := range people {
		names = append(names, p.name)
	}
	fmt.Println(names)
	nums := []int{5, 2, 9, 1, 7}
	sort.SliceStable(nums, func(i, j int) bool { return nums[i] > nums[j] })
	fmt.Println("descending:", nums)
	words := []string{"pear", "fig", "banana", "kiwi"}
	sort.Strings(words)
	fmt.Println(words)
	sort.SliceStable(words, func(i, j int) bool {
		return len(words[i]) < len(words[j])
	})
	fmt.Println(words)
	oldest := people[0]
	for _, p := range people {
		if p.age > oldest.age {
			oldest = p
		}
	}
	fmt.Println("oldest:", oldest.name)
}
