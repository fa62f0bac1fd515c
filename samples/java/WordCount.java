import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collections: counting words with a map, deduplicating with a set. */
public class WordCount {
    static Map<String, Integer> countWords(String text) {
        Map<String, Integer> counts = new HashMap<>();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            String w = word.toLowerCase();
            counts.put(w, counts.getOrDefault(w, 0) + 1);
        }
        return counts;
    }

    public static void main(String[] args) {
        String text = "the cat and the dog and the bird";
        Map<String, Integer> counts = countWords(text);
        List<String> keys = new ArrayList<>(counts.keySet());
        Collections.sort(keys);
        for (String k : keys) {
            System.out.println(k + ": " + counts.get(k));
        }
        System.out.println("distinct: " + counts.size());
        System.out.println("has cat: " + counts.containsKey("cat") + ", has cow: " + counts.containsKey("cow"));

        Set<Integer> seen = new HashSet<>();
        List<Integer> dups = new ArrayList<>();
        int[] numbers = {4, 8, 15, 16, 23, 42, 8, 15, 4};
        for (int n : numbers) {
            if (seen.contains(n)) {
                dups.add(n);
            } else {
                seen.add(n);
            }
        }
        System.out.println("unique count: " + seen.size() + ", duplicates: " + dups);

        List<Integer> evens = new ArrayList<>();
        for (int n : numbers) {
            if (n % 2 == 0 && !evens.contains(n)) {
                evens.add(n);
            }
        }
        Collections.sort(evens);
        System.out.println("evens sorted: " + evens);
        Collections.reverse(evens);
        System.out.println("reversed: " + evens + " first=" + evens.get(0) + " max=" + Collections.max(evens));
        evens.remove(0);
        evens.set(0, 99);
        System.out.println("edited: " + evens + " size " + evens.size());

        Map<Character, Integer> letters = new HashMap<>();
        for (char c : "mississippi".toCharArray()) {
            letters.merge(c, 1, Integer::sum);
        }
        List<Character> ls = new ArrayList<>(letters.keySet());
        Collections.sort(ls);
        StringBuilder sb = new StringBuilder();
        for (char c : ls) {
            sb.append(c).append('=').append(letters.get(c)).append(' ');
        }
        System.out.println(sb.toString().trim());
    }
}
