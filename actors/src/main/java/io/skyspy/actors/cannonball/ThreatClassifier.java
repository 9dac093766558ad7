package io.skyspy.actors.cannonball;

import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftState;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which aircraft a cannonball user is told about, and how sure we are: the original's law
 * enforcement database (FACTS.md 1.5). Only aircraft of interest are threats: law enforcement,
 * news and medical flights, helicopters and the types used for surveillance.
 */
public final class ThreatClassifier {

    /** Why an aircraft is of interest; the order is the order of the checks. */
    public enum Kind {
        LAW_ENFORCEMENT("Law Enforcement"),
        NEWS("News"),
        MEDICAL("Medical"),
        HELICOPTER("Helicopter"),
        SURVEILLANCE("Surveillance");

        private final String category;

        Kind(String category) {
            this.category = category;
        }

        public String category() {
            return category;
        }
    }

    /** @param confidence {@code very_high} (operator code), {@code high} (name or callsign), {@code medium}, {@code low} (type only) */
    public record Identity(Kind kind, boolean helicopter, String confidence) {
        public boolean lawEnforcement() {
            return kind == Kind.LAW_ENFORCEMENT;
        }

        /** What the app shows under the callsign. */
        public String description() {
            String airframe = helicopter ? "Helicopter" : "Aircraft";
            return switch (kind) {
                case LAW_ENFORCEMENT -> helicopter ? "Police Helicopter" : "Law Enforcement Aircraft";
                case NEWS -> "News " + airframe;
                case MEDICAL -> "Medical " + airframe;
                case HELICOPTER -> "Helicopter";
                case SURVEILLANCE -> "Surveillance-capable Aircraft";
            };
        }
    }

    /** readsb's operator codes of agencies. */
    private static final Set<String> AGENCY_CODES = Set.of("CBP", "DHS", "USMS", "ICE", "DEA", "ATF", "FBI", "DOJ",
            "CHP", "LAPD", "NYPD", "CHI");
    /** Registered owner or operator names. */
    private static final Pattern AGENCY_NAME = Pattern.compile("\\bPOLICE\\b|\\bSHERIFF|HIGHWAY PATROL|STATE PATROL");
    /** A city or county owns many aircraft; only its helicopters and surveillance types count. */
    private static final Pattern CITY_OR_COUNTY = Pattern.compile("^CITY OF\\b|\\bCOUNTY\\b");
    private static final Pattern AGENCY_CALLSIGN = Pattern.compile(
            "^(N(PAS|POL)\\d*|CHP\\d*|LAPD|NYPD|POLICE|SHERIFF|ASO|UNIT\\d+|CBP|OMAHA|USMS|JPATS|TROOPER|WSP)");
    private static final Pattern NEWS_CALLSIGN = Pattern.compile("^(NEWS\\d*|KOMO)");
    private static final Pattern MEDICAL_CALLSIGN = Pattern.compile("^(LIFEFLT|MEDEVAC)");
    private static final Set<String> HELICOPTER_TYPES = Set.of("EC35", "EC45", "AS50", "A139", "H125", "B06", "B407", "R44");
    private static final Set<String> SURVEILLANCE_TYPES = Set.of("C208", "C206", "C182", "C172", "PA31", "PC12", "BE20",
            "DHC6", "EC35", "EC45", "AS50", "A139", "H125", "B06", "B407", "R44");

    private ThreatClassifier() {}

    public static Optional<Identity> classify(AircraftState a) {
        String operator = upper(a.text(AircraftField.OPERATOR));
        String callsign = upper(a.text(AircraftField.FLIGHT));
        String type = upper(a.text(AircraftField.TYPE_CODE));
        boolean helicopter = "A7".equals(a.text(AircraftField.CATEGORY)) || HELICOPTER_TYPES.contains(type);
        boolean surveillanceType = SURVEILLANCE_TYPES.contains(type);
        if (AGENCY_CODES.contains(operator)) {
            return Optional.of(new Identity(Kind.LAW_ENFORCEMENT, helicopter, "very_high"));
        }
        if (AGENCY_NAME.matcher(operator).find() || AGENCY_CALLSIGN.matcher(callsign).lookingAt()) {
            return Optional.of(new Identity(Kind.LAW_ENFORCEMENT, helicopter, "high"));
        }
        if ((helicopter || surveillanceType) && CITY_OR_COUNTY.matcher(operator).find()) {
            return Optional.of(new Identity(Kind.LAW_ENFORCEMENT, helicopter, "medium"));
        }
        if (NEWS_CALLSIGN.matcher(callsign).lookingAt()) {
            return Optional.of(new Identity(Kind.NEWS, helicopter, "high"));
        }
        if (MEDICAL_CALLSIGN.matcher(callsign).lookingAt()) {
            return Optional.of(new Identity(Kind.MEDICAL, helicopter, "high"));
        }
        if (helicopter) {
            return Optional.of(new Identity(Kind.HELICOPTER, true, "medium"));
        }
        if (surveillanceType) {
            return Optional.of(new Identity(Kind.SURVEILLANCE, false, "low"));
        }
        return Optional.empty();
    }

    /**
     * {@code critical}, {@code warning} or {@code info} at this distance: law enforcement is
     * critical within 2 nm and a warning within 5; helicopters are a warning within 3 nm, other
     * surveillance types within 5.
     */
    public static String threatLevel(Identity id, double distanceNm) {
        if (id.kind() == Kind.LAW_ENFORCEMENT) {
            return distanceNm < 2 ? "critical" : distanceNm < 5 ? "warning" : "info";
        }
        if (id.helicopter()) {
            return distanceNm < 3 ? "warning" : "info";
        }
        return id.kind() == Kind.SURVEILLANCE && distanceNm < 5 ? "warning" : "info";
    }

    private static String upper(String s) {
        return s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
    }
}
