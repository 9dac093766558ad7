package io.skyspy.actors.alerts;

import io.skyspy.protocol.safety.Severity;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Validates alert rules as clients send them and builds the rules the evaluator runs.
 *
 * <p>Accepted shapes (every error names the offending field):
 * <pre>
 * { "name": "Low Altitude Alert", "description": "...", "priority": "critical|high|medium|low",
 *   "enabled": true, "cooldown_seconds": 300, "visibility": "public|private", "webhook_url": "https://...",
 *   "conditions": { "logic": "AND|OR", "groups": [ { "logic": "AND|OR", "conditions": [
 *       { "type": "altitude", "operator": "lt", "value": 1000 },
 *       { "type": "geofence", "operator": "entering", "value": { "shape": "circle", "lat": 34, "lon": -118, "radius_nm": 5 } } ] } ] } }
 * </pre>
 * {@code conditions} may also be a plain list (all must hold) or {@code {logic, conditions}}; the
 * original system's single {@code rule_type}/{@code operator}/{@code value} and its
 * {@code cooldown_minutes}, {@code api_url}, {@code info}/{@code warning} priorities are taken too.
 * Shorthands: {@code altitude_above/below}, {@code speed_above/below}, {@code distance_within/beyond},
 * {@code entering_geofence}, {@code exiting_geofence}, {@code inside_geofence}.
 */
public final class RuleParser {
    private static final Set<String> READ_ONLY = Set.of("id", "owner", "created_at", "updated_at", "geofences");
    private static final Set<String> WRITABLE = Set.of("name", "description", "priority", "enabled", "cooldown_seconds",
            "cooldown_minutes", "visibility", "conditions", "rule_type", "operator", "value", "webhook_url", "api_url");
    private static final Set<String> SINGLE_CONDITION = Set.of("rule_type", "operator", "value");
    private static final Pattern FENCE_ID = Pattern.compile("^[A-Za-z0-9_.-]{1,64}$");
    private static final Pattern SQUAWK = Pattern.compile("^[0-7]{4}$");
    private static final Pattern HEX = Pattern.compile("^~?[0-9a-f]{6}$");
    private static final int MAX_DESCRIPTION = 500;
    private static final int MAX_LIST = 100;
    private static final int MAX_URL = 2000;

    private final AlertSettings settings;

    public RuleParser(AlertSettings settings) {
        this.settings = settings;
    }

    /**
     * The canonical definition of a rule: validated, defaults filled in, conditions in the full
     * {@code {logic, groups}} form.
     *
     * @param base the current definition when {@code input} is a partial update, else null
     * @param mayBePrivate whether the rule has (or gets) an owner, without whom it cannot be private
     */
    public Map<String, Object> normalize(Map<String, Object> input, Map<String, Object> base, boolean mayBePrivate)
            throws RuleValidationException {
        if (input == null) {
            throw new RuleValidationException("body", "a rule must be a JSON object");
        }
        for (String key : input.keySet()) {
            if (!WRITABLE.contains(key) && !READ_ONLY.contains(key)) {
                throw new RuleValidationException(key, "unknown field");
            }
        }
        Map<String, Object> in = new LinkedHashMap<>();
        if (base != null) {
            in.putAll(base);
            if (input.containsKey("conditions") || input.keySet().stream().anyMatch(SINGLE_CONDITION::contains)) {
                in.remove("conditions");
            }
            if (input.containsKey("cooldown_minutes")) {
                in.remove("cooldown_seconds");
            }
            if (input.containsKey("api_url")) {
                in.remove("webhook_url");
            }
        }
        input.forEach((k, v) -> {
            if (!READ_ONLY.contains(k)) {
                in.put(k, v);
            }
        });

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name(in.get("name")));
        out.put("description", optionalText(in.get("description"), "description", MAX_DESCRIPTION));
        out.put("priority", priority(in.get("priority")).json());
        out.put("enabled", bool(in.get("enabled"), "enabled", true));
        out.put("cooldown_seconds", cooldown(in).toSeconds());
        out.put("visibility", visibility(in.get("visibility"), mayBePrivate));
        out.put("conditions", conditions(in, 0).canonical());
        Object url = in.containsKey("webhook_url") ? in.get("webhook_url") : in.get("api_url");
        String webhook = webhook(url, in.containsKey("webhook_url") ? "webhook_url" : "api_url");
        if (webhook != null) {
            out.put("webhook_url", webhook);
        }
        return out;
    }

    /** The runnable rule from a stored, already normalized definition. */
    public AlertRule build(StoredRule stored) throws RuleValidationException {
        Map<String, Object> d = stored.definition();
        Parsed<Condition.Group> c = conditions(d, stored.id());
        return new AlertRule(stored.id(), name(d.get("name")),
                optionalText(d.get("description"), "description", MAX_DESCRIPTION), priority(d.get("priority")),
                bool(d.get("enabled"), "enabled", true), cooldown(d), "private".equals(d.get("visibility")),
                stored.owner(), c.value(), c.fences(), (String) d.get("webhook_url"), stored.createdAt(),
                stored.updatedAt(), d);
    }

    private record Parsed<T>(T value, Object canonical, List<Geofence> fences) {}

    private String name(Object v) throws RuleValidationException {
        if (!(v instanceof String s) || s.isBlank()) {
            throw new RuleValidationException("name", "name is required");
        }
        if (s.strip().length() > settings.maxNameLength()) {
            throw new RuleValidationException("name", "name is longer than " + settings.maxNameLength() + " characters");
        }
        return s.strip();
    }

    private static String optionalText(Object v, String field, int max) throws RuleValidationException {
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new RuleValidationException(field, field + " must be text");
        }
        if (s.length() > max) {
            throw new RuleValidationException(field, field + " is longer than " + max + " characters");
        }
        return s.isBlank() ? null : s.strip();
    }

    private static Severity priority(Object v) throws RuleValidationException {
        if (v == null) {
            return Severity.MEDIUM;
        }
        return Severity.parseLenient(v.toString()).orElseThrow(() ->
                new RuleValidationException("priority", "priority must be critical, high, medium or low"));
    }

    private static boolean bool(Object v, String field, boolean fallback) throws RuleValidationException {
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new RuleValidationException(field, field + " must be true or false");
    }

    private Duration cooldown(Map<String, Object> in) throws RuleValidationException {
        Duration d;
        if (in.get("cooldown_seconds") != null) {
            d = Duration.ofMillis(Math.round(number(in.get("cooldown_seconds"), "cooldown_seconds") * 1000));
        } else if (in.get("cooldown_minutes") != null) {
            d = Duration.ofMillis(Math.round(number(in.get("cooldown_minutes"), "cooldown_minutes") * 60_000));
        } else {
            return settings.defaultCooldown();
        }
        String field = in.get("cooldown_seconds") != null ? "cooldown_seconds" : "cooldown_minutes";
        if (d.isNegative() || d.compareTo(settings.maxCooldown()) > 0) {
            throw new RuleValidationException(field, "cooldown must be between 0 and " + settings.maxCooldown().toSeconds() + " seconds");
        }
        return d;
    }

    private static String visibility(Object v, boolean mayBePrivate) throws RuleValidationException {
        String s = v == null ? (mayBePrivate ? "private" : "public") : v.toString().strip().toLowerCase(Locale.ROOT);
        switch (s) {
            case "public", "shared" -> {
                return "public";
            }
            case "private" -> {
                if (!mayBePrivate) {
                    throw new RuleValidationException("visibility", "a private rule needs an authenticated owner");
                }
                return "private";
            }
            default -> throw new RuleValidationException("visibility", "visibility must be public or private");
        }
    }

    private String webhook(Object v, String field) throws RuleValidationException {
        if (v == null || (v instanceof String s && s.isBlank())) {
            return null;
        }
        if (!settings.webhooks().enabled()) {
            throw new RuleValidationException(field, "webhooks are disabled on this server");
        }
        if (!(v instanceof String s) || s.length() > MAX_URL) {
            throw new RuleValidationException(field, field + " must be an http(s) URL of at most " + MAX_URL + " characters");
        }
        try {
            URI u = new URI(s.strip());
            if (u.getHost() == null || !("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))) {
                throw new RuleValidationException(field, field + " must be an http(s) URL");
            }
            return u.toString();
        } catch (URISyntaxException e) {
            throw new RuleValidationException(field, field + " is not a valid URL");
        }
    }

    // ---- conditions ----

    private Parsed<Condition.Group> conditions(Map<String, Object> in, long ruleId) throws RuleValidationException {
        Object c = in.get("conditions");
        List<Geofence> fences = new ArrayList<>();
        if (c == null) {
            if (in.get("rule_type") == null) {
                throw new RuleValidationException("conditions", "a rule needs at least one condition");
            }
            Map<String, Object> single = new LinkedHashMap<>();
            single.put("type", in.get("rule_type"));
            single.put("operator", in.get("operator"));
            single.put("value", in.get("value"));
            c = List.of(single);
        }
        List<Map<String, Object>> groups;
        String logic;
        String groupsPath;
        if (c instanceof List<?> list) {
            if (list.isEmpty()) {
                throw new RuleValidationException("conditions", "a rule needs at least one condition");
            }
            groups = List.of(Map.of("logic", "AND", "conditions", list));
            logic = "AND";
            groupsPath = null;
        } else if (c instanceof Map<?, ?> m && m.get("groups") != null) {
            if (!(m.get("groups") instanceof List<?> gl)) {
                throw new RuleValidationException("conditions.groups", "groups must be a list");
            }
            groups = new ArrayList<>();
            for (int i = 0; i < gl.size(); i++) {
                groups.add(object(gl.get(i), "conditions.groups[" + i + "]"));
            }
            logic = logic(m.get("logic"), "conditions.logic");
            groupsPath = "conditions.groups";
        } else if (c instanceof Map<?, ?> m && m.get("conditions") != null) {
            groups = List.of(object(c, "conditions"));
            logic = "AND";
            groupsPath = null;
        } else {
            throw new RuleValidationException("conditions", "conditions must be a list or an object with groups");
        }
        if (groups.isEmpty()) {
            throw new RuleValidationException("conditions", "a rule needs at least one condition");
        }
        if (groups.size() > settings.maxGroups()) {
            throw new RuleValidationException("conditions.groups", "at most " + settings.maxGroups() + " groups");
        }
        List<Condition> parsedGroups = new ArrayList<>();
        List<Object> canonicalGroups = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            String gp = groupsPath == null ? "conditions" : groupsPath + "[" + g + "]";
            Map<String, Object> group = groups.get(g);
            String groupLogic = logic(group.get("logic"), gp + ".logic");
            if (!(group.get("conditions") instanceof List<?> conds) || conds.isEmpty()) {
                throw new RuleValidationException(gp + ".conditions", "a group needs at least one condition");
            }
            if (conds.size() > settings.maxConditionsPerGroup()) {
                throw new RuleValidationException(gp + ".conditions", "at most " + settings.maxConditionsPerGroup() + " conditions per group");
            }
            List<Condition> parsed = new ArrayList<>();
            List<Object> canonical = new ArrayList<>();
            for (int i = 0; i < conds.size(); i++) {
                String path = (groupsPath == null && !(c instanceof Map) ? "conditions" : gp + ".conditions") + "[" + i + "]";
                Parsed<Condition> one = condition(object(conds.get(i), path), path, ruleId, fences);
                parsed.add(one.value());
                canonical.add(one.canonical());
            }
            parsedGroups.add(new Condition.Group(Condition.Logic.valueOf(groupLogic), List.copyOf(parsed)));
            Map<String, Object> cg = new LinkedHashMap<>();
            cg.put("logic", groupLogic);
            cg.put("conditions", canonical);
            canonicalGroups.add(cg);
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Geofence f : fences) {
            if (!ids.add(f.id())) {
                throw new RuleValidationException("conditions", "two geofences of one rule share the id " + f.id());
            }
        }
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("logic", logic);
        canonical.put("groups", canonicalGroups);
        return new Parsed<>(new Condition.Group(Condition.Logic.valueOf(logic), List.copyOf(parsedGroups)), canonical,
                List.copyOf(fences));
    }

    private static String logic(Object v, String path) throws RuleValidationException {
        if (v == null) {
            return "AND";
        }
        String s = v.toString().strip().toUpperCase(Locale.ROOT);
        if (!s.equals("AND") && !s.equals("OR")) {
            throw new RuleValidationException(path, "logic must be AND or OR");
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object v, String path) throws RuleValidationException {
        if (!(v instanceof Map<?, ?> m)) {
            throw new RuleValidationException(path, "must be an object");
        }
        return (Map<String, Object>) m;
    }

    /** A shorthand condition type: the subject it reads and the operator it implies. */
    private record Shorthand(String type, String operator) {}

    private static final Map<String, Shorthand> SHORTHANDS = Map.ofEntries(
            Map.entry("altitude_above", new Shorthand("altitude", "gt")),
            Map.entry("altitude_below", new Shorthand("altitude", "lt")),
            Map.entry("speed_above", new Shorthand("speed", "gt")),
            Map.entry("speed_below", new Shorthand("speed", "lt")),
            Map.entry("vertical_rate_above", new Shorthand("vertical_rate", "gt")),
            Map.entry("vertical_rate_below", new Shorthand("vertical_rate", "lt")),
            Map.entry("distance_within", new Shorthand("distance", "le")),
            Map.entry("distance_beyond", new Shorthand("distance", "gt")),
            Map.entry("entering_geofence", new Shorthand("geofence", "entering")),
            Map.entry("exiting_geofence", new Shorthand("geofence", "exiting")),
            Map.entry("inside_geofence", new Shorthand("geofence", "inside")),
            Map.entry("outside_geofence", new Shorthand("geofence", "outside")));

    private static final Map<String, String> TYPE_ALIASES = Map.of("icao", "hex", "type", "aircraft_type",
            "proximity", "distance", "alt", "altitude", "gs", "speed", "vr", "vertical_rate", "flight", "callsign",
            "geo_fence", "geofence", "owner_operator", "operator");

    private Parsed<Condition> condition(Map<String, Object> c, String path, long ruleId, List<Geofence> fences)
            throws RuleValidationException {
        for (String key : c.keySet()) {
            if (!Set.of("type", "operator", "value").contains(key)) {
                throw new RuleValidationException(path + "." + key, "unknown field (a condition has type, operator and value)");
            }
        }
        if (!(c.get("type") instanceof String rawType) || rawType.isBlank()) {
            throw new RuleValidationException(path + ".type", "type is required");
        }
        String type = rawType.strip().toLowerCase(Locale.ROOT);
        String operator = c.get("operator") == null ? null : c.get("operator").toString().strip().toLowerCase(Locale.ROOT);
        Shorthand sh = SHORTHANDS.get(type);
        if (sh != null) {
            if (operator != null && !operator.equals(sh.operator())) {
                throw new RuleValidationException(path + ".operator", type + " implies operator " + sh.operator());
            }
            type = sh.type();
            operator = sh.operator();
        }
        type = TYPE_ALIASES.getOrDefault(type, type);
        Object value = c.get("value");
        if (type.equals("geofence")) {
            Condition.FenceOp op = fenceOp(operator == null ? "entering" : operator, path + ".operator");
            Geofence fence = geofence(value, path + ".value", ruleId, fences.size());
            fences.add(fence);
            return new Parsed<>(new Condition.FenceTest(fence, op), canonical("geofence", op.name(), canonicalFence(value, fence)), List.of());
        }
        Subject subject = subject(type, path + ".type");
        return switch (subject.kind()) {
            case NUMBER -> {
                Condition.NumberOp op = numberOp(operator, path + ".operator");
                double v = number(value, path + ".value");
                yield new Parsed<>(new Condition.NumberTest(subject, op, v), canonical(subject.json(), op.name(), value instanceof Number ? value : v), List.of());
            }
            case TEXT -> text(subject, operator, value, path);
            case FLAG -> {
                boolean negate = operator != null && (operator.equals("neq") || operator.equals("ne") || operator.equals("!="));
                if (operator != null && !negate && !operator.equals("eq") && !operator.equals("==") && !operator.equals("=")) {
                    throw new RuleValidationException(path + ".operator", "operator must be eq or neq for " + subject.json());
                }
                boolean expected = value == null || flagValue(value, path + ".value");
                yield new Parsed<>(new Condition.FlagTest(subject, expected != negate),
                        canonical(subject.json(), negate ? "NEQ" : "EQ", expected), List.of());
            }
        };
    }

    private static Map<String, Object> canonical(String type, String operator, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("operator", operator.toLowerCase(Locale.ROOT));
        m.put("value", value);
        return m;
    }

    private static Subject subject(String type, String path) throws RuleValidationException {
        for (Subject s : Subject.values()) {
            if (s.json().equals(type)) {
                return s;
            }
        }
        throw new RuleValidationException(path, "unknown condition type " + type);
    }

    private static Condition.NumberOp numberOp(String op, String path) throws RuleValidationException {
        if (op == null) {
            throw new RuleValidationException(path, "operator is required (eq, neq, lt, le, gt, ge)");
        }
        return switch (op) {
            case "eq", "==", "=" -> Condition.NumberOp.EQ;
            case "neq", "ne", "!=" -> Condition.NumberOp.NEQ;
            case "lt", "<" -> Condition.NumberOp.LT;
            case "le", "lte", "<=" -> Condition.NumberOp.LE;
            case "gt", ">" -> Condition.NumberOp.GT;
            case "ge", "gte", ">=" -> Condition.NumberOp.GE;
            default -> throw new RuleValidationException(path, "operator " + op + " does not apply to numbers (eq, neq, lt, le, gt, ge)");
        };
    }

    private static Condition.FenceOp fenceOp(String op, String path) throws RuleValidationException {
        return switch (op) {
            case "inside", "within", "in" -> Condition.FenceOp.INSIDE;
            case "outside" -> Condition.FenceOp.OUTSIDE;
            case "entering", "enter", "entry" -> Condition.FenceOp.ENTERING;
            case "exiting", "exit" -> Condition.FenceOp.EXITING;
            case "crossing", "cross" -> Condition.FenceOp.CROSSING;
            default -> throw new RuleValidationException(path, "geofence operator must be inside, outside, entering, exiting or crossing");
        };
    }

    private Parsed<Condition> text(Subject subject, String operator, Object value, String path) throws RuleValidationException {
        String opText = operator == null ? "eq" : operator;
        Condition.TextOp op = switch (opText) {
            case "eq", "==", "=" -> Condition.TextOp.EQ;
            case "neq", "ne", "!=" -> Condition.TextOp.NEQ;
            case "contains" -> Condition.TextOp.CONTAINS;
            case "startswith", "starts_with" -> Condition.TextOp.STARTSWITH;
            case "endswith", "ends_with" -> Condition.TextOp.ENDSWITH;
            case "regex", "matches" -> Condition.TextOp.REGEX;
            case "in" -> Condition.TextOp.IN;
            case "not_in", "nin" -> Condition.TextOp.NOT_IN;
            default -> throw new RuleValidationException(path + ".operator",
                    "operator " + opText + " does not apply to text (eq, neq, contains, startswith, endswith, regex, in, not_in)");
        };
        if (op == Condition.TextOp.IN || op == Condition.TextOp.NOT_IN) {
            List<String> items = new ArrayList<>();
            if (value instanceof List<?> list) {
                for (Object o : list) {
                    items.add(o == null ? "" : o.toString());
                }
            } else if (value instanceof String s) {
                items.addAll(List.of(s.split(",")));
            } else {
                throw new RuleValidationException(path + ".value", "value must be a list or a comma-separated text");
            }
            List<String> clean = new ArrayList<>();
            for (String item : items) {
                String t = item.strip().toLowerCase(Locale.ROOT);
                if (t.isEmpty() || t.length() > settings.maxPatternLength()) {
                    throw new RuleValidationException(path + ".value", "each entry must be 1 to " + settings.maxPatternLength() + " characters");
                }
                clean.add(t);
            }
            if (clean.isEmpty() || clean.size() > MAX_LIST) {
                throw new RuleValidationException(path + ".value", "value must list 1 to " + MAX_LIST + " entries");
            }
            return new Parsed<>(new Condition.TextTest(subject, op, List.copyOf(clean), null),
                    canonical(subject.json(), op.name(), clean), List.of());
        }
        if (!(value instanceof String || value instanceof Number) || value.toString().isBlank()) {
            throw new RuleValidationException(path + ".value", "value must be non-empty text");
        }
        String text = value.toString().strip();
        if (text.length() > settings.maxPatternLength()) {
            throw new RuleValidationException(path + ".value", "value is longer than " + settings.maxPatternLength() + " characters");
        }
        Pattern pattern = null;
        if (op == Condition.TextOp.REGEX) {
            try {
                pattern = Pattern.compile(text, Pattern.CASE_INSENSITIVE);
            } catch (PatternSyntaxException e) {
                throw new RuleValidationException(path + ".value", "not a valid regular expression: " + e.getDescription());
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (op == Condition.TextOp.EQ && subject == Subject.SQUAWK && !SQUAWK.matcher(lower).matches()) {
            throw new RuleValidationException(path + ".value", "a squawk is 4 octal digits");
        }
        if (op == Condition.TextOp.EQ && subject == Subject.HEX && !HEX.matcher(lower).matches()) {
            throw new RuleValidationException(path + ".value", "an ICAO hex is 6 hexadecimal digits");
        }
        return new Parsed<>(new Condition.TextTest(subject, op, List.of(lower), pattern),
                canonical(subject.json(), op.name(), text), List.of());
    }

    private static boolean flagValue(Object v, String path) throws RuleValidationException {
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().strip().toLowerCase(Locale.ROOT);
        if (s.equals("true")) {
            return true;
        }
        if (s.equals("false")) {
            return false;
        }
        throw new RuleValidationException(path, "value must be true or false");
    }

    private static double number(Object v, String path) throws RuleValidationException {
        double d;
        if (v instanceof Number n) {
            d = n.doubleValue();
        } else if (v instanceof String s) {
            try {
                d = Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                throw new RuleValidationException(path, "value must be a number");
            }
        } else {
            throw new RuleValidationException(path, "value must be a number");
        }
        if (!Double.isFinite(d)) {
            throw new RuleValidationException(path, "value must be a finite number");
        }
        return d;
    }

    // ---- geofences ----

    private Geofence geofence(Object value, String path, long ruleId, int index) throws RuleValidationException {
        Map<String, Object> v = object(value, path);
        String id = optionalText(v.get("id"), path + ".id", 64);
        if (id != null && !FENCE_ID.matcher(id).matches()) {
            throw new RuleValidationException(path + ".id", "id may hold letters, digits, '_', '.' and '-' only");
        }
        String fenceId = id != null ? id : "rule-" + ruleId + "-fence-" + index;
        String name = optionalText(v.get("name"), path + ".name", settings.maxNameLength());
        Object shape = v.get("shape");
        String s = shape == null ? (v.containsKey("points") ? "polygon" : "circle") : shape.toString().toLowerCase(Locale.ROOT);
        switch (s) {
            case "circle" -> {
                double[] centre = centre(v, path);
                if (v.get("radius_nm") == null) {
                    throw new RuleValidationException(path + ".radius_nm", "radius_nm is required for a circle");
                }
                double r = number(v.get("radius_nm"), path + ".radius_nm");
                if (r <= 0 || r > settings.maxRadiusNm()) {
                    throw new RuleValidationException(path + ".radius_nm", "radius_nm must be above 0 and at most " + settings.maxRadiusNm());
                }
                return new Geofence.Circle(fenceId, name, centre[0], centre[1], r);
            }
            case "polygon" -> {
                if (!(v.get("points") instanceof List<?> points)) {
                    throw new RuleValidationException(path + ".points", "points must be a list of [lat, lon]");
                }
                List<double[]> pts = new ArrayList<>();
                for (int i = 0; i < points.size(); i++) {
                    pts.add(point(points.get(i), path + ".points[" + i + "]"));
                }
                if (pts.size() > 1 && pts.get(0)[0] == pts.get(pts.size() - 1)[0] && pts.get(0)[1] == pts.get(pts.size() - 1)[1]) {
                    pts.remove(pts.size() - 1); // a closed ring
                }
                if (pts.size() > settings.maxPolygonPoints()) {
                    throw new RuleValidationException(path + ".points", "at most " + settings.maxPolygonPoints() + " points");
                }
                double[] lats = new double[pts.size()];
                double[] lons = new double[pts.size()];
                for (int i = 0; i < pts.size(); i++) {
                    lats[i] = pts.get(i)[0];
                    lons[i] = pts.get(i)[1];
                }
                String problem = Polygons.problem(lats, lons);
                if (problem != null) {
                    throw new RuleValidationException(path + ".points", problem);
                }
                return new Geofence.Polygon(fenceId, name, lats, lons);
            }
            default -> throw new RuleValidationException(path + ".shape", "shape must be circle or polygon");
        }
    }

    /** The fence as stored: the client's fields in canonical form, its id only if the client gave one. */
    private static Map<String, Object> canonicalFence(Object value, Geofence fence) {
        Map<String, Object> m = new LinkedHashMap<>(fence.toMap());
        Object given = value instanceof Map<?, ?> v ? v.get("id") : null;
        if (given == null) {
            m.remove("id");
        }
        if (m.get("name") == null) {
            m.remove("name");
        }
        return m;
    }

    private double[] centre(Map<String, Object> v, String path) throws RuleValidationException {
        Object c = v.get("center") != null ? v.get("center") : v.get("centre");
        if (c != null) {
            return point(c, path + ".center");
        }
        if (v.get("lat") == null || v.get("lon") == null) {
            throw new RuleValidationException(path + ".lat", "a circle needs lat and lon (or center)");
        }
        return latLon(v.get("lat"), v.get("lon"), path);
    }

    private double[] point(Object p, String path) throws RuleValidationException {
        if (p instanceof List<?> l && l.size() == 2) {
            return latLon(l.get(0), l.get(1), path);
        }
        if (p instanceof Map<?, ?> m && m.get("lat") != null && m.get("lon") != null) {
            return latLon(m.get("lat"), m.get("lon"), path);
        }
        throw new RuleValidationException(path, "a point is [lat, lon] or {\"lat\":..,\"lon\":..}");
    }

    private static double[] latLon(Object lat, Object lon, String path) throws RuleValidationException {
        double la = number(lat, path + ".lat");
        double lo = number(lon, path + ".lon");
        if (la < -90 || la > 90) {
            throw new RuleValidationException(path + ".lat", "latitude must be between -90 and 90");
        }
        if (lo < -180 || lo > 180) {
            throw new RuleValidationException(path + ".lon", "longitude must be between -180 and 180");
        }
        return new double[] {la, lo};
    }
}
