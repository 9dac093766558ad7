package io.skyspy.actors.cannonball;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyspy.actors.cannonball.ThreatClassifier.Identity;
import io.skyspy.actors.cannonball.ThreatClassifier.Kind;
import io.skyspy.protocol.model.AircraftField;
import io.skyspy.protocol.model.AircraftState;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThreatClassifierTest {

    static AircraftState aircraft(String callsign, String operator, String type, String category) {
        Object[] v = new Object[AircraftField.COUNT];
        v[AircraftField.FLIGHT.ordinal()] = callsign;
        v[AircraftField.OPERATOR.ordinal()] = operator;
        v[AircraftField.TYPE_CODE.ordinal()] = type;
        v[AircraftField.CATEGORY.ordinal()] = category;
        return new AircraftState("A00001", v, 1, 1);
    }

    private static Identity identity(AircraftState a) {
        return ThreatClassifier.classify(a).orElseThrow();
    }

    @Test
    void anAgencysOperatorCodeIsLawEnforcementWithTheHighestConfidence() {
        Identity id = identity(aircraft("N123", "CBP", "AS50", null));
        assertEquals(new Identity(Kind.LAW_ENFORCEMENT, true, "very_high"), id);
        assertEquals("Police Helicopter", id.description());
    }

    @Test
    void anOwnerNameOrACallsignOfAnAgencyIsLawEnforcement() {
        assertEquals(new Identity(Kind.LAW_ENFORCEMENT, true, "high"),
                identity(aircraft("N407KB", "Orange County Sheriff's Office", "B407", "A7")));
        assertEquals(new Identity(Kind.LAW_ENFORCEMENT, true, "high"),
                identity(aircraft("N226PD", "Anaheim Police Dept", "AS50", "A7")));
        assertEquals(new Identity(Kind.LAW_ENFORCEMENT, false, "high"), identity(aircraft("CHP12 ", null, null, null)));
        assertEquals(new Identity(Kind.LAW_ENFORCEMENT, false, "high"), identity(aircraft("npol5", null, null, null)));
        assertEquals("Law Enforcement Aircraft", identity(aircraft("TROOPER1", null, "C182", "A1")).description());
    }

    @Test
    void aCityOrCountyCountsOnlyForItsHelicoptersAndSurveillanceTypes() {
        assertEquals(new Identity(Kind.LAW_ENFORCEMENT, true, "medium"), identity(aircraft(null, "COUNTY OF KERN", "R44", null)));
        assertEquals(Optional.empty(), ThreatClassifier.classify(aircraft(null, "CITY OF PHOENIX", "B738", "A3")));
    }

    @Test
    void newsAndMedicalFlightsAreOfInterestButNotLawEnforcement() {
        Identity news = identity(aircraft("NEWS4", null, "AS50", "A7"));
        assertEquals(Kind.NEWS, news.kind());
        assertFalse(news.lawEnforcement());
        assertEquals("News Helicopter", news.description());
        assertEquals(Kind.MEDICAL, identity(aircraft("LIFEFLT2", null, null, null)).kind());
    }

    @Test
    void helicoptersAndSurveillanceTypesAreOfInterestAirlinersAreNot() {
        assertEquals(new Identity(Kind.HELICOPTER, true, "medium"), identity(aircraft("N1234", null, null, "A7")));
        assertEquals(new Identity(Kind.SURVEILLANCE, false, "low"), identity(aircraft("N5678", null, "C208", "A1")));
        assertEquals(Optional.empty(), ThreatClassifier.classify(aircraft("UAL124", "United Airlines", "B789", "A5")));
        assertEquals(Optional.empty(), ThreatClassifier.classify(aircraft(null, null, null, null)));
    }

    @Test
    void threatLevelsFollowTheOriginalsDistances() {
        Identity police = new Identity(Kind.LAW_ENFORCEMENT, false, "high");
        assertEquals("critical", ThreatClassifier.threatLevel(police, 1.99));
        assertEquals("warning", ThreatClassifier.threatLevel(police, 2.0));
        assertEquals("warning", ThreatClassifier.threatLevel(police, 4.99));
        assertEquals("info", ThreatClassifier.threatLevel(police, 5.0));
        Identity heli = new Identity(Kind.HELICOPTER, true, "medium");
        assertEquals("warning", ThreatClassifier.threatLevel(heli, 2.9));
        assertEquals("info", ThreatClassifier.threatLevel(heli, 3.0));
        Identity surveillance = new Identity(Kind.SURVEILLANCE, false, "low");
        assertEquals("warning", ThreatClassifier.threatLevel(surveillance, 4.9));
        assertEquals("info", ThreatClassifier.threatLevel(surveillance, 5.1));
        assertTrue(ThreatClassifier.threatLevel(new Identity(Kind.MEDICAL, false, "high"), 0.1).equals("info"));
    }
}
