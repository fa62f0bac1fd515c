/** Searching and number theory: binary search, gcd, lcm and a prime sieve. */
public class BinarySearch {
    /** Returns the index of target in the sorted array, or -1. */
    static int binarySearch(int[] sorted, int target) {
        int lo = 0;
        int hi = sorted.length - 1;
        while (lo <= hi) {
            int mid = lo + (hi - lo) / 2;
            if (sorted[mid] == target) {
                return mid;
            } else if (sorted[mid] < target) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return Math.abs(a);
    }

    static int lcm(int a, int b) {
        return a / gcd(a, b) * b;
    }

    static boolean isPrime(int n) {
        if (n < 2) {
            return false;
        }
        for (int i = 2; i * i <= n; i++) {
            if (n % i == 0) {
                return false;
            }
        }
        return true;
    }

    static int countPrimes(int limit) {
        boolean[] composite = new boolean[limit + 1];
        int count = 0;
        for (int i = 2; i <= limit; i++) {
            if (!composite[i]) {
                count++;
                for (int j = i * i; j <= limit; j += i) {
                    composite[j] = true;
                }
            }
        }
        return count;
    }

    public static void main(String[] args) {
        int[] data = {1, 3, 5, 7, 9, 11, 13, 17, 19, 23};
        for (int target : new int[] {1, 7, 23, 4, 30}) {
            System.out.println("search " + target + " -> " + binarySearch(data, target));
        }
        System.out.println("gcd(84, 36) = " + gcd(84, 36));
        System.out.println("gcd(-12, 18) = " + gcd(-12, 18));
        System.out.println("lcm(4, 6) = " + lcm(4, 6));
        StringBuilder primes = new StringBuilder();
        for (int n = 1; n <= 30; n++) {
            if (isPrime(n)) {
                if (primes.length() > 0) {
                    primes.append(",");
                }
                primes.append(n);
            }
        }
        System.out.println("primes: " + primes.toString());
        System.out.println("primes below 1000: " + countPrimes(1000));
    }
}
