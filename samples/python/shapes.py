"""A small class hierarchy: an abstract shape with two implementations."""
import math
from abc import ABC, abstractmethod


class Shape(ABC):
    def __init__(self, name):
        self.name = name

    @abstractmethod
    def area(self):
        pass

    @abstractmethod
    def perimeter(self):
        pass

    def describe(self):
        return f"{self.name}: area {self.area():.2f}, perimeter {self.perimeter():.2f}"


class Rectangle(Shape):
    def __init__(self, width, height):
        super().__init__("rectangle")
        self.width = width
        self.height = height

    def area(self):
        return self.width * self.height

    def perimeter(self):
        return 2 * (self.width + self.height)


class Circle(Shape):
    def __init__(self, radius):
        super().__init__("circle")
        self.radius = radius

    def area(self):
        return math.pi * self.radius * self.radius

    def perimeter(self):
        return 2 * math.pi * self.radius


def total_area(shapes):
    total = 0.0
    for shape in shapes:
        total += shape.area()
    return total


def main():
    shapes = [Rectangle(3.0, 4.0), Circle(1.5), Rectangle(2.5, 2.0), Circle(0.5)]
    for shape in shapes:
        print(shape.describe())
    print(f"total area: {total_area(shapes):.2f}")
    largest = shapes[0]
    for shape in shapes:
        if shape.area() > largest.area():
            largest = shape
    print("largest:", largest.name)
    print(f"sqrt(2) = {math.sqrt(2.0):.4f}")


if __name__ == "__main__":
    main()
