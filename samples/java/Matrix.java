/** Two-dimensional arrays: multiplication, transpose, identity and a spiral walk. */
public class Matrix {
    static int[][] multiply(int[][] a, int[][] b) {
        int n = a.length;
        int m = b[0].length;
        int[][] c = new int[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                int sum = 0;
                for (int k = 0; k < b.length; k++) {
                    sum += a[i][k] * b[k][j];
                }
                c[i][j] = sum;
            }
        }
        return c;
    }

    static int[][] transpose(int[][] a) {
        int[][] t = new int[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    static void print(String title, int[][] m) {
        System.out.println(title + ":");
        for (int[] row : m) {
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < row.length; j++) {
                if (j > 0) {
                    sb.append(" ");
                }
                sb.append(String.format("%3d", row[j]));
            }
            System.out.println(sb.toString());
        }
    }

    static String spiral(int[][] m) {
        StringBuilder sb = new StringBuilder();
        int top = 0;
        int bottom = m.length - 1;
        int left = 0;
        int right = m[0].length - 1;
        while (top <= bottom && left <= right) {
            for (int j = left; j <= right; j++) {
                sb.append(m[top][j]).append(' ');
            }
            top++;
            for (int i = top; i <= bottom; i++) {
                sb.append(m[i][right]).append(' ');
            }
            right--;
            if (top <= bottom) {
                for (int j = right; j >= left; j--) {
                    sb.append(m[bottom][j]).append(' ');
                }
                bottom--;
            }
            if (left <= right) {
                for (int i = bottom; i >= top; i--) {
                    sb.append(m[i][left]).append(' ');
                }
                left++;
            }
        }
        return sb.toString().trim();
    }

    public static void main(String[] args) {
        int[][] a = {{1, 2, 3}, {4, 5, 6}};
        int[][] b = {{7, 8}, {9, 10}, {11, 12}};
        print("a x b", multiply(a, b));
        print("transpose a", transpose(a));
        int[][] id = new int[3][3];
        for (int i = 0; i < 3; i++) {
            id[i][i] = 1;
        }
        print("identity", id);
        int[][] grid = new int[4][4];
        int v = 1;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                grid[i][j] = v++;
            }
        }
        System.out.println("spiral: " + spiral(grid));
        int trace = 0;
        for (int i = 0; i < grid.length; i++) {
            trace += grid[i][i];
        }
        System.out.println("trace: " + trace);
    }
}
