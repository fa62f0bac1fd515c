"""An inventory report: classes, truthiness, min/max with keys, set operations and formatting."""


class Item:
    def __init__(self, name, price, quantity, tags):
        self.name = name
        self.price = price
        self.quantity = quantity
        self.tags = tags

    def value(self):
        return self.price * self.quantity


class Inventory:
    def __init__(self):
        self.items = []

    def add(self, item):
        self.items.append(item)

    def in_stock(self):
        return [item for item in self.items if item.quantity]

    def total_value(self):
        return sum(item.value() for item in self.items)

    def tagged(self, tag):
        return [item.name for item in self.items if tag in item.tags]


def restock_plan(inventory, minimum):
    plan = {}
    for item in inventory.items:
        if item.quantity < minimum:
            plan[item.name] = minimum - item.quantity
    return plan


def main():
    inventory = Inventory()
    inventory.add(Item("lamp", 24.5, 3, {"home", "light"}))
    inventory.add(Item("desk", 149.0, 0, {"home", "office"}))
    inventory.add(Item("pen", 1.25, 120, {"office"}))
    inventory.add(Item("bulb", 3.75, 8, {"light"}))

    for rank, item in enumerate(inventory.items, start=1):
        print("{}. {:<6} {:>8.2f} x{}".format(rank, item.name, item.price, item.quantity))
    print("in stock:", len(inventory.in_stock()), "of", len(inventory.items))
    print("total value: %.2f" % inventory.total_value())

    priciest = max(inventory.items, key=lambda item: item.price)
    cheapest = min(inventory.items, key=lambda item: item.price)
    print(f"priciest: {priciest.name}, cheapest: {cheapest.name}")

    home = {"home", "light"}
    office = {"office"}
    print("home or office:", sorted(home | office))
    print("office items:", ", ".join(sorted(inventory.tagged("office"))))

    plan = restock_plan(inventory, 5)
    if plan:
        for name in sorted(plan.keys()):
            print(f"restock {name}: {plan[name]}")
    empty = [item.name for item in inventory.items if not item.quantity]
    if not empty:
        print("nothing sold out")
    else:
        print("sold out:", empty)


if __name__ == "__main__":
    main()
