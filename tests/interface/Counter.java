import java.util.*;

class Counter {
    public int countEvens(List<Integer> xs) {
        int n = 0;
        for (int x : xs) {
            if (isEven(x)) {
                n++;
            }
        }
        return n;
    }

    public boolean isEven(int x) {
        return x % 2 == 0;
    }
}
