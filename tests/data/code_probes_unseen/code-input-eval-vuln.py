# probe: {"label": "vulnerable", "cwes": ["CWE-95"]}
def ask_numbers():
    raw = input("Enter a list of numbers, e.g. [1, 2, 3]: ")
    numbers = eval(raw)
    return sum(numbers) / len(numbers)


if __name__ == "__main__":
    print("mean:", ask_numbers())
