import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** Sorting objects with lambdas as comparators and keys. */
public class SortPeople {
    static class Person {
        String name;
        int age;

        Person(String name, int age) {
            this.name = name;
            this.age = age;
        }

        String label() {
            return name + "(" + age + ")";
        }
    }

    static String show(List<Person> people) {
        StringBuilder sb = new StringBuilder();
        for (Person p : people) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(p.label());
        }
        return sb.toString();
    }

    public static void main(String[] args) {
        List<Person> people = new ArrayList<>();
        people.add(new Person("Zoe", 31));
        people.add(new Person("Adam", 25));
        people.add(new Person("Mia", 31));
        people.add(new Person("Bob", 19));
        people.add(new Person("Eve", 25));

        people.sort(Comparator.comparingInt(p -> p.age));
        System.out.println("by age: " + show(people));

        people.sort((a, b) -> a.name.compareTo(b.name));
        System.out.println("by name: " + show(people));

        Collections.sort(people, (a, b) -> {
            if (a.age != b.age) {
                return b.age - a.age;
            }
            return a.name.compareTo(b.name);
        });
        System.out.println("by age desc, name: " + show(people));

        people.sort(Comparator.comparing(p -> p.name.length()));
        System.out.println("by name length: " + show(people));

        List<String> words = new ArrayList<>(List.of("banana", "kiwi", "apple", "fig"));
        words.sort((a, b) -> a.length() - b.length());
        System.out.println(String.join(" ", words));
        Collections.sort(words);
        System.out.println(String.join(" ", words));

        int oldest = 0;
        for (Person p : people) {
            oldest = Math.max(oldest, p.age);
        }
        System.out.println("oldest: " + oldest);
    }
}
