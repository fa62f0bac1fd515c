import java.util.ArrayDeque;
import java.util.Deque;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Stack;

/** Stacks, queues and priority queues. */
public class StackQueue {
    /** Checks that brackets are balanced using a stack. */
    static boolean balanced(String s) {
        Deque<Character> stack = new ArrayDeque<>();
        for (char c : s.toCharArray()) {
            if (c == '(' || c == '[' || c == '{') {
                stack.push(c);
            } else if (c == ')' || c == ']' || c == '}') {
                if (stack.isEmpty()) {
                    return false;
                }
                char open = stack.pop();
                if (c == ')' && open != '(' || c == ']' && open != '[' || c == '}' && open != '{') {
                    return false;
                }
            }
        }
        return stack.isEmpty();
    }

    static int evalRpn(String expr) {
        Stack<Integer> st = new Stack<>();
        for (String tok : expr.split(" ")) {
            switch (tok) {
                case "+" -> st.push(st.pop() + st.pop());
                case "*" -> st.push(st.pop() * st.pop());
                case "-" -> {
                    int b = st.pop();
                    int a = st.pop();
                    st.push(a - b);
                }
                default -> st.push(Integer.parseInt(tok));
            }
        }
        return st.pop();
    }

    public static void main(String[] args) {
        System.out.println(balanced("{[()()]}") + " " + balanced("([)]") + " " + balanced("(("));
        System.out.println("rpn: " + evalRpn("3 4 + 2 * 7 -"));

        Queue<String> queue = new ArrayDeque<>();
        queue.offer("alice");
        queue.offer("bob");
        queue.offer("carol");
        System.out.println("serving " + queue.poll() + ", next " + queue.peek() + ", waiting " + queue.size());

        Deque<Integer> dq = new ArrayDeque<>();
        for (int i = 1; i <= 5; i++) {
            if (i % 2 == 0) {
                dq.addFirst(i);
            } else {
                dq.addLast(i);
            }
        }
        System.out.println("front " + dq.peekFirst() + " back " + dq.peekLast());
        StringBuilder order = new StringBuilder();
        while (!dq.isEmpty()) {
            order.append(dq.pollFirst()).append(" ");
        }
        System.out.println("deque: " + order.toString().trim());

        PriorityQueue<Integer> pq = new PriorityQueue<>();
        int[] values = {42, 7, 19, 3, 25, 11};
        for (int v : values) {
            pq.add(v);
        }
        System.out.println("min " + pq.peek());
        StringBuilder sorted = new StringBuilder();
        while (pq.size() > 2) {
            sorted.append(pq.poll()).append(",");
        }
        System.out.println("popped " + sorted + " left " + pq.size());
    }
}
