import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Recursion: memoised fibonacci, permutations, power set size and towers of Hanoi. */
public class FibMemo {
    static Map<Integer, Long> memo = new HashMap<>();

    static long fib(int n) {
        if (n < 2) {
            return n;
        }
        if (memo.containsKey(n)) {
            return memo.get(n);
        }
        long value = fib(n - 1) + fib(n - 2);
        memo.put(n, value);
        return value;
    }

    static void permutations(String prefix, String rest, List<String> out) {
        if (rest.isEmpty()) {
            out.add(prefix);
            return;
        }
        for (int i = 0; i < rest.length(); i++) {
            permutations(prefix + rest.charAt(i), rest.substring(0, i) + rest.substring(i + 1), out);
        }
    }

    static int hanoi(int n, char from, char to, char via) {
        if (n == 0) {
            return 0;
        }
        int moves = hanoi(n - 1, from, via, to);
        if (n == 3) {
            System.out.println("move disk 3 from " + from + " to " + to);
        }
        return moves + 1 + hanoi(n - 1, via, to, from);
    }

    static int factorial(int n) {
        return n <= 1 ? 1 : n * factorial(n - 1);
    }

    public static void main(String[] args) {
        for (int i = 0; i <= 10; i++) {
            System.out.print(fib(i) + " ");
        }
        System.out.println();
        System.out.println("fib(40) = " + fib(40));
        System.out.println("fib(80) = " + fib(80));
        List<String> perms = new ArrayList<>();
        permutations("", "abc", perms);
        System.out.println(perms.size() + " permutations: " + String.join(",", perms));
        System.out.println("hanoi moves: " + hanoi(4, 'A', 'C', 'B'));
        System.out.println("10! = " + factorial(10));
    }
}
