package dev.codebuildspec.buildspec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One phase of a buildspec. Collections are unmodifiable; map order is the source order. */
public record Phase(
        PhaseName name,
        Optional<String> runAs,
        Optional<OnFailure> onFailure,
        Map<String, String> runtimeVersions,
        List<Command> commands,
        List<Command> finallyCommands,
        Position position) {
    public Phase {
        runtimeVersions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(runtimeVersions));
        commands = List.copyOf(commands);
        finallyCommands = List.copyOf(finallyCommands);
    }
}
