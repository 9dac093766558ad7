package io.skyspy.actors.alerts;

/**
 * A rule that cannot be accepted, and where exactly: {@code field} is a path into the rule as
 * sent ({@code name}, {@code conditions.groups[0].conditions[1].value.radius_nm}).
 */
public final class RuleValidationException extends Exception {
    private final String field;

    public RuleValidationException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
