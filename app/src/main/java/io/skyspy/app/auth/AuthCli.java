package io.skyspy.app.auth;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Manages users and API keys in the store file (hashes only):
 * <pre>
 * users add NAME [--password P] [--role R]... [--permission P]...   (prompts for the password when omitted)
 * users list
 * apikeys create LABEL [--test] [--role R]... [--permission P]...  (prints the key once)
 * apikeys list
 * apikeys revoke ID
 * </pre>
 * Options before the command: {@code --store FILE} (default data/auth.json),
 * {@code --iterations N} (password hashing cost).
 */
public final class AuthCli {
    private final Path store;
    private final int iterations;
    private final PrintStream out;

    public AuthCli(Path store, int iterations, PrintStream out) {
        this.store = store;
        this.iterations = iterations;
        this.out = out;
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("users") || args[0].equals("apikeys"));
    }

    /** Runs one command; returns the process exit code. */
    public static int main(String[] args, Path defaultStore, PrintStream out) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        Path store = defaultStore;
        int iterations = PasswordHasher.DEFAULT_ITERATIONS;
        try {
            store = Path.of(option(rest, "--store", store.toString()));
            iterations = Integer.parseInt(option(rest, "--iterations", String.valueOf(iterations)));
            return new AuthCli(store, iterations, out).run(rest);
        } catch (IllegalArgumentException | IOException e) {
            out.println("skyspy: " + e.getMessage());
            return 2;
        }
    }

    int run(List<String> args) throws IOException {
        if (args.size() < 2) {
            throw new IllegalArgumentException("usage: users add|list, apikeys create|list|revoke");
        }
        String group = args.get(0);
        String command = args.get(1);
        List<String> rest = new ArrayList<>(args.subList(2, args.size()));
        UserStore.Contents c = UserStore.read(store);
        switch (group + " " + command) {
            case "users add" -> {
                String name = positional(rest, "a user name");
                String password = option(rest, "--password", null);
                List<String> roles = options(rest, "--role");
                List<String> permissions = options(rest, "--permission");
                if (password == null) {
                    password = prompt(name);
                }
                List<User> users = new ArrayList<>(c.users());
                users.removeIf(u -> u.username().equals(name));
                users.add(new User("user:" + name, name, PasswordHasher.hash(password, iterations), roles, permissions));
                UserStore.write(store, new UserStore.Contents(users, c.apiKeys()));
                out.println("user " + name + " saved in " + store);
            }
            case "users list" -> c.users().forEach(u -> out.println(u.username() + " roles=" + u.roles() + " permissions=" + u.permissions()));
            case "apikeys create" -> {
                boolean test = rest.remove("--test");
                List<String> roles = options(rest, "--role");
                List<String> permissions = options(rest, "--permission");
                String label = positional(rest, "a label");
                ApiKey.Created created = ApiKey.create("key:" + UUID.randomUUID(), label, !test, roles, permissions);
                List<ApiKey> keys = new ArrayList<>(c.apiKeys());
                keys.add(created.stored());
                UserStore.write(store, new UserStore.Contents(c.users(), keys));
                out.println(created.key());
                out.println("(shown once: only a hash is stored; id " + created.stored().id() + ")");
            }
            case "apikeys list" -> c.apiKeys().forEach(k -> out.println(k.id() + " " + k.label() + " " + k.prefix() + "…"
                    + (k.revoked() ? " REVOKED" : "") + " roles=" + k.roles() + " permissions=" + k.permissions()));
            case "apikeys revoke" -> {
                String id = positional(rest, "a key id");
                List<ApiKey> keys = c.apiKeys().stream().map(k -> k.id().equals(id) ? k.revoke() : k).toList();
                if (keys.stream().noneMatch(k -> k.id().equals(id))) {
                    throw new IllegalArgumentException("no key " + id);
                }
                UserStore.write(store, new UserStore.Contents(c.users(), keys));
                out.println("revoked " + id + " (running servers notice at their next start)");
            }
            default -> throw new IllegalArgumentException("unknown command " + group + " " + command);
        }
        return 0;
    }

    private static String prompt(String name) {
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("no terminal to ask for the password: pass --password");
        }
        return new String(console.readPassword("password for %s: ", name));
    }

    private static String positional(List<String> rest, String what) {
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new IllegalArgumentException("missing " + what);
        }
        return rest.remove(0);
    }

    private static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        if (i < 0) {
            return fallback;
        }
        if (i + 1 >= args.size()) {
            throw new IllegalArgumentException("missing value for " + name);
        }
        args.remove(i);
        return args.remove(i);
    }

    private static List<String> options(List<String> args, String name) {
        List<String> out = new ArrayList<>();
        for (String v = option(args, name, null); v != null; v = option(args, name, null)) {
            out.add(v);
        }
        return out;
    }
}
