package dev.codebuildspec.parse;

import dev.codebuildspec.run.BuildLimits;
import dev.codebuildspec.buildspec.EnvSection;
import dev.codebuildspec.buildspec.EnvValue;
import dev.codebuildspec.buildspec.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads {@code env} (0.2) and {@code environment_variables.plaintext} (0.1) into one {@link EnvSection}. */
final class EnvReader {
    private static final Set<String> KEYS = Set.of("shell", "variables", "parameter-store", "secrets-manager",
            "exported-variables", "git-credential-helper");
    private static final Set<String> VERSION_02_KEYS = Set.of("parameter-store", "secrets-manager",
            "exported-variables", "git-credential-helper");
    private static final Set<String> WINDOWS_SHELLS = Set.of("powershell.exe", "cmd.exe", "powershell", "cmd", "pwsh");

    private final NodeReader reader;
    /** Every name seen in any of the three maps, to catch one name defined twice. */
    private final Map<String, EnvValue> seen = new HashMap<>();
    private final Map<String, String> seenIn = new HashMap<>();

    EnvReader(NodeReader reader) {
        this.reader = reader;
    }

    EnvSection read(Optional<Field> env, Optional<Field> legacyEnv) {
        Map<String, EnvValue> variables = new LinkedHashMap<>();
        legacyEnv.ifPresent(f -> readLegacy(f, variables));
        if (env.isEmpty()) {
            return new EnvSection(EnvSection.DEFAULT_SHELL, variables, Map.of(), Map.of(), List.of(), false);
        }
        Optional<Fields> maybe = reader.mapping(env.get());
        if (maybe.isEmpty()) {
            return new EnvSection(EnvSection.DEFAULT_SHELL, variables, Map.of(), Map.of(), List.of(), false);
        }
        Fields fields = maybe.get();
        fields.warnUnknown(KEYS, reader.diagnostics());
        for (String key : VERSION_02_KEYS) {
            fields.get(key).ifPresent(reader::requireVersion02);
        }
        String shell = fields.get("shell").flatMap(this::shell).orElse(EnvSection.DEFAULT_SHELL);
        fields.get("variables").ifPresent(f -> variables.putAll(valueMap(f, false)));
        Map<String, EnvValue> parameterStore = fields.get("parameter-store")
                .map(f -> valueMap(f, true)).orElse(Map.of());
        Map<String, EnvValue> secretsManager = fields.get("secrets-manager")
                .map(f -> valueMap(f, true)).orElse(Map.of());
        Set<String> secretNames = new HashSet<>(parameterStore.keySet());
        secretNames.addAll(secretsManager.keySet());
        List<String> exported = fields.get("exported-variables").map(f -> exported(f, secretNames)).orElse(List.of());
        boolean gitHelper = reader.bool(fields, "git-credential-helper", false);
        return new EnvSection(shell, variables, parameterStore, secretsManager, exported, gitHelper);
    }

    private void readLegacy(Field f, Map<String, EnvValue> variables) {
        if (!reader.isLegacyVersion()) {
            reader.warning(f.position(), "environment_variables is deprecated since version 0.2; "
                    + "use env.variables instead (still honoured)");
        }
        reader.mapping(f).ifPresent(fields -> {
            fields.warnUnknown(Set.of("plaintext"), reader.diagnostics());
            fields.get("plaintext").ifPresent(p -> variables.putAll(valueMap(p, false)));
        });
    }

    private Optional<String> shell(Field f) {
        Optional<Text> t = reader.nonEmptyScalar(f);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        String v = t.get().value().trim();
        switch (v) {
            case "sh", "/bin/sh":
                return Optional.of("sh");
            case "bash", "/bin/bash":
                return Optional.of("bash");
            default:
                if (WINDOWS_SHELLS.contains(v.toLowerCase(Locale.ROOT))) {
                    reader.error(t.get().position(), "env.shell " + Nodes.quote(v)
                            + " is a Windows shell; Windows shells are not supported (use sh or bash)");
                } else {
                    reader.error(t.get().position(), "env.shell must be one of sh, /bin/sh, bash, /bin/bash, found "
                            + Nodes.quote(v));
                }
                return Optional.empty();
        }
    }

    /** {@code reference}: parameter-store and secrets-manager values name something to fetch, so they cannot be empty. */
    private Map<String, EnvValue> valueMap(Field f, boolean reference) {
        Map<String, EnvValue> out = new LinkedHashMap<>();
        Optional<Fields> maybe = reader.mapping(f);
        if (maybe.isEmpty()) {
            return out;
        }
        for (Field v : maybe.get().all()) {
            boolean nameOk = checkName(v);
            if (!(v.value() instanceof ScalarNode s)) {
                reader.typeError(v, "a scalar");
                continue;
            }
            String value = s.getValue();
            if (value.isEmpty() && Nodes.isEmptyNull(s)) {
                if (reference) {
                    reader.error(v.position(), v.path() + " has no value; expected the name of what to fetch");
                    continue;
                }
                reader.warning(v.position(), v.path() + " has no value; using the empty string");
            }
            EnvValue ev = new EnvValue(v.key(), value, v.position());
            if (nameOk && unique(ev, f.path())) {
                out.put(v.key(), ev);
            }
        }
        return out;
    }

    /** The engine's one rule for variable names ({@link BuildLimits}), in the words a buildspec error uses. */
    private boolean checkName(Field v) {
        String name = v.key();
        if (!BuildLimits.isVariableName(name)) {
            reader.error(v.position(), "invalid environment variable name " + Nodes.quote(name) + " in "
                    + parentPath(v) + ": use letters, digits and underscores, not starting with a digit");
            return false;
        }
        if (name.startsWith(BuildLimits.RESERVED_PREFIX)) {
            reader.error(v.position(), "No user environment variables can start with CODEBUILD_: " + name
                    + " in " + parentPath(v));
            return false;
        }
        return true;
    }

    private boolean unique(EnvValue ev, String mapPath) {
        EnvValue first = seen.get(ev.name());
        if (first != null) {
            reader.error(ev.position(), "environment variable " + ev.name() + " is defined in both "
                    + seenIn.get(ev.name()) + " at " + first.position() + " and " + mapPath + " at "
                    + ev.position());
            return false;
        }
        seen.put(ev.name(), ev);
        seenIn.put(ev.name(), mapPath);
        return true;
    }

    /**
     * The names to export. As CodeBuild, a name that cannot be exported is left out with a warning, and the
     * build goes on: names starting with AWS_, and secrets (CodeBuild never exports those).
     */
    private List<String> exported(Field f, Set<String> secretNames) {
        List<String> names = new ArrayList<>();
        for (Text t : reader.scalarList(f, false)) {
            String name = t.value();
            Position p = t.position();
            if (!NodeReader.IDENTIFIER.matcher(name).matches()) {
                reader.error(p, "invalid variable name " + Nodes.quote(name) + " in env.exported-variables: "
                        + "use letters, digits and underscores, not starting with a digit");
            } else if (name.startsWith("AWS_")) {
                reader.warning(p, "env.exported-variables: " + name + " is not exported: names starting with AWS_ "
                        + "cannot be exported");
            } else if (secretNames.contains(name)) {
                reader.warning(p, "env.exported-variables: " + name + " is not exported: it is a secret "
                        + "(parameter-store or secrets-manager), and secrets are never exported");
            } else {
                names.add(name);
            }
        }
        return names;
    }

    private static String parentPath(Field v) {
        return v.path().substring(0, v.path().length() - v.key().length() - 1);
    }
}
