import java.util.*;

class Pairs {
    /** The sum and the product of the numbers, as a two-element list. */
    static List<Integer> sumAndProduct(List<Integer> xs) {
        int sum = 0;
        int product = 1;
        for (int x : xs) {
            sum += x;
            product *= x;
        }
        return Arrays.asList(sum, product);
    }

    /** The smallest and the largest number, built up in a list. */
    static List<Integer> extremes(List<Integer> xs) {
        List<Integer> out = new ArrayList<>();
        out.add(Collections.min(xs));
        out.add(Collections.max(xs));
        return out;
    }

    /** Named with a typo: the interface spells it `count_vowels`. */
    static int countVowles(String s) {
        int n = 0;
        for (char c : s.toCharArray()) {
            if ("aeiou".indexOf(c) >= 0) {
                n++;
            }
        }
        return n;
    }

    public static void main(String[] args) {
        List<Integer> sp = sumAndProduct(Arrays.asList(2, 3, 4));
        System.out.println(sp.get(0) + " " + sp.get(1));
        List<Integer> mm = extremes(Arrays.asList(5, 1, 9, 3));
        System.out.println(mm.get(0) + " " + mm.get(1) + " " + mm.size());
        System.out.println(countVowles("interface"));
    }
}
