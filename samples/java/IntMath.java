/** Integer arithmetic: truncating division and remainder with negatives, bits, longs. */
public class IntMath {
    static final int BASE = 7;

    static int digitSum(int n) {
        n = Math.abs(n);
        int s = 0;
        while (n > 0) {
            s += n % 10;
            n /= 10;
        }
        return s;
    }

    static String toBase(int n, int base) {
        if (n == 0) {
            return "0";
        }
        String digits = "";
        boolean negative = n < 0;
        n = Math.abs(n);
        while (n > 0) {
            digits = (n % base) + digits;
            n = n / base;
        }
        return negative ? "-" + digits : digits;
    }

    static long power(long base, int exp) {
        long result = 1;
        while (exp > 0) {
            if ((exp & 1) == 1) {
                result *= base;
            }
            base *= base;
            exp >>= 1;
        }
        return result;
    }

    public static void main(String[] args) {
        int[][] pairs = {{7, 2}, {-7, 2}, {7, -2}, {-7, -2}};
        for (int[] p : pairs) {
            int a = p[0];
            int b = p[1];
            System.out.println(a + " / " + b + " = " + (a / b) + ", " + a + " % " + b + " = " + (a % b));
        }
        System.out.println("digit sum " + digitSum(-98765));
        System.out.println(toBase(100, BASE) + " " + toBase(-100, 2) + " " + toBase(255, 16 - 8));
        int x = 0b1011;
        System.out.println((x & 6) + " " + (x | 4) + " " + (x ^ 5) + " " + (x << 3) + " " + (x >> 1) + " " + ~x);
        System.out.println((-17 >> 2) + " " + (-17 / 4) + " " + (-17 % 4));
        System.out.println("2^40 = " + power(2, 40));
        long big = 3_000_000_000L;
        System.out.println("big / 7 = " + big / 7 + ", big % 7 = " + big % 7);
        double avg = (double) (3 + 4 + 6) / 3;
        System.out.printf("avg %.3f, truncated %d%n", avg, (int) avg);
        char c = 'a';
        c += 2;
        int code = c;
        System.out.println(c + " " + code + " " + (char) (code + 1));
        int i = 5;
        int j = i++ + ++i;
        System.out.println("i=" + i + " j=" + j);
        System.out.println(Integer.MAX_VALUE + " " + Math.max(-3, -9) + " " + Math.min(4, 2));
    }
}
