"""String processing: palindromes, a Caesar cipher, word statistics."""


def is_palindrome(text):
    cleaned = ""
    for c in text:
        if c.isalpha():
            cleaned += c.lower()
    return cleaned == cleaned[::-1]


def caesar(text, shift):
    parts = []
    for c in text:
        if c.isupper():
            parts.append(chr((ord(c) - ord("A") + shift) % 26 + ord("A")))
        elif c.islower():
            parts.append(chr((ord(c) - ord("a") + shift) % 26 + ord("a")))
        else:
            parts.append(c)
    return "".join(parts)


def count_vowels(text):
    count = 0
    for c in text.lower():
        if c in "aeiou":
            count += 1
    return count


def capitalize_words(sentence):
    words = sentence.split(" ")
    result = []
    for word in words:
        if len(word) > 0:
            result.append(word[0].upper() + word[1:])
    return " ".join(result)


def main():
    for s in ["A man, a plan, a canal: Panama", "hello", "Was it a car or a cat I saw"]:
        print(f"\"{s}\" palindrome: {is_palindrome(s)}")
    secret = caesar("Hello, World!", 3)
    print("encrypted:", secret)
    print("decrypted:", caesar(secret, -3))
    print("vowels:", count_vowels("The quick brown fox jumps over the lazy dog"))
    print(capitalize_words("the quick brown fox"))
    line = "  padded text  "
    print("[" + line.strip() + "]")
    print("upper:", "mixed Case".upper(), "lower:", "MIXED Case".lower())
    print("replace:", "a-b-c".replace("-", "+"))
    print("starts:", "ferry".startswith("fer"), "ends:", "ferry".endswith("ry"))
    print("find:", "banana".find("nan"), "repeat:", "ab" * 3)


if __name__ == "__main__":
    main()
