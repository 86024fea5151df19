package dev.codebuildspec.buildspec;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed and validated buildspec. Immutable; every node knows where it came from.
 * {@code sourceName} is what diagnostics and the log call the file (a path, or a label for inline text).
 */
public record Buildspec(
        String version,
        String sourceName,
        Optional<String> runAs,
        EnvSection env,
        Map<PhaseName, Phase> phases,
        Optional<ArtifactsSpec> artifacts,
        Map<String, ReportGroup> reports,
        Optional<CacheSpec> cache,
        Optional<BatchSpec> batch,
        Optional<ProxySpec> proxy) {

    public Buildspec {
        EnumMap<PhaseName, Phase> copy = new EnumMap<>(PhaseName.class);
        copy.putAll(phases);
        phases = Collections.unmodifiableMap(copy);
        reports = Collections.unmodifiableMap(new LinkedHashMap<>(reports));
    }

    /** Version 0.1 runs every command in a fresh shell; 0.2 carries state between commands. */
    public boolean isLegacyVersion() {
        return "0.1".equals(version);
    }

    public Optional<Phase> phase(PhaseName name) {
        return Optional.ofNullable(phases.get(name));
    }

    /** This buildspec with {@code phase} in place of the phase of its name. */
    public Buildspec withPhase(Phase phase) {
        Map<PhaseName, Phase> changed = new EnumMap<>(phases);
        changed.put(phase.name(), phase);
        return new Buildspec(version, sourceName, runAs, env, changed, artifacts, reports, cache, batch, proxy);
    }

    /** This buildspec without its batch section (a plain build ignores it). */
    public Buildspec withoutBatch() {
        return new Buildspec(version, sourceName, runAs, env, phases, artifacts, reports, cache, Optional.empty(), proxy);
    }
}
