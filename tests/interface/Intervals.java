import java.util.*;

class Intervals {
    /** The overlap of two closed intervals, or [0, -1] where they do not meet. */
    static List<Integer> overlap(List<Integer> a, List<Integer> b) {
        int lo = Math.max(a.get(0), b.get(0));
        int hi = Math.min(a.get(1), b.get(1));
        if (lo > hi) {
            return Arrays.asList(0, -1);
        }
        return Arrays.asList(lo, hi);
    }

    /** How many numbers are even and how many odd, counted in a list. */
    static List<Integer> parity(List<Integer> xs) {
        List<Integer> counts = new ArrayList<>();
        counts.add(0);
        counts.add(0);
        for (int x : xs) {
            int k = x % 2 == 0 ? 0 : 1;
            counts.set(k, counts.get(k) + 1);
        }
        return counts;
    }

    /** A label for n and whether it is even. */
    static List<Object> describe(int n) {
        return Arrays.asList("n" + n, n % 2 == 0);
    }

    /** The pairs (i, i * i) for i below n. */
    static List<List<Integer>> squares(int n) {
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Arrays.asList(i, i * i));
        }
        return out;
    }

    public static void main(String[] args) {
        List<Integer> o = overlap(Arrays.asList(1, 5), Arrays.asList(3, 9));
        System.out.println(o.get(0) + " " + o.get(1));
        List<Integer> none = overlap(Arrays.asList(1, 2), Arrays.asList(4, 6));
        System.out.println(none.get(0) + " " + none.get(1));
        List<Integer> p = parity(Arrays.asList(1, 2, 3, 5, 8));
        System.out.println(p.get(0) + " " + p.get(1));
        List<Object> d = describe(7);
        System.out.println(d.get(0) + " " + d.get(1));
        List<List<Integer>> sq = squares(3);
        System.out.println(sq.size() + " " + sq.get(2).get(1));
    }
}
