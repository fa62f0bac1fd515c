"""Lists, dictionaries, sets, a deque and a heap."""
import heapq
from collections import deque


def main():
    scores = [88, 92, 75, 64, 99]
    scores.append(81)
    scores.insert(0, 70)
    print("scores:", scores, "len:", len(scores))
    print("max:", max(scores), "min:", min(scores), "sum:", sum(scores))
    last = scores.pop()
    print("popped:", last, "now:", scores)
    scores.sort()
    print("sorted:", scores)

    ages = {"alice": 31, "bob": 25}
    ages["carol"] = 40
    ages["bob"] = ages["bob"] + 1
    for name in sorted(ages.keys()):
        print(name, "->", ages[name])
    print("has dave:", "dave" in ages, "dave:", ages.get("dave", -1))

    seen = set()
    for word in ["red", "blue", "red", "green", "blue"]:
        seen.add(word)
    print("unique:", sorted(seen), "size:", len(seen))

    queue = deque()
    queue.append(1)
    queue.append(2)
    queue.appendleft(0)
    print("front:", queue.popleft(), "back:", queue.pop(), "left:", len(queue))

    heap = []
    for value in [5, 1, 8, 3, 9, 2]:
        heapq.heappush(heap, value)
    ordered = []
    while len(heap) > 0:
        ordered.append(heapq.heappop(heap))
    print("heap order:", ordered)


if __name__ == "__main__":
    main()
