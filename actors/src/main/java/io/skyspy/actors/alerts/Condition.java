package io.skyspy.actors.alerts;

import io.skyspy.protocol.model.AircraftState;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One test of an alert rule. Groups combine conditions with AND or OR; a rule's condition is a
 * group of groups. An unknown value (no callsign yet, no altitude on the ground) makes a test
 * false, never true: alerts fire on what is known.
 */
public sealed interface Condition {

    boolean test(Facts facts);

    /** What conditions can look at: the aircraft, and where it is relative to each fence. */
    interface Facts {
        AircraftState state();

        FenceState fence(Geofence fence);
    }

    /**
     * @param before inside at the previous observation, null when not known (first sighting)
     * @param now inside now, null when the position is unknown
     */
    record FenceState(Boolean before, Boolean now) {}

    enum Logic { AND, OR }

    enum NumberOp { EQ, NEQ, LT, LE, GT, GE }

    enum TextOp { EQ, NEQ, CONTAINS, STARTSWITH, ENDSWITH, REGEX, IN, NOT_IN }

    /** Geofence tests: {@code entering}/{@code exiting} hold only at the observation that crossed. */
    enum FenceOp { INSIDE, OUTSIDE, ENTERING, EXITING, CROSSING }

    record Group(Logic logic, List<Condition> conditions) implements Condition {
        @Override
        public boolean test(Facts f) {
            if (logic == Logic.AND) {
                for (Condition c : conditions) {
                    if (!c.test(f)) {
                        return false;
                    }
                }
                return true;
            }
            for (Condition c : conditions) {
                if (c.test(f)) {
                    return true;
                }
            }
            return false;
        }
    }

    record NumberTest(Subject subject, NumberOp op, double value) implements Condition {
        @Override
        public boolean test(Facts f) {
            Double v = subject.number(f.state());
            if (v == null) {
                return false;
            }
            return switch (op) {
                case EQ -> v == value;
                case NEQ -> v != value;
                case LT -> v < value;
                case LE -> v <= value;
                case GT -> v > value;
                case GE -> v >= value;
            };
        }
    }

    /**
     * Case-insensitive text tests.
     *
     * @param values lower-case operands (one, or several for {@code in}/{@code not_in})
     * @param pattern the compiled expression for {@code regex}, else null
     */
    record TextTest(Subject subject, TextOp op, List<String> values, Pattern pattern) implements Condition {
        @Override
        public boolean test(Facts f) {
            String raw = subject.text(f.state());
            if (raw == null) {
                return false;
            }
            String v = raw.toLowerCase(Locale.ROOT);
            String first = values.isEmpty() ? "" : values.get(0);
            return switch (op) {
                case EQ -> v.equals(first);
                case NEQ -> !v.equals(first);
                case CONTAINS -> v.contains(first);
                case STARTSWITH -> v.startsWith(first);
                case ENDSWITH -> v.endsWith(first);
                case REGEX -> pattern.matcher(raw).find();
                case IN -> values.contains(v);
                case NOT_IN -> !values.contains(v);
            };
        }
    }

    record FlagTest(Subject subject, boolean expected) implements Condition {
        @Override
        public boolean test(Facts f) {
            return subject.flag(f.state()) == expected;
        }
    }

    record FenceTest(Geofence fence, FenceOp op) implements Condition {
        @Override
        public boolean test(Facts f) {
            FenceState s = f.fence(fence);
            if (s == null || s.now() == null) {
                return false;
            }
            boolean now = s.now();
            Boolean before = s.before();
            return switch (op) {
                case INSIDE -> now;
                case OUTSIDE -> !now;
                case ENTERING -> now && Boolean.FALSE.equals(before);
                case EXITING -> !now && Boolean.TRUE.equals(before);
                case CROSSING -> before != null && before != now;
            };
        }
    }
}
