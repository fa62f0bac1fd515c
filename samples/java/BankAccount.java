import java.util.ArrayList;
import java.util.List;

/** Exceptions: a custom exception, try/catch/finally and library exceptions. */
public class BankAccount {
    static class InsufficientFundsException extends RuntimeException {
        InsufficientFundsException(String message) {
            super(message);
        }
    }

    static class Account {
        private final String owner;
        private int balance;
        private final List<String> history = new ArrayList<>();

        Account(String owner, int balance) {
            this.owner = owner;
            this.balance = balance;
        }

        void deposit(int amount) {
            if (amount <= 0) {
                throw new IllegalArgumentException("deposit must be positive");
            }
            balance += amount;
            history.add("+" + amount);
        }

        void withdraw(int amount) {
            if (amount > balance) {
                throw new InsufficientFundsException(owner + " cannot withdraw " + amount);
            }
            balance -= amount;
            history.add("-" + amount);
        }

        int getBalance() {
            return balance;
        }

        List<String> getHistory() {
            return history;
        }
    }

    static int parseAmount(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            System.out.println("bad amount: " + s);
            return 0;
        }
    }

    static int safeDivide(int a, int b) {
        try {
            return a / b;
        } catch (ArithmeticException e) {
            System.out.println("division by zero caught");
            return -1;
        } finally {
            System.out.println("divide " + a + " by " + b + " done");
        }
    }

    public static void main(String[] args) {
        Account acc = new Account("ada", 100);
        acc.deposit(50);
        try {
            acc.withdraw(500);
        } catch (InsufficientFundsException e) {
            System.out.println("error: " + e.getMessage());
        }
        try {
            acc.deposit(-5);
        } catch (IllegalArgumentException e) {
            System.out.println("error: " + e.getMessage());
        } finally {
            System.out.println("balance now " + acc.getBalance());
        }
        acc.withdraw(30);
        System.out.println("history: " + String.join(" ", acc.getHistory()));
        System.out.println(parseAmount("42") + parseAmount("4x2"));
        System.out.println(safeDivide(10, 3));
        System.out.println(safeDivide(1, 0));
        int[] small = new int[3];
        try {
            small[5] = 1;
            System.out.println("not reached");
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println("index error caught");
        }
    }
}
