//! Runtime helpers, emitted as static methods of the module class only when used.

/// The source of a helper.
pub(super) fn source(name: &str) -> &'static str {
    match name {
        "ferryConcat" => {
            r"static <T> List<T> ferryConcat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
}"
        }
        "ferryMd5Hex" => {
            r#"static String ferryMd5Hex(String s, boolean ascii) {
    if (ascii && !s.chars().allMatch(c -> c < 128)) {
        throw new IllegalArgumentException("'ascii' codec can't encode " + s);
    }
    try {
        StringBuilder out = new StringBuilder();
        for (byte b : MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8))) {
            out.append(String.format("%02x", b));
        }
        return out.toString();
    } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
    }
}"#
        }
        "ferrySwapCase" => {
            r"static String ferrySwapCase(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints().forEach(c -> {
        String ch = Character.toString(c);
        out.append(Character.isUpperCase(c) ? ch.toLowerCase() : Character.isLowerCase(c) ? ch.toUpperCase() : ch);
    });
    return out.toString();
}"
        }
        "ferryRoundDigits" => {
            r"static double ferryRoundDigits(double x, long digits) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
        return x;
    }
    double r = new BigDecimal(x).setScale((int) digits, RoundingMode.HALF_EVEN).doubleValue();
    return r == 0 ? Math.copySign(0.0, x) : r;
}"
        }
        "ferryFloatOfAny" => {
            r"static double ferryFloatOfAny(Object x) {
    if (x instanceof Boolean b) {
        return b ? 1.0 : 0.0;
    }
    if (x instanceof Number n) {
        return n.doubleValue();
    }
    return Double.parseDouble(((String) x).strip());
}"
        }
        "ferryIntOfAny" => {
            r"static long ferryIntOfAny(Object x) {
    if (x instanceof Boolean b) {
        return b ? 1 : 0;
    }
    if (x instanceof Number n) {
        return n.longValue();
    }
    return Long.parseLong(((String) x).strip());
}"
        }
        "ferryBin" => {
            r#"static String ferryBin(long x) {
    return (x < 0 ? "-0b" : "0b") + Long.toString(Math.abs(x), 2);
}"#
        }
        "ferryFloorModDouble" => {
            r"static double ferryFloorModDouble(double a, double b) {
    double r = a % b;
    return r != 0 && (r < 0) != (b < 0) ? r + b : r;
}"
        }
        "ferrySliceStr" => {
            r"static String ferrySliceStr(String s, Integer start, Integer end, Integer step) {
    StringBuilder out = new StringBuilder();
    for (int i : ferrySliceIndices(s.length(), start, end, step)) {
        out.append(s.charAt(i));
    }
    return out.toString();
}"
        }
        "ferrySliceIndices" => {
            r"static List<Integer> ferrySliceIndices(int n, Integer start, Integer end, Integer step) {
    int st = step == null ? 1 : step;
    int lo = st > 0 ? 0 : -1;
    int hi = st > 0 ? n : n - 1;
    int a = start == null ? (st > 0 ? lo : hi) : start < 0 ? Math.max(start + n, lo) : Math.min(start, hi);
    int b = end == null ? (st > 0 ? hi : lo) : end < 0 ? Math.max(end + n, lo) : Math.min(end, hi);
    List<Integer> out = new ArrayList<>();
    for (int i = a; st > 0 ? i < b : i > b; i += st) {
        out.add(i);
    }
    return out;
}"
        }
        "ferrySliceList" => {
            r"static <T> List<T> ferrySliceList(List<T> xs, Integer start, Integer end, Integer step) {
    List<T> out = new ArrayList<>();
    for (int i : ferrySliceIndices(xs.size(), start, end, step)) {
        out.add(xs.get(i));
    }
    return out;
}"
        }
        "ferryGetKey" => {
            r"static <K, V> V ferryGetKey(Map<K, V> map, K key) {
    V value = map.get(key);
    if (value == null && !map.containsKey(key)) {
        throw new NoSuchElementException(String.valueOf(key));
    }
    return value;
}"
        }
        "ferryMapOf" => {
            r#"@SuppressWarnings("unchecked")
static <K, V> Map<K, V> ferryMapOf(Map<K, V> map, Object... keysAndValues) {
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
        map.put((K) keysAndValues[i], (V) keysAndValues[i + 1]);
    }
    return map;
}"#
        }
        "ferrySplit" => {
            r"static List<String> ferrySplit(String s, String sep) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    int i;
    while ((i = s.indexOf(sep, start)) >= 0) {
        parts.add(s.substring(start, i));
        start = i + sep.length();
    }
    parts.add(s.substring(start));
    return parts;
}"
        }
        "ferrySplitN" => {
            r"static List<String> ferrySplitN(String s, String sep, int n) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    int i;
    while (parts.size() < n - 1 && (i = s.indexOf(sep, start)) >= 0) {
        parts.add(s.substring(start, i));
        start = i + sep.length();
    }
    parts.add(s.substring(start));
    return parts;
}"
        }
        // Python's `str.split()` and `str.strip()` and Go's `strings.Fields` and
        // `strings.TrimSpace` work on Unicode white space (no-break space and the other separators
        // too), where Java's `\s` is ASCII only and `strip()` keeps no-break spaces. The class
        // below is Python's set; Go's lacks U+001C..U+001F alone.
        "ferryStrip" => {
            r#"static String ferryStrip(String s) {
    return s.replaceAll("^[\\s\\p{Z}\\x1c-\\x1f\\x85]+|[\\s\\p{Z}\\x1c-\\x1f\\x85]+$", "");
}"#
        }
        "ferrySplitWhitespace" => {
            r#"static List<String> ferrySplitWhitespace(String s) {
    List<String> parts = new ArrayList<>();
    for (String part : s.split("[\\s\\p{Z}\\x1c-\\x1f\\x85]+")) {
        if (!part.isEmpty()) {
            parts.add(part);
        }
    }
    return parts;
}"#
        }
        "ferryReversed" => {
            r"static <T> List<T> ferryReversed(Collection<T> xs) {
    List<T> out = new ArrayList<>(xs);
    Collections.reverse(out);
    return out;
}"
        }
        "ferryCharStrings" => {
            r"static List<String> ferryCharStrings(String s) {
    List<String> out = new ArrayList<>();
    s.codePoints().forEach(c -> out.add(Character.toString(c)));
    return out;
}"
        }
        "ferryChars" => {
            r"static List<Character> ferryChars(String s) {
    List<Character> out = new ArrayList<>();
    for (char c : s.toCharArray()) {
        out.add(c);
    }
    return out;
}"
        }
        "ferryListOf" => {
            r"static List<Integer> ferryListOf(int[] xs) {
    List<Integer> out = new ArrayList<>();
    for (int x : xs) {
        out.add(x);
    }
    return out;
}

static List<Long> ferryListOf(long[] xs) {
    List<Long> out = new ArrayList<>();
    for (long x : xs) {
        out.add(x);
    }
    return out;
}

static List<Double> ferryListOf(double[] xs) {
    List<Double> out = new ArrayList<>();
    for (double x : xs) {
        out.add(x);
    }
    return out;
}

static <T> List<T> ferryListOf(T[] xs) {
    return new ArrayList<>(Arrays.asList(xs));
}"
        }
        "ferrySorted" => {
            r"static <T extends Comparable<? super T>> List<T> ferrySorted(Collection<T> xs) {
    List<T> out = new ArrayList<>(xs);
    Collections.sort(out);
    return out;
}"
        }
        "ferrySortedBy" => {
            r"static <T, K extends Comparable<? super K>> List<T> ferrySortedBy(Collection<T> xs, Function<? super T, ? extends K> key, boolean reverse) {
    List<T> out = new ArrayList<>(xs);
    Comparator<T> order = Comparator.comparing(key);
    out.sort(reverse ? order.reversed() : order);
    return out;
}"
        }
        "ferrySortedChars" => {
            r"static List<Character> ferrySortedChars(String s) {
    List<Character> out = new ArrayList<>();
    for (char c : s.toCharArray()) {
        out.add(c);
    }
    Collections.sort(out);
    return out;
}"
        }
        "ferryReverseArray" => {
            r"static void ferryReverseArray(int[] xs) {
    for (int i = 0, j = xs.length - 1; i < j; i++, j--) {
        int t = xs[i];
        xs[i] = xs[j];
        xs[j] = t;
    }
}"
        }
        "ferryCount" => {
            r"static int ferryCount(String s, String sub) {
    int count = 0;
    for (int i = s.indexOf(sub); i >= 0 && !sub.isEmpty(); i = s.indexOf(sub, i + sub.length())) {
        count++;
    }
    return count;
}"
        }
        "ferryRange" => {
            r"static List<Integer> ferryRange(int start, int end, int step) {
    List<Integer> out = new ArrayList<>();
    for (int i = start; step > 0 ? i < end : i > end; i += step) {
        out.add(i);
    }
    return out;
}"
        }
        "ferryItems" => {
            r"static <K, V> List<FerryTuple2<K, V>> ferryItems(Map<K, V> map) {
    List<FerryTuple2<K, V>> out = new ArrayList<>();
    for (Map.Entry<K, V> e : map.entrySet()) {
        out.add(new FerryTuple2<>(e.getKey(), e.getValue()));
    }
    return out;
}"
        }
        "ferrySetOp" => {
            r"static <T> Set<T> ferrySetOp(Set<T> a, Set<T> b, int op) {
    Set<T> out = new HashSet<>(a);
    if (op == 0) {
        out.addAll(b);
    } else if (op == 1) {
        out.retainAll(b);
    } else {
        out.removeAll(b);
    }
    return out;
}"
        }
        "ferryFilled" => {
            r"static int[] ferryFilled(int n, int fill) {
    int[] out = new int[n];
    Arrays.fill(out, fill);
    return out;
}

static double[] ferryFilled(int n, double fill) {
    double[] out = new double[n];
    Arrays.fill(out, fill);
    return out;
}

static boolean[] ferryFilled(int n, boolean fill) {
    boolean[] out = new boolean[n];
    Arrays.fill(out, fill);
    return out;
}

static char[] ferryFilled(int n, char fill) {
    char[] out = new char[n];
    Arrays.fill(out, fill);
    return out;
}"
        }
        "ferryPyStr" => {
            r#"/** Renders a value as Python's str() would. */
static String ferryPyStr(Object x) {
    if (x == null) {
        return "None";
    }
    if (x instanceof Boolean b) {
        return b ? "True" : "False";
    }
    if (x instanceof Double d) {
        if (d.isInfinite()) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d.isNaN()) {
            return "nan";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e16) {
            return String.format("%.1f", d);
        }
        String s = Double.toString(d);
        if (s.contains("E")) {
            return new java.math.BigDecimal(s).stripTrailingZeros().toString().replace("E", "e");
        }
        return s;
    }
    if (x instanceof int[] a) {
        return ferryPyStr(Arrays.stream(a).boxed().toList());
    }
    if (x instanceof long[] a) {
        return ferryPyStr(Arrays.stream(a).boxed().toList());
    }
    if (x instanceof double[] a) {
        return ferryPyStr(Arrays.stream(a).boxed().toList());
    }
    if (x instanceof Object[] a) {
        return ferryPyStr(Arrays.asList(a));
    }
    if (x instanceof Collection<?> c) {
        StringBuilder out = new StringBuilder();
        boolean isSet = x instanceof Set;
        if (isSet && c.isEmpty()) {
            return "set()";
        }
        out.append(isSet ? "{" : "[");
        boolean first = true;
        for (Object e : c) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            out.append(ferryPyRepr(e));
        }
        return out.append(isSet ? "}" : "]").toString();
    }
    if (x instanceof Map<?, ?> m) {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            out.append(ferryPyRepr(e.getKey())).append(": ").append(ferryPyRepr(e.getValue()));
        }
        return out.append("}").toString();
    }
    if (x instanceof Record r) {
        String s = r.toString();
        StringBuilder out = new StringBuilder("(");
        Object[] parts = ferryRecordParts(r);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(ferryPyRepr(parts[i]));
        }
        return parts.length == 1 ? out.append(",)").toString() : s.isEmpty() ? s : out.append(")").toString();
    }
    return String.valueOf(x);
}

static String ferryPyRepr(Object x) {
    if (x instanceof String s) {
        return s.contains("'") && !s.contains("\"") ? "\"" + s + "\"" : "'" + s.replace("'", "\\'") + "'";
    }
    if (x instanceof Character c) {
        return "'" + c + "'";
    }
    return ferryPyStr(x);
}

static Object[] ferryRecordParts(Record r) {
    var components = r.getClass().getRecordComponents();
    Object[] out = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
        try {
            out[i] = components[i].getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            out[i] = null;
        }
    }
    return out;
}"#
        }
        "ferryGoStr" => {
            r#"/** Renders a value as Go's fmt %v would. */
static String ferryGoStr(Object x) {
    if (x == null) {
        return "<nil>";
    }
    if (x instanceof Double d) {
        if (d.isInfinite()) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e21) {
            return new java.math.BigDecimal(d).toPlainString();
        }
        double a = Math.abs(d);
        if (a < 1e-4 || a >= 1e21) {
            String s = new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toString();
            s = s.replace("E", "e");
            int e = s.indexOf('e');
            String mant = s.substring(0, e);
            String exp = s.substring(e + 1);
            String sign = exp.startsWith("-") ? "-" : "+";
            exp = exp.replace("-", "").replace("+", "");
            if (exp.length() < 2) {
                exp = "0" + exp;
            }
            return mant + "e" + sign + exp;
        }
        return new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
    if (x instanceof Collection<?> c) {
        StringBuilder out = new StringBuilder("[");
        boolean first = true;
        for (Object e : c) {
            if (!first) {
                out.append(" ");
            }
            first = false;
            out.append(ferryGoStr(e));
        }
        return out.append("]").toString();
    }
    if (x instanceof int[] a) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) {
            out.append(i > 0 ? " " : "").append(a[i]);
        }
        return out.append("]").toString();
    }
    if (x instanceof Map<?, ?> m) {
        List<String> parts = new ArrayList<>();
        List<Object> keys = new ArrayList<>(m.keySet());
        keys.sort(null);
        for (Object k : keys) {
            parts.add(ferryGoStr(k) + ":" + ferryGoStr(m.get(k)));
        }
        return "map[" + String.join(" ", parts) + "]";
    }
    return String.valueOf(x);
}"#
        }
        _ => "",
    }
}

/// The imports a helper needs.
pub(super) fn imports(name: &str) -> &'static [&'static str] {
    match name {
        "ferrySliceStr"
        | "ferrySliceList"
        | "ferrySliceIndices"
        | "ferrySplit"
        | "ferrySplitN"
        | "ferrySplitWhitespace"
        | "ferryChars"
        | "ferryCharStrings"
        | "ferryConcat"
        | "ferryRange" => &["java.util.ArrayList", "java.util.List"],
        "ferryMapOf" => &["java.util.Map"],
        "ferryMd5Hex" => &[
            "java.nio.charset.StandardCharsets",
            "java.security.MessageDigest",
            "java.security.NoSuchAlgorithmException",
        ],
        "ferryGetKey" => &["java.util.Map", "java.util.NoSuchElementException"],
        "ferryRoundDigits" => &["java.math.BigDecimal", "java.math.RoundingMode"],
        "ferrySortedChars" => &[
            "java.util.ArrayList",
            "java.util.Collections",
            "java.util.List",
        ],
        "ferrySortedBy" => &[
            "java.util.ArrayList",
            "java.util.Collection",
            "java.util.Comparator",
            "java.util.List",
            "java.util.function.Function",
        ],
        "ferryReversed" | "ferrySorted" => &[
            "java.util.ArrayList",
            "java.util.Collection",
            "java.util.Collections",
            "java.util.List",
        ],
        "ferryListOf" => &["java.util.ArrayList", "java.util.Arrays", "java.util.List"],
        "ferryItems" => &["java.util.ArrayList", "java.util.List", "java.util.Map"],
        "ferrySetOp" => &["java.util.HashSet", "java.util.Set"],
        "ferryFilled" => &["java.util.Arrays"],
        "ferryPyStr" => &[
            "java.util.Arrays",
            "java.util.Collection",
            "java.util.Map",
            "java.util.Set",
        ],
        "ferryGoStr" => &[
            "java.util.ArrayList",
            "java.util.Collection",
            "java.util.List",
            "java.util.Map",
        ],
        _ => &[],
    }
}
