package dev.computeplan.common;

import java.util.List;

/** An input that cannot be solved as it is: 400 when it cannot be read, 422 when it breaks a rule. */
public class InvalidInputException extends RuntimeException {

    private final int status;
    private final List<Violation> violations;

    public InvalidInputException(int status, String message, List<Violation> violations) {
        super(message);
        this.status = status;
        this.violations = List.copyOf(violations);
    }

    public static InvalidInputException unreadable(String message, List<Violation> violations) {
        return new InvalidInputException(400, message, violations);
    }

    public static InvalidInputException invalid(List<Violation> violations) {
        return new InvalidInputException(422, "The input breaks " + violations.size() + " rule(s).", violations);
    }

    public int status() {
        return status;
    }

    public List<Violation> violations() {
        return violations;
    }
}
