"""Sorting objects with key functions and lambdas."""


class Person:
    def __init__(self, name, age, city):
        self.name = name
        self.age = age
        self.city = city

    def label(self):
        return f"{self.name} ({self.age}, {self.city})"


def oldest(people):
    best = people[0]
    for p in people:
        if p.age > best.age:
            best = p
    return best


def main():
    people = [
        Person("Grace", 45, "Arlington"),
        Person("Alan", 41, "London"),
        Person("Ada", 36, "London"),
        Person("Linus", 28, "Helsinki"),
    ]
    people.sort(key=lambda p: p.age)
    print("by age:")
    for p in people:
        print("  " + p.label())
    people.sort(key=lambda p: p.name)
    print("by name:", ", ".join([p.name for p in people]))
    by_city = sorted(people, key=lambda p: p.city, reverse=True)
    print("by city desc:", ", ".join([p.name + "@" + p.city for p in by_city]))
    print("oldest:", oldest(people).name)
    londoners = [p.name for p in people if p.city == "London"]
    print("in London:", len(londoners), londoners)
    total = 0
    for p in people:
        total += p.age
    print(f"average age: {total / len(people):.1f}")


if __name__ == "__main__":
    main()
