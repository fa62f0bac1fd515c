import java.util.ArrayList;
import java.util.List;

/** A small class hierarchy with an interface, an abstract class and polymorphic calls. */
public class Shapes {
    interface Shape {
        double area();

        String name();
    }

    abstract static class Polygon implements Shape {
        protected int sides;

        Polygon(int sides) {
            this.sides = sides;
        }

        int getSides() {
            return sides;
        }

        public String describe() {
            return name() + " with " + sides + " sides";
        }
    }

    static class Rectangle extends Polygon {
        private final double width;
        private final double height;

        Rectangle(double width, double height) {
            super(4);
            this.width = width;
            this.height = height;
        }

        public double area() {
            return width * height;
        }

        public String name() {
            return "rectangle";
        }
    }

    static class Square extends Rectangle {
        Square(double side) {
            super(side, side);
        }

        @Override
        public String name() {
            return "square";
        }
    }

    static class Circle implements Shape {
        private final double radius;

        Circle(double radius) {
            this.radius = radius;
        }

        public double area() {
            return Math.PI * radius * radius;
        }

        public String name() {
            return "circle";
        }
    }

    static double totalArea(List<Shape> shapes) {
        double total = 0;
        for (Shape s : shapes) {
            total += s.area();
        }
        return total;
    }

    public static void main(String[] args) {
        List<Shape> shapes = new ArrayList<>();
        shapes.add(new Rectangle(3, 4));
        shapes.add(new Circle(1.5));
        shapes.add(new Square(2.5));
        for (Shape s : shapes) {
            System.out.printf("%s: %.2f%n", s.name(), s.area());
        }
        System.out.printf("total area: %.3f%n", totalArea(shapes));
        Polygon p = new Square(1);
        System.out.println(p.describe() + ", sides=" + p.getSides());
        Rectangle r = new Rectangle(2, 5);
        System.out.println(r.describe());
    }
}
