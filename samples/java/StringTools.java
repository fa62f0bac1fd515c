import java.util.ArrayList;
import java.util.List;

/** String processing: builders, splitting, joining, character arithmetic. */
public class StringTools {
    static String caesar(String text, int shift) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isUpperCase(c)) {
                sb.append((char) ('A' + (c - 'A' + shift) % 26));
            } else if (Character.isLowerCase(c)) {
                sb.append((char) ('a' + (c - 'a' + shift) % 26));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static boolean isPalindrome(String s) {
        String cleaned = "";
        for (char c : s.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                cleaned += Character.toLowerCase(c);
            }
        }
        int i = 0;
        int j = cleaned.length() - 1;
        while (i < j) {
            if (cleaned.charAt(i) != cleaned.charAt(j)) {
                return false;
            }
            i++;
            j--;
        }
        return true;
    }

    static String capitalizeWords(String line) {
        String[] words = line.split(" ");
        List<String> out = new ArrayList<>();
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            out.add(w.substring(0, 1).toUpperCase() + w.substring(1).toLowerCase());
        }
        return String.join(" ", out);
    }

    static int countVowels(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if ("aeiouAEIOU".indexOf(s.charAt(i)) >= 0) {
                n++;
            }
        }
        return n;
    }

    public static void main(String[] args) {
        String msg = "Hello, World!";
        String enc = caesar(msg, 3);
        System.out.println(enc);
        System.out.println(caesar(enc, 23));
        System.out.println(isPalindrome("A man, a plan, a canal: Panama"));
        System.out.println(isPalindrome("ferry"));
        System.out.println(capitalizeWords("the QUICK brown fOX"));
        System.out.println("vowels: " + countVowels(msg));
        String reversed = new StringBuilder(msg).reverse().toString();
        System.out.println(reversed);
        System.out.println(msg.toUpperCase() + " " + msg.toLowerCase());
        System.out.println(msg.indexOf("World") + " " + msg.contains("lo,") + " " + msg.startsWith("Hell"));
        System.out.println("[" + "  padded  ".trim() + "]" + " " + "ab".repeat(3));
        int digitSum = 0;
        for (char c : "a1b2c3d9".toCharArray()) {
            if (Character.isDigit(c)) {
                digitSum += c - '0';
            }
        }
        System.out.println("digit sum: " + digitSum);
        System.out.println(msg.replace("l", "L") + " " + msg.length());
    }
}
