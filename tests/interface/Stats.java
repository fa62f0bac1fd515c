import java.util.*;

public class Stats {
    static int countEvens(List<Integer> xs) {
        int n = 0;
        for (int x : xs) {
            if (x % 2 == 0) {
                n++;
            }
        }
        return n;
    }

    public static void main(String[] args) {
        System.out.println(countEvens(List.of(1, 2, 4, 7)));
    }
}
