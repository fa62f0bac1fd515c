import java.util.*;

class Scale {
    /** The mean of the numbers. */
    static double mean(List<Double> xs) {
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        return sum / xs.size();
    }

    public static void main(String[] args) {
        System.out.println(mean(Arrays.asList(1.0, 2.0, 4.5)) > 2.4);
    }
}
