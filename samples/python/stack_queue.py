"""A stack for bracket matching and a queue for breadth-first search."""
from collections import deque


def balanced(text):
    stack = []
    pairs = {")": "(", "]": "[", "}": "{"}
    for c in text:
        if c in "([{":
            stack.append(c)
        elif c in pairs:
            if len(stack) == 0 or stack.pop() != pairs[c]:
                return False
    return len(stack) == 0


def bfs(graph, start):
    visited = {start}
    order = []
    queue = deque()
    queue.append(start)
    while len(queue) > 0:
        node = queue.popleft()
        order.append(node)
        for nxt in graph[node]:
            if nxt not in visited:
                visited.add(nxt)
                queue.append(nxt)
    return order


def main():
    for s in ["(a[b]{c})", "(]", "((", "{[()()]}"]:
        print(s, "balanced:", balanced(s))
    graph = {
        1: [2, 3],
        2: [4],
        3: [4, 5],
        4: [6],
        5: [6],
        6: [],
    }
    print("bfs order:", bfs(graph, 1))
    undo = []
    for action in ["type a", "type b", "delete"]:
        undo.append(action)
    while len(undo) > 0:
        print("undo", undo.pop())


if __name__ == "__main__":
    main()
