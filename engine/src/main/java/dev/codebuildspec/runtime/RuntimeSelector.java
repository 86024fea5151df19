package dev.codebuildspec.runtime;

import dev.codebuildspec.driver.ShellQuote;
import dev.codebuildspec.runtime.RuntimesFile.RuntimeVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CodeBuild's selection of runtime versions: for each {@code runtime: version} of the install phase, in the
 * buildspec's order, the version is an exact name or an alias, {@code N.x} (the newest N.*), {@code latest}
 * (the newest), or a {@code $VAR} / {@code ${VAR}} holding one of those; a version the file does not list
 * takes the runtime's {@code default} entry with {@code $VERSION} set. A version's {@code requires} selects
 * the runtime it needs, or conflicts with a different selection of it.
 */
public final class RuntimeSelector {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");
    private static final Pattern MAJOR_X = Pattern.compile("(.+)\\.[xX]");

    private final RuntimesFile file;

    public RuntimeSelector(RuntimesFile file) {
        this.file = file;
    }

    /** A selection that cannot be made: CodeBuild's YAML_FILE_ERROR message. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** One runtime chosen: the log line that says so and the commands to run first in INSTALL. */
    public record Selected(String runtime, String version, String logLine, List<String> commands) {
    }

    public List<Selected> select(Map<String, String> requested, Function<String, Optional<String>> env)
            throws Refused {
        Map<String, String> chosen = new LinkedHashMap<>();
        List<Selected> out = new ArrayList<>();
        for (Map.Entry<String, String> r : requested.entrySet()) {
            String version = resolveVariable(r.getKey(), r.getValue(), env);
            Selected s = pick(r.getKey(), version, "manual selections");
            chosen.put(s.runtime(), s.version());
            out.add(s);
        }
        for (int i = 0; i < out.size(); i++) { // requirements may add selections, which may require more
            Selected s = out.get(i);
            RuntimeVersion v = file.runtimes().get(s.runtime()).get(s.version());
            for (Map.Entry<String, List<String>> need : v == null ? List.<Map.Entry<String, List<String>>>of()
                    : v.requires().entrySet()) {
                String have = chosen.get(need.getKey());
                if (have == null) {
                    Selected added = pick(need.getKey(), need.getValue().get(0), "the requirements of '" + s.runtime() + "'");
                    chosen.put(added.runtime(), added.version());
                    out.add(added);
                } else if (!need.getValue().contains(have)) {
                    throw new Refused("Conflicting runtime versions: " + s.runtime() + " " + s.version() + " requires "
                            + need.getKey() + " " + String.join(" or ", need.getValue()) + ", but " + need.getKey()
                            + " " + have + " was selected");
                }
            }
        }
        return out;
    }

    private static String resolveVariable(String runtime, String version, Function<String, Optional<String>> env)
            throws Refused {
        Matcher m = VARIABLE.matcher(version);
        if (!m.matches()) {
            return version;
        }
        return env.apply(m.group(1)).filter(v -> !v.isEmpty()).orElseThrow(() -> new Refused(
                "runtime-versions: " + runtime + ": " + version + " is not set"));
    }

    /** Who offers the runtimes, in CodeBuild's words for an image's own file. */
    private String holder() {
        return file.name().equals(RuntimesFile.IMAGE_PATH) ? "This build image has" : "The runtimes file " + file.name() + " has";
    }

    private Selected pick(String runtime, String version, String reason) throws Refused {
        Map<String, RuntimeVersion> versions = file.runtime(runtime).orElseThrow(() -> new Refused(
                "Unknown runtime named '" + runtime + "'. " + holder() + " the following runtimes: "
                        + String.join(", ", file.runtimes().keySet())));
        List<String> named = versions.keySet().stream().filter(k -> !k.equals(RuntimesFile.DEFAULT)).toList();
        Optional<String> match = match(version, named, versions);
        String line = "Selecting '" + runtime + "' runtime version '" + version + "' based on " + reason + "...";
        if (match.isPresent()) {
            return new Selected(runtime, match.get(), line, versions.get(match.get()).commands());
        }
        RuntimeVersion fallback = versions.get(RuntimesFile.DEFAULT);
        if (fallback == null || version.equals("latest") || MAJOR_X.matcher(version).matches()) {
            throw new Refused("Unknown runtime version named '" + version + "' of " + runtime
                    + ". " + holder() + " the following versions: " + String.join(", ", named));
        }
        List<String> commands = new ArrayList<>();
        commands.add("export VERSION=" + ShellQuote.quote(version));
        commands.addAll(fallback.commands());
        return new Selected(runtime, version, line, commands);
    }

    private static Optional<String> match(String version, List<String> named, Map<String, RuntimeVersion> versions) {
        if (named.contains(version)) {
            return Optional.of(version);
        }
        for (String n : named) {
            if (versions.get(n).aliases().contains(version)) {
                return Optional.of(n);
            }
        }
        if (version.equals("latest")) {
            return named.stream().max(VersionOrder.INSTANCE);
        }
        Matcher major = MAJOR_X.matcher(version);
        if (major.matches()) {
            String m = major.group(1);
            return named.stream().filter(n -> n.equals(m) || n.startsWith(m + ".")).max(VersionOrder.INSTANCE);
        }
        return Optional.empty();
    }

    /** Dotted versions compared part by part, numbers as numbers: 3.9 before 3.10, 18 before 20. */
    enum VersionOrder implements Comparator<String> {
        INSTANCE;

        @Override
        public int compare(String a, String b) {
            String[] x = a.split("\\.");
            String[] y = b.split("\\.");
            for (int i = 0; i < Math.min(x.length, y.length); i++) {
                int c = x[i].matches("\\d{1,9}") && y[i].matches("\\d{1,9}")
                        ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i])) : x[i].compareTo(y[i]);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.length, y.length);
        }
    }
}
