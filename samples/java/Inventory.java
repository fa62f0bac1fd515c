import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An inventory with static counters, map entries, ternaries and early exits. */
public class Inventory {
    static class Item {
        static int created = 0;
        final String name;
        final int price;
        int quantity;

        Item(String name, int price, int quantity) {
            this.name = name;
            this.price = price;
            this.quantity = quantity;
            created++;
        }

        int value() {
            return price * quantity;
        }

        boolean inStock() {
            return quantity > 0;
        }
    }

    static Map<String, Item> stock = new HashMap<>();

    static void add(String name, int price, int quantity) {
        stock.put(name, new Item(name, price, quantity));
    }

    static boolean sell(String name, int amount) {
        Item item = stock.get(name);
        if (item == null || item.quantity < amount) {
            return false;
        }
        item.quantity -= amount;
        return true;
    }

    static int totalValue() {
        int total = 0;
        for (Map.Entry<String, Item> e : stock.entrySet()) {
            total += e.getValue().value();
        }
        return total;
    }

    static String mostValuable() {
        String best = "";
        int bestValue = -1;
        for (Map.Entry<String, Item> e : stock.entrySet()) {
            int v = e.getValue().value();
            if (v > bestValue || v == bestValue && e.getKey().compareTo(best) < 0) {
                bestValue = v;
                best = e.getKey();
            }
        }
        return best;
    }

    public static void main(String[] args) {
        add("widget", 250, 10);
        add("gadget", 1399, 3);
        add("doohickey", 75, 0);
        add("gizmo", 500, 7);
        System.out.println("items created: " + Item.created);
        System.out.println("total value: " + totalValue());
        System.out.println("sell 4 widgets: " + sell("widget", 4));
        System.out.println("sell 9 gizmos: " + sell("gizmo", 9));
        System.out.println("sell a sprocket: " + sell("sprocket", 1));
        System.out.println("most valuable: " + mostValuable());
        List<String> names = new ArrayList<>(stock.keySet());
        names.sort((a, b) -> a.compareTo(b));
        for (String n : names) {
            Item it = stock.get(n);
            String status = it.inStock() ? "in stock" : "sold out";
            System.out.printf("%-10s %5d x %2d  %s%n", n, it.price, it.quantity, status);
        }
        int restocks = 0;
        while (true) {
            Item d = stock.get("doohickey");
            d.quantity += 4;
            restocks++;
            if (d.quantity >= 10) {
                break;
            }
        }
        System.out.println("restocked " + restocks + " times, value " + totalValue());
        long cents = Math.round(totalValue() * 1.1);
        System.out.println("with tax: " + cents / 100 + "." + cents % 100);
    }
}
