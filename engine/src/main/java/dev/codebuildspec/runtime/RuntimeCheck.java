package dev.codebuildspec.runtime;

import dev.codebuildspec.buildspec.Buildspec;
import dev.codebuildspec.buildspec.Phase;
import dev.codebuildspec.buildspec.PhaseName;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether a buildspec's {@code runtime-versions} can be met by a runtimes file known before any container starts (the
 * caller's own): a build checks it in DOWNLOAD_SOURCE, {@code validate --runtimes} checks it the same way.
 */
public final class RuntimeCheck {
    private RuntimeCheck() {
    }

    /** Why not, with the place it was written; empty when they can be met, or when nothing is asked. */
    public static Optional<String> refusal(RuntimesFile file, Buildspec spec, Function<String, Optional<String>> variables) {
        Optional<Phase> install = spec.phase(PhaseName.INSTALL);
        Map<String, String> requested = install.map(Phase::runtimeVersions).orElse(Map.of());
        if (requested.isEmpty()) {
            return Optional.empty();
        }
        try {
            new RuntimeSelector(file).select(requested, variables);
            return Optional.empty();
        } catch (RuntimeSelector.Refused e) {
            return Optional.of(e.getMessage() + " (phases.install.runtime-versions at " + spec.sourceName() + ":"
                    + install.get().position() + ")");
        }
    }
}
