package dev.codebuildspec.run;

import dev.codebuildspec.driver.CommandIndex;
import dev.codebuildspec.driver.DriverMarker;
import dev.codebuildspec.driver.DriverScript;
import dev.codebuildspec.driver.RandomBytes;
import dev.codebuildspec.driver.DriverSettings;
import dev.codebuildspec.env.BuiltInVariables;
import dev.codebuildspec.env.EnvironmentException;
import dev.codebuildspec.env.EnvironmentResolver;
import dev.codebuildspec.env.ResolvedEnvironment;
import dev.codebuildspec.mask.SecretForms;
import dev.codebuildspec.runtime.RuntimeCheck;
import dev.codebuildspec.mask.SecretMasker;
import dev.codebuildspec.parse.Diagnostic;
import dev.codebuildspec.parse.ParseResult;
import dev.codebuildspec.record.PhaseContext;
import dev.codebuildspec.buildspec.Buildspec;
import dev.codebuildspec.buildspec.Command;
import dev.codebuildspec.buildspec.Phase;
import dev.codebuildspec.buildspec.PhaseName;
import dev.codebuildspec.buildspec.Position;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The outcome of DOWNLOAD_SOURCE, before any container exists: the buildspec, its environment,
 * the masker for every secret value, and the driver script. When {@link #failure()} is present
 * the build fails here and nothing else is set. The Jenkins plugin builds its durable task from this.
 */
public record BuildPlan(
        List<Diagnostic> diagnostics,
        Optional<PhaseContext> failure,
        Buildspec spec,
        BuiltInVariables builtIns,
        ResolvedEnvironment environment,
        SecretMasker masker,
        DriverMarker marker,
        CommandIndex commands,
        String script) {

    public String srcDir() {
        return builtIns.srcDir();
    }

    public static BuildPlan prepare(BuildRequest request, Instant start) {
        return prepare(request, start, RandomBytes.uuid().toString(), DriverMarker.random());
    }

    /** The plan of a build whose identity is given: the same build id and marker again after a resume. */
    static BuildPlan prepare(BuildRequest request, Instant start, String buildId, DriverMarker marker) {
        String srcDir = request.noContainer() ? request.sourceDir().toAbsolutePath().normalize().toString()
                : srcDir(request.project());
        BuiltInVariables builtIns = new BuiltInVariables(request.project(), buildId,
                request.buildNumber(), srcDir, start.toEpochMilli(), request.initiator(), request.image(),
                request.sourceVersion(), request.resolvedSourceVersion());
        SecretMasker cliSecrets = SecretMasker.of(maskedValues(request, new ResolvedEnvironment(Map.of(), Map.of())));
        // A batch build validated the batch section before its children got here; a plain build ignores it.
        ParseResult parsed = request.parseBuildspec().forPlainBuild();
        if (parsed.hasErrors() || parsed.buildspec().isEmpty()) {
            // A problem with no place in the text (a missing file) reads as CodeBuild's: the message alone.
            String message = parsed.errors().stream()
                    .map(d -> d.position().equals(Position.UNKNOWN) ? d.message() : d.toString())
                    .collect(Collectors.joining("; "));
            return failed(parsed.diagnostics(), PhaseContext.YAML_FILE_ERROR, message, builtIns, cliSecrets, marker);
        }
        Buildspec spec = parsed.buildspec().get();
        ResolvedEnvironment env;
        try {
            env = new EnvironmentResolver(request.secretSource())
                    .resolve(spec, builtIns, request.plainOverrides(), request.secretOverrides());
        } catch (EnvironmentException e) {
            return failed(parsed.diagnostics(), PhaseContext.CLIENT_ERROR, e.getMessage(), builtIns, cliSecrets, marker);
        }
        if (request.runtimesProblem().isPresent()) {
            return failed(parsed.diagnostics(), PhaseContext.CLIENT_ERROR, request.runtimesProblem().get(), builtIns,
                    cliSecrets, marker);
        }
        // A runtimes file known now is checked now: an unknown runtime or version never starts a container.
        Optional<String> refused = request.runtimesFile().flatMap(f -> RuntimeCheck.refusal(f, spec,
                name -> Optional.ofNullable(env.plain().get(name))));
        if (refused.isPresent()) {
            return failed(parsed.diagnostics(), PhaseContext.YAML_FILE_ERROR, refused.get(), builtIns, cliSecrets, marker);
        }
        SecretMasker masker = SecretMasker.of(maskedValues(request, env));
        String script = DriverScript.generate(spec, settings(request, spec, env, marker, builtIns.buildId()));
        return new BuildPlan(parsed.diagnostics(), Optional.empty(), spec, builtIns, env, masker, marker,
                CommandIndex.of(spec), script);
    }

    /**
     * This plan with {@code first} run at the start of INSTALL, before the phase's own commands (the
     * selected runtime versions' commands): logged, run and judged as the phase's commands are.
     */
    public BuildPlan withInstallCommandsFirst(BuildRequest request, List<Command> first) {
        Optional<Phase> install = spec.phase(PhaseName.INSTALL);
        List<Command> commands = new ArrayList<>(first);
        install.ifPresent(p -> commands.addAll(p.commands()));
        Phase phase = install.map(p -> new Phase(p.name(), p.runAs(), p.onFailure(), p.runtimeVersions(), commands,
                p.finallyCommands(), p.position())).orElseGet(() -> new Phase(PhaseName.INSTALL, Optional.empty(),
                Optional.empty(), Map.of(), commands, List.of(), Position.UNKNOWN));
        Buildspec changed = spec.withPhase(phase);
        String changedScript = DriverScript.generate(changed, settings(request, changed, environment, marker,
                builtIns.buildId()));
        return new BuildPlan(diagnostics, failure, changed, builtIns, environment, masker, marker,
                CommandIndex.of(changed), changedScript);
    }

    /**
     * Every value the log must not show: the secret variables, and each line of a secret file's text (a key, a
     * config) of at least {@value SecretForms#MIN_DERIVED} characters; shorter lines are the file's structure
     * ({@code }}, {@code ---}), and masking them would shred the log. A file that is not short UTF-8 text (a
     * keystore) cannot appear in a log as it is.
     */
    static Set<String> maskedValues(BuildRequest request, ResolvedEnvironment env) {
        Set<String> values = new HashSet<>(env.secretValues());
        values.addAll(request.secretOverrides().values());
        for (byte[] file : request.secretFiles().values()) {
            text(file).ifPresent(t -> t.lines().filter(l -> l.length() >= SecretForms.MIN_DERIVED).forEach(values::add));
        }
        return values;
    }

    private static Optional<String> text(byte[] file) {
        if (file.length == 0 || file.length > MASKED_FILE_LIMIT) {
            return Optional.empty();
        }
        try {
            String text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(file)).toString();
            return text.indexOf('\0') >= 0 ? Optional.empty() : Optional.of(text);
        } catch (java.nio.charset.CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Secret files up to this size are masked by their text. */
    private static final int MASKED_FILE_LIMIT = 64 * 1024;

    private static DriverSettings settings(BuildRequest request, Buildspec spec, ResolvedEnvironment env,
            DriverMarker marker, String buildId) {
        return new DriverSettings(marker, stateDir(request, buildId), spec.env().shell(), env.plain(),
                request.cacheDir().isPresent());
    }

    /** The driver's private state: the container's tmpfs, or this machine's memory without a container. */
    static String stateDir(BuildRequest request, String buildId) {
        return request.noContainer() ? LocalSandbox.stateDirFor(buildId) : BuildContainer.STATE;
    }

    /**
     * CodeBuild's {@code /codebuild/output/src<digits>/src}, with digits fixed per project: caches
     * and tools that record absolute paths then find them again in the next build.
     */
    static String srcDir(String project) {
        return "/codebuild/output/src" + (100_000_000 + Math.floorMod(project.hashCode(), 900_000_000)) + "/src";
    }

    private static BuildPlan failed(List<Diagnostic> diagnostics, String code, String message, BuiltInVariables builtIns,
            SecretMasker masker, DriverMarker marker) {
        return new BuildPlan(diagnostics, Optional.of(new PhaseContext(code, masker.mask(message))), null, builtIns,
                new ResolvedEnvironment(Map.of(), Map.of()), masker, marker, CommandIndex.empty(), "");
    }
}
