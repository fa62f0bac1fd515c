"""Counting words with a dictionary and printing a sorted report."""

TEXT = "the quick brown fox jumps over the lazy dog the fox barks"


def count_words(text):
    counts = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return counts


def longest_word(words):
    best = ""
    for w in words:
        if len(w) > len(best):
            best = w
    return best


def main():
    counts = count_words(TEXT)
    keys = sorted(counts.keys())
    for word in keys:
        if counts[word] > 1:
            print(f"{word:>6} {counts[word]}")
    print("distinct words:", len(counts))
    print("longest:", longest_word(keys))
    total = 0
    for word in keys:
        total += counts[word]
    print("total words:", total)
    print("ratio: %.3f" % (len(counts) / total))
    initials = {}
    for word in keys:
        first = word[0]
        if first not in initials:
            initials[first] = []
        initials[first].append(word)
    for letter in sorted(initials.keys()):
        print(letter + ":", ",".join(initials[letter]))


if __name__ == "__main__":
    main()
