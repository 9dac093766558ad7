package io.skyspy.protocol;

/**
 * The error texts of the spec's "Error Reference" table. Clients match on these strings, so they
 * are part of the contract and never reworded; details go into separate fields of the error.
 */
public final class ErrorMessages {
    public static final String INVALID_JSON = "Invalid JSON format";
    public static final String UNKNOWN_ACTION = "Unknown action";
    public static final String UNKNOWN_REQUEST_TYPE = "Unknown request type";
    public static final String MISSING_PARAMETER = "Missing parameter";
    public static final String PERMISSION_DENIED = "Permission denied";
    public static final String MESSAGE_TOO_LARGE = "Message too large";
    public static final String RATE_LIMITED = "Rate limited";
    public static final String INVALID_TOKEN = "Invalid token";
    /** Not in the table, but the spec's own request example uses it. */
    public static final String AIRCRAFT_NOT_FOUND = "Aircraft not found";
    /** Binary frames carry nothing in this protocol. */
    public static final String BINARY_NOT_SUPPORTED = "Binary frames are not supported";
    /** A request the server could not answer in time or failed to answer. */
    public static final String REQUEST_FAILED = "Request failed";

    private ErrorMessages() {}
}
