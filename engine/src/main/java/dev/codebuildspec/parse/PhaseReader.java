package dev.codebuildspec.parse;

import dev.codebuildspec.buildspec.Command;
import dev.codebuildspec.buildspec.OnFailure;
import dev.codebuildspec.buildspec.Phase;
import dev.codebuildspec.buildspec.PhaseName;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code phases}: which phases exist and their commands, finally, on-failure, run-as, runtime-versions. */
final class PhaseReader {
    /** CodeBuild lists the expected names alphabetically in its error. */
    static final String EXPECTED_NAMES = "BUILD,INSTALL,POST_BUILD,PRE_BUILD";

    private static final Set<String> KEYS = Set.of("run-as", "on-failure", "runtime-versions", "commands", "finally");

    private final NodeReader reader;
    private final CommandReader commandReader;
    private final OnFailureReader onFailureReader;

    PhaseReader(NodeReader reader) {
        this.reader = reader;
        this.commandReader = new CommandReader(reader);
        this.onFailureReader = new OnFailureReader(reader);
    }

    Map<PhaseName, Phase> read(Field phasesField) {
        Map<PhaseName, Phase> phases = new EnumMap<>(PhaseName.class);
        Optional<Fields> fields = reader.mapping(phasesField);
        if (fields.isEmpty()) {
            return phases;
        }
        if (fields.get().isEmpty()) {
            reader.error(phasesField.position(), "phases has no phases; CodeBuild's documentation requires "
                    + "at least one of install, pre_build, build, post_build");
        }
        for (Field f : fields.get().all()) {
            Optional<PhaseName> name = PhaseName.fromYamlKey(f.key());
            if (name.isEmpty()) {
                List<String> known = Arrays.stream(PhaseName.values()).map(PhaseName::yamlKey).toList();
                reader.error(f.position(), "Invalid buildspec phase name: " + f.key().toUpperCase(Locale.ROOT)
                        + ". Expecting: " + EXPECTED_NAMES
                        + KeySuggester.suggest(f.key(), known).map(s -> " (did you mean '" + s + "'?)").orElse(""));
                continue;
            }
            readPhase(name.get(), f).ifPresent(p -> phases.put(p.name(), p));
        }
        return phases;
    }

    private Optional<Phase> readPhase(PhaseName name, Field f) {
        Optional<Fields> maybe = reader.mapping(f);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = maybe.get();
        fields.warnUnknown(KEYS, reader.diagnostics());

        Optional<String> runAs = fields.get("run-as").flatMap(r -> {
            reader.requireVersion02(r);
            return reader.nonEmptyScalar(r).map(Text::value);
        });
        Optional<OnFailure> onFailure = fields.get("on-failure").flatMap(o -> {
            reader.requireVersion02(o);
            return onFailureReader.read(o);
        });
        Map<String, String> runtimes = fields.get("runtime-versions")
                .map(r -> runtimeVersions(name, r)).orElse(Map.of());

        Optional<List<Command>> commands = fields.get("commands").flatMap(c -> commandReader.read(c, "Commands"));
        Optional<List<Command>> finallyCommands = fields.get("finally").flatMap(c -> {
            reader.requireVersion02(c);
            return commandReader.read(c, "Finally");
        });

        // CodeBuild runs a phase of only a finally block (release pipelines use `post_build: finally: [...]`).
        if (!fields.has("commands") && !fields.has("finally") && name != PhaseName.INSTALL) {
            reader.error(f.position(), f.path() + " has no commands; pre_build, build and post_build "
                    + "need a commands list (or a finally block)");
        }
        return Optional.of(new Phase(name, runAs, onFailure, runtimes,
                commands.orElse(List.of()), finallyCommands.orElse(List.of()), f.position()));
    }

    private Map<String, String> runtimeVersions(PhaseName name, Field f) {
        if (name != PhaseName.INSTALL) {
            reader.error(f.position(), "runtime-versions is only allowed in the install phase, found in "
                    + name.yamlKey());
        }
        Map<String, String> out = new LinkedHashMap<>();
        reader.mapping(f).ifPresent(runtimes -> {
            for (Field r : runtimes.all()) {
                reader.nonEmptyScalar(r).ifPresent(v -> out.put(r.key(), v.value()));
            }
        });
        return out;
    }
}
