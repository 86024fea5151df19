package io.jenkins.plugins.codebuildspec.host;

import dev.codebuildspec.replay.ReproduceLine;
import dev.codebuildspec.run.BuildRequest;
import dev.codebuildspec.parse.BuildspecText;
import hudson.EnvVars;
import hudson.model.Item;
import hudson.model.Run;
import io.jenkins.plugins.codebuildspec.credentials.CredentialsSecretSource;
import io.jenkins.plugins.codebuildspec.credentials.ResolvedCredentials;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import jenkins.model.Jenkins;

/**
 * What a build read on its agent when it started (the buildspec's text, the runtimes file, the agent user), kept
 * so that the same {@link BuildRequest} can be made again after a restart, and the making of it. No secret value:
 * credentials are resolved again each time.
 */
final class RequestInputs implements Serializable {
    private static final long serialVersionUID = 1L;
    /** What the reproduce line calls an inline buildspec, which the result page offers under this name. */
    static final String INLINE_FILE = "codebuild-spec-inline.yml";
    static final String GLOBAL_RUNTIMES_FILE = "codebuild-spec-runtimes.yml";

    String workspace;
    String buildspecText;
    String buildspecProblem;
    String runtimesName;
    String runtimesText;
    String runtimesProblem;
    int agentUid = -1;
    int agentGid = -1;

    BuildRequest request(BuildSettings settings, Run<?, ?> run, EnvVars env, ResolvedCredentials credentials,
            CredentialsSecretSource source, Optional<Path> cacheDir) {
        Map<String, String> plain = new LinkedHashMap<>(settings.env);
        plain.putAll(credentials.plainVariables);
        Map<String, byte[]> files = new LinkedHashMap<>();
        credentials.files.forEach(f -> files.put(f.path(), f.content()));
        Optional<String> commit = Optional.ofNullable(env == null ? null : env.get("GIT_COMMIT"));
        BuildRequest.Builder b = BuildRequest.builder(Path.of(workspace), settings.noContainer ? BuildRequest.NO_IMAGE : settings.image)
                .environment(plain, credentials.secretVariables)
                .secretSource(source)
                .timeout(Duration.ofMinutes(settings.timeoutMinutes))
                .identity(project(run), run.getNumber(), "jenkins")
                .sourceVersion(commit, commit)
                .owner(Owners.of(Jenkins.get().getLegacyInstanceId(), run.getExternalizableId()),
                        agentUid < 0 ? OptionalInt.empty() : OptionalInt.of(agentUid),
                        agentGid < 0 ? OptionalInt.empty() : OptionalInt.of(agentGid))
                .privileged(settings.privileged)
                .cacheDir(settings.noContainer ? Optional.empty() : cacheDir)
                .secretFiles(files)
                .runtimes(runtimesName, runtimesText != null ? BuildspecText.of(runtimesText)
                        : runtimesProblem != null ? BuildspecText.failed(runtimesProblem) : null)
                .driverAsOwner(!settings.runAsRoot && !settings.noContainer)
                .noContainer(settings.noContainer);
        return buildspecText != null ? b.inlineBuildspec(settings.label(), buildspecText).build()
                : b.unreadableBuildspec(settings.buildspec, buildspecProblem).build();
    }

    /** The CLI line that reproduces the build: the same image, buildspec, plain variables and options; secrets by name. */
    ReproduceLine replay(BuildSettings settings, BuildRequest request) {
        Optional<String> runtimes = settings.runtimes != null ? Optional.of(settings.runtimes)
                : Optional.ofNullable(runtimesText).map(t -> GLOBAL_RUNTIMES_FILE);
        return new ReproduceLine(request, settings.inline != null ? INLINE_FILE : settings.buildspec, runtimes,
                settings.batch, settings.parallel == null ? OptionalInt.empty() : OptionalInt.of(settings.parallel),
                settings.boundVariables());
    }

    private static String project(Run<?, ?> run) {
        Item job = run.getParent();
        return job.getFullName().replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
