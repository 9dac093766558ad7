package io.skyspy.actors.aircraft;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Registrations, types and operators by ICAO address, loaded from one of the two widely used
 * public aircraft databases:
 *
 * <ul>
 *   <li>tar1090-db {@code aircraft.csv(.gz)}: {@code icao;reg;type;flags;desc;year;ownOp}, no
 *       header; {@code flags} is a string of 0/1 where character j is bit j (military, interesting,
 *       PIA, LADD);
 *   <li>the OpenSky aircraft database CSV: comma separated, quoted, with a header naming
 *       {@code icao24, registration, typecode, manufacturername, model, operator, owner, built}.
 * </ul>
 *
 * The format is told by the header, gzip by its magic bytes. Rows that cannot be read are skipped
 * and counted; lines starting with {@code #} are comments.
 *
 * <p>Immutable once loaded, so one instance can be shared by every actor. The full tar1090 file
 * has ~600k rows, so rows are stored as columns: addresses in a sorted {@code int[]} (binary
 * search), registrations in one byte array, types, descriptions and operators as indexes into
 * a table of distinct strings; about 30 bytes a row. {@link AircraftInfo} is built on lookup.
 * Loading reads a file: call it off the default dispatcher.
 */
public final class AircraftDatabase {

    public static final String SAMPLE_RESOURCE = "/aircraft-db/sample.csv";

    private static final int MILITARY_BIT = 1;
    private static final int INTERESTING_BIT = 2;
    private static final int PIA_BIT = 4;
    private static final int LADD_BIT = 8;
    private static final int MAX_LINES_PER_RECORD = 20;

    private final int[] icaos;
    private final int[] registrationStart;
    private final byte[] registrationBytes;
    private final int[] typeCodes;
    private final int[] descriptions;
    private final int[] operators;
    private final short[] years;
    private final byte[] flags;
    private final String[] strings;
    private final int skippedRows;

    private AircraftDatabase(Table t, int skippedRows) {
        this.icaos = t.icaos;
        this.registrationStart = t.registrationStart;
        this.registrationBytes = t.registrationBytes;
        this.typeCodes = t.typeCodes;
        this.descriptions = t.descriptions;
        this.operators = t.operators;
        this.years = t.years;
        this.flags = t.flags;
        this.strings = t.strings;
        this.skippedRows = skippedRows;
    }

    public static AircraftDatabase empty() {
        return new AircraftDatabase(new Rows().toTable(), 0);
    }

    /** Reads a database file in either format, gzipped or not. */
    public static AircraftDatabase load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        }
    }

    /** Reads a database from a stream in either format, gzipped or not; the caller closes it. */
    public static AircraftDatabase load(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        InputStream data = gzip ? new GZIPInputStream(in, 1 << 16) : in;
        BufferedReader reader = new BufferedReader(new InputStreamReader(data, StandardCharsets.UTF_8), 1 << 16);
        return new Loader(reader).load();
    }

    /** The small tar1090-format sample bundled with the server, for demos and the simulator. */
    public static AircraftDatabase loadSample() {
        try (InputStream in = AircraftDatabase.class.getResourceAsStream(SAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SAMPLE_RESOURCE + " is not on the classpath");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Case-insensitive; empty for unknown aircraft and for anything not six hex digits (e.g. {@code ~} addresses). */
    public Optional<AircraftInfo> lookup(String hex) {
        int icao = parseIcao(hex);
        return icao < 0 ? Optional.empty() : lookup(icao);
    }

    public Optional<AircraftInfo> lookup(int icao24) {
        int i = Arrays.binarySearch(icaos, icao24);
        return i < 0 ? Optional.empty() : Optional.of(info(i));
    }

    /** Military by the database's flag, or by its address block when the database has no row. */
    public boolean isMilitary(String hex) {
        int icao = parseIcao(hex);
        if (icao < 0) {
            return false;
        }
        int i = Arrays.binarySearch(icaos, icao);
        return (i >= 0 && (flags[i] & MILITARY_BIT) != 0) || MilitaryRanges.isMilitary(icao);
    }

    /** Aircraft with a row. */
    public int size() {
        return icaos.length;
    }

    /** Rows that could not be read and were left out. */
    public int skippedRows() {
        return skippedRows;
    }

    private AircraftInfo info(int i) {
        int start = registrationStart[i];
        int length = registrationStart[i + 1] - start;
        String registration = length == 0 ? null : new String(registrationBytes, start, length, StandardCharsets.UTF_8);
        int f = flags[i];
        return new AircraftInfo(
                String.format("%06X", icaos[i]),
                registration,
                strings[typeCodes[i]],
                strings[descriptions[i]],
                strings[operators[i]],
                years[i] == 0 ? null : (int) years[i],
                (f & MILITARY_BIT) != 0 || MilitaryRanges.isMilitary(icaos[i]),
                (f & INTERESTING_BIT) != 0,
                (f & PIA_BIT) != 0,
                (f & LADD_BIT) != 0);
    }

    /** The 24-bit address of six hex digits (surrounding blanks allowed), or -1. */
    static int parseIcao(String hex) {
        if (hex == null) {
            return -1;
        }
        String h = hex.strip();
        if (h.length() != 6) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < 6; i++) {
            int digit = Character.digit(h.charAt(i), 16);
            if (digit < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /** Reads the lines of either format into {@link Rows}. */
    private static final class Loader {
        private final BufferedReader reader;
        private final Rows rows = new Rows();
        private int skipped;

        Loader(BufferedReader reader) {
            this.reader = reader;
        }

        AircraftDatabase load() throws IOException {
            String first = nextLine();
            if (first != null) {
                OpenSkyColumns header = OpenSkyColumns.fromHeader(first);
                if (header != null) {
                    readOpenSky(header);
                } else {
                    readTar1090(first);
                    for (String line = nextLine(); line != null; line = nextLine()) {
                        readTar1090(line);
                    }
                }
            }
            return new AircraftDatabase(rows.toTable(), skipped);
        }

        /** The next line that is not blank and not a comment, or null at the end. */
        private String nextLine() throws IOException {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    return line;
                }
            }
            return null;
        }

        private void readTar1090(String line) {
            String[] f = line.split(";", -1);
            int icao = parseIcao(f[0]);
            int flagBits = f.length > 3 ? parseFlags(f[3].strip()) : -1;
            if (icao < 0 || f.length < 4 || flagBits < 0) {
                skipped++;
                return;
            }
            rows.add(icao, text(f, 1), text(f, 2), text(f, 4), text(f, 6), parseYear(text(f, 5)), flagBits);
        }

        private void readOpenSky(OpenSkyColumns columns) throws IOException {
            for (String line = nextLine(); line != null; line = nextLine()) {
                List<String> f = splitCsv(line, columns.quote);
                for (int extra = 0; f == null && extra < MAX_LINES_PER_RECORD; extra++) {
                    // a quoted field may span lines
                    String more = reader.readLine();
                    if (more == null) {
                        break;
                    }
                    line = line + "\n" + more;
                    f = splitCsv(line, columns.quote);
                }
                if (f == null || f.size() < columns.count) {
                    skipped++;
                    continue;
                }
                int icao = parseIcao(f.get(columns.icao24));
                if (icao < 0) {
                    skipped++;
                    continue;
                }
                String operator = columns.value(f, columns.operator);
                rows.add(icao,
                        columns.value(f, columns.registration),
                        columns.value(f, columns.typeCode),
                        describe(columns.value(f, columns.manufacturer), columns.value(f, columns.model)),
                        operator != null ? operator : columns.value(f, columns.owner),
                        parseYear(columns.value(f, columns.built)),
                        0);
            }
        }

        /** "Boeing" + "737-8H4" reads "Boeing 737-8H4"; a model that names its maker stays as it is. */
        private static String describe(String manufacturer, String model) {
            if (model == null) {
                return manufacturer;
            }
            if (manufacturer == null) {
                return model;
            }
            String maker = manufacturer.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            return model.toLowerCase(Locale.ROOT).contains(maker) ? model : manufacturer + " " + model;
        }

        private static String text(String[] f, int i) {
            return i < f.length ? blankToNull(f[i]) : null;
        }

        /** Bits from a 0/1 string, character j = bit j; -1 when it is anything else. */
        private static int parseFlags(String s) {
            int bits = 0;
            for (int j = 0; j < s.length(); j++) {
                char c = s.charAt(j);
                if (c == '1') {
                    bits |= j < 8 ? 1 << j : 0;
                } else if (c != '0') {
                    return -1;
                }
            }
            return bits;
        }

        /** The year from "2008" or "2008-05-01"; 0 when there is none worth believing. */
        private static int parseYear(String s) {
            if (s == null || s.length() < 4) {
                return 0;
            }
            int year = 0;
            for (int i = 0; i < 4; i++) {
                int d = Character.digit(s.charAt(i), 10);
                if (d < 0) {
                    return 0;
                }
                year = year * 10 + d;
            }
            return year >= 1900 && year <= 2100 ? year : 0;
        }
    }

    /** Where the fields we use are in an OpenSky header. */
    private static final class OpenSkyColumns {
        final char quote;
        final int count;
        final int icao24;
        final int registration;
        final int typeCode;
        final int manufacturer;
        final int model;
        final int operator;
        final int owner;
        final int built;

        private OpenSkyColumns(char quote, List<String> names) {
            this.quote = quote;
            this.count = names.size();
            this.icao24 = names.indexOf("icao24");
            this.registration = names.indexOf("registration");
            this.typeCode = names.indexOf("typecode");
            this.manufacturer = names.indexOf("manufacturername");
            this.model = names.indexOf("model");
            this.operator = names.indexOf("operator");
            this.owner = names.indexOf("owner");
            this.built = names.indexOf("built");
        }

        /** The columns if {@code line} is an OpenSky header, else null (tar1090 has no header). */
        static OpenSkyColumns fromHeader(String line) {
            String stripped = line.strip();
            // older exports quote with ", newer ones with '
            char quote = stripped.startsWith("'") ? '\'' : '"';
            List<String> fields = splitCsv(stripped, quote);
            if (fields == null) {
                return null;
            }
            List<String> names = fields.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
            return names.contains("icao24") ? new OpenSkyColumns(quote, names) : null;
        }

        String value(List<String> fields, int column) {
            return column < 0 || column >= fields.size() ? null : blankToNull(fields.get(column));
        }
    }

    /**
     * Splits one CSV record: fields that start with the quote character run to the matching quote,
     * and a doubled quote inside them is a literal one. Null when a quoted field is still open at
     * the end of the text, so the caller can append the next line.
     */
    static List<String> splitCsv(String line, char quote) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            field.setLength(0);
            if (i < n && line.charAt(i) == quote) {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = line.charAt(i++);
                    if (c != quote) {
                        field.append(c);
                    } else if (i < n && line.charAt(i) == quote) {
                        field.append(quote);
                        i++;
                    } else {
                        closed = true;
                        break;
                    }
                }
                if (!closed) {
                    return null;
                }
                // tolerate stray text between the closing quote and the comma
                while (i < n && line.charAt(i) != ',') {
                    field.append(line.charAt(i++));
                }
            } else {
                while (i < n && line.charAt(i) != ',') {
                    field.append(line.charAt(i++));
                }
            }
            fields.add(field.toString());
            if (i >= n) {
                return fields;
            }
            i++; // the comma
        }
    }

    private static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /** Rows as they are read, in growable columns, with repeated strings stored once. */
    private static final class Rows {
        private final Map<String, Integer> stringIndex = new HashMap<>();
        private final List<String> strings = new ArrayList<>(List.of(""));
        private int size;
        private int[] icaos = new int[1024];
        private String[] registrations = new String[1024];
        private int[] typeCodes = new int[1024];
        private int[] descriptions = new int[1024];
        private int[] operators = new int[1024];
        private short[] years = new short[1024];
        private byte[] flags = new byte[1024];

        Rows() {
            // index 0 stands for "unknown"
            strings.set(0, null);
        }

        void add(int icao, String registration, String typeCode, String description, String operator, int year, int flagBits) {
            if (size == icaos.length) {
                grow();
            }
            icaos[size] = icao;
            registrations[size] = registration;
            typeCodes[size] = intern(typeCode);
            descriptions[size] = intern(description);
            operators[size] = intern(operator);
            years[size] = (short) year;
            flags[size] = (byte) flagBits;
            size++;
        }

        private int intern(String s) {
            if (s == null) {
                return 0;
            }
            return stringIndex.computeIfAbsent(s, k -> {
                strings.add(k);
                return strings.size() - 1;
            });
        }

        private void grow() {
            int n = icaos.length * 2;
            icaos = Arrays.copyOf(icaos, n);
            registrations = Arrays.copyOf(registrations, n);
            typeCodes = Arrays.copyOf(typeCodes, n);
            descriptions = Arrays.copyOf(descriptions, n);
            operators = Arrays.copyOf(operators, n);
            years = Arrays.copyOf(years, n);
            flags = Arrays.copyOf(flags, n);
        }

        /** Sorted by address; of several rows for one address the last one read wins. */
        Table toTable() {
            long[] order = new long[size];
            for (int i = 0; i < size; i++) {
                order[i] = (long) icaos[i] << 32 | i;
            }
            Arrays.sort(order);
            int unique = 0;
            for (int k = 0; k < size; k++) {
                if (k + 1 == size || (int) (order[k + 1] >>> 32) != (int) (order[k] >>> 32)) {
                    order[unique++] = order[k];
                }
            }
            Table t = new Table(unique, strings.toArray(new String[0]));
            byte[][] regs = new byte[unique][];
            int regTotal = 0;
            for (int k = 0; k < unique; k++) {
                int row = (int) order[k];
                t.icaos[k] = icaos[row];
                t.typeCodes[k] = typeCodes[row];
                t.descriptions[k] = descriptions[row];
                t.operators[k] = operators[row];
                t.years[k] = years[row];
                t.flags[k] = flags[row];
                regs[k] = registrations[row] == null ? new byte[0] : registrations[row].getBytes(StandardCharsets.UTF_8);
                regTotal += regs[k].length;
            }
            t.registrationBytes = new byte[regTotal];
            int offset = 0;
            for (int k = 0; k < unique; k++) {
                t.registrationStart[k] = offset;
                System.arraycopy(regs[k], 0, t.registrationBytes, offset, regs[k].length);
                offset += regs[k].length;
            }
            t.registrationStart[unique] = offset;
            return t;
        }
    }

    /** The final, sorted columns. */
    private static final class Table {
        final int[] icaos;
        final int[] registrationStart;
        byte[] registrationBytes;
        final int[] typeCodes;
        final int[] descriptions;
        final int[] operators;
        final short[] years;
        final byte[] flags;
        final String[] strings;

        Table(int n, String[] strings) {
            this.icaos = new int[n];
            this.registrationStart = new int[n + 1];
            this.typeCodes = new int[n];
            this.descriptions = new int[n];
            this.operators = new int[n];
            this.years = new short[n];
            this.flags = new byte[n];
            this.strings = strings;
        }
    }
}
