package io.skyspy.actors.session;

import io.skyspy.protocol.ServerMessages;
import java.util.Map;

/**
 * Typed reads of a request's {@code params}: JSON numbers and numeric strings are both taken,
 * since clients send either. Each getter throws {@link Invalid} naming the parameter.
 *
 * <p>Nested values are turned back into Java maps and lists first: a request that crossed nodes
 * was deserialized by the actor system's Jackson, whose Scala module makes untyped JSON arrays
 * and objects Scala collections.
 */
public final class RequestParams {
    /** A parameter that is present but unusable. */
    public static final class Invalid extends Exception {
        private final String parameter;

        public Invalid(String parameter, String message) {
            super(message, null, false, false);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }

        /** The answer to a request with this parameter: {@code Invalid parameter}, naming it. */
        public byte[] error(String requestId) {
            return ServerMessages.error("Invalid parameter", requestId, "parameter", parameter);
        }
    }

    private final Map<String, Object> params;

    @SuppressWarnings("unchecked")
    public RequestParams(Map<String, Object> params) {
        this.params = params == null ? Map.of() : (Map<String, Object>) javaValue(params);
    }

    /** {@code v} with every Scala map or collection inside it replaced by a Java one. */
    public static Object javaValue(Object v) {
        if (v instanceof scala.collection.Map<?, ?> m) {
            return javaValue(scala.jdk.javaapi.CollectionConverters.asJava(m));
        }
        if (v instanceof scala.collection.Iterable<?> i) {
            return javaValue(scala.jdk.javaapi.CollectionConverters.asJava(i));
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), javaValue(x)));
            return out;
        }
        if (v instanceof Iterable<?> i) {
            java.util.List<Object> out = new java.util.ArrayList<>();
            i.forEach(x -> out.add(javaValue(x)));
            return out;
        }
        return v;
    }

    public Map<String, Object> raw() {
        return params;
    }

    /** The first present of {@code names} as text, or null. */
    public String text(String... names) {
        for (String n : names) {
            Object v = params.get(n);
            if (v != null && !(v instanceof Map) && !(v instanceof Iterable)) {
                String s = v.toString().strip();
                if (!s.isEmpty()) {
                    return s;
                }
            }
        }
        return null;
    }

    /** The first present of {@code names} as a whole number, or null. */
    public Long longValue(String... names) throws Invalid {
        for (String n : names) {
            Object v = params.get(n);
            if (v == null) {
                continue;
            }
            if (v instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue())) {
                return num.longValue();
            }
            try {
                return Long.parseLong(v.toString().strip());
            } catch (NumberFormatException e) {
                throw new Invalid(n, n + " must be a whole number");
            }
        }
        return null;
    }

    /** An integer within [min, max], {@code fallback} when absent. */
    public int intInRange(String name, int fallback, int min, int max) throws Invalid {
        Long v = longValue(name);
        if (v == null) {
            return fallback;
        }
        if (v < min || v > max) {
            throw new Invalid(name, name + " must be between " + min + " and " + max);
        }
        return v.intValue();
    }

    /** {@code true}/{@code false} as JSON booleans or text, {@code fallback} when absent. */
    public boolean flag(String name, boolean fallback) throws Invalid {
        Object v = params.get(name);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().strip().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("true") || s.equals("1")) {
            return true;
        }
        if (s.equals("false") || s.equals("0")) {
            return false;
        }
        throw new Invalid(name, name + " must be true or false");
    }
}
