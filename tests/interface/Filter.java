import java.util.*;

class Filter {
    /** The integers among the values, as the values they were. */
    static List<Object> intsOnly(List<Object> values) {
        List<Object> out = new ArrayList<>();
        for (Object v : values) {
            if (v instanceof Integer) {
                out.add(v);
            }
        }
        return out;
    }

    public static void main(String[] args) {
        List<Object> found = intsOnly(Arrays.asList(1, "a", 2.5, 3));
        System.out.println(found.size() + " " + found.get(1));
    }
}
