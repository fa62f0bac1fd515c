import java.util.Arrays;

/** Classic in-place sorts on int arrays. */
public class SortAlgorithms {
    static void bubbleSort(int[] a) {
        boolean swapped = true;
        int n = a.length;
        while (swapped) {
            swapped = false;
            for (int i = 1; i < n; i++) {
                if (a[i - 1] > a[i]) {
                    int t = a[i - 1];
                    a[i - 1] = a[i];
                    a[i] = t;
                    swapped = true;
                }
            }
            n--;
        }
    }

    static void insertionSort(int[] a) {
        for (int i = 1; i < a.length; i++) {
            int key = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] > key) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = key;
        }
    }

    static void mergeSort(int[] a, int lo, int hi) {
        if (hi - lo < 2) {
            return;
        }
        int mid = (lo + hi) / 2;
        mergeSort(a, lo, mid);
        mergeSort(a, mid, hi);
        int[] merged = new int[hi - lo];
        int i = lo;
        int j = mid;
        int k = 0;
        while (i < mid && j < hi) {
            if (a[i] <= a[j]) {
                merged[k++] = a[i++];
            } else {
                merged[k++] = a[j++];
            }
        }
        while (i < mid) {
            merged[k++] = a[i++];
        }
        while (j < hi) {
            merged[k++] = a[j++];
        }
        for (int m = 0; m < merged.length; m++) {
            a[lo + m] = merged[m];
        }
    }

    static int[] sample() {
        return new int[] {5, -3, 9, 0, 12, 7, -8, 3, 3, 1};
    }

    public static void main(String[] args) {
        int[] a = sample();
        bubbleSort(a);
        System.out.println("bubble:    " + Arrays.toString(a));
        int[] b = sample();
        insertionSort(b);
        System.out.println("insertion: " + Arrays.toString(b));
        int[] c = sample();
        mergeSort(c, 0, c.length);
        System.out.println("merge:     " + Arrays.toString(c));
        int[] d = sample();
        Arrays.sort(d);
        System.out.println("library:   " + Arrays.toString(d));
        int total = 0;
        int max = Integer.MIN_VALUE;
        for (int x : d) {
            total += x;
            max = Math.max(max, x);
        }
        System.out.println("sum " + total + ", max " + max);
    }
}
