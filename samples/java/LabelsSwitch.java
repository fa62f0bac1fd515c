/** Control flow: labelled loops, switch on ints and strings, do-while. */
public class LabelsSwitch {
    static String dayName(int day) {
        switch (day) {
            case 1:
                return "Monday";
            case 2:
                return "Tuesday";
            case 6:
            case 7:
                return "Weekend";
            default:
                return "Midweek";
        }
    }

    static int score(String grade) {
        int points;
        switch (grade) {
            case "A":
                points = 4;
                break;
            case "B":
                points = 3;
                break;
            case "C":
                points = 2;
                break;
            default:
                points = 0;
        }
        return points;
    }

    public static void main(String[] args) {
        for (int d = 1; d <= 7; d++) {
            System.out.print(dayName(d) + (d < 7 ? " " : "\n"));
        }
        int total = 0;
        for (String g : new String[] {"A", "B", "C", "F", "A"}) {
            total += score(g);
        }
        System.out.println("total points: " + total);

        int found = -1;
        outer:
        for (int i = 2; i < 10; i++) {
            for (int j = 2; j < 10; j++) {
                if (i * j == 42) {
                    found = i * 100 + j;
                    break outer;
                }
            }
        }
        System.out.println("found: " + found);

        StringBuilder sb = new StringBuilder();
        rows:
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                if (j > i) {
                    continue rows;
                }
                if ((i + j) % 3 == 0) {
                    continue;
                }
                sb.append(i).append(j).append(' ');
            }
        }
        System.out.println(sb.toString().trim());

        int n = 1;
        int steps = 0;
        do {
            n *= 3;
            steps++;
        } while (n < 500);
        System.out.println("n=" + n + " steps=" + steps);

        int countdown = 0;
        do {
            countdown--;
        } while (countdown > 0);
        System.out.println("countdown " + countdown);

        int x = 27;
        int collatz = 0;
        while (x != 1) {
            x = x % 2 == 0 ? x / 2 : 3 * x + 1;
            collatz++;
        }
        System.out.println("collatz(27) steps: " + collatz);
    }
}
