package dev.codebuildspec.replay;

import dev.codebuildspec.driver.ShellQuote;
import dev.codebuildspec.run.BuildContainer;
import dev.codebuildspec.run.BuildLimits;
import dev.codebuildspec.run.BuildRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code codebuild-spec run ...} line that reproduces a build on a laptop: the same image, buildspec,
 * plain variables, options, project and build number. Secrets appear by name only ({@code --secret NAME},
 * {@code --secret-file NAME}: the CLI reads the value, or the file's path, from its own environment), so
 * no value of a secret is ever in the line.
 *
 * @param buildspec the buildspec's path under the source as the CLI will find it (an inline buildspec is
 *     offered as a file of this name)
 * @param runtimes the runtimes file's path on the laptop, when the build used one
 * @param parallel with {@code batch}: the bound on children at once the build was given
 * @param moreSecrets secret variables the build was to have though they are not in the request (a binding that could
 *     not be resolved): the line still names them, so that it reproduces the build that was asked for
 */
public record ReproduceLine(BuildRequest request, String buildspec, Optional<String> runtimes, boolean batch,
        OptionalInt parallel, List<String> moreSecrets) {
    public static final String PROGRAM = "codebuild-spec";

    public ReproduceLine(BuildRequest request, String buildspec, Optional<String> runtimes, boolean batch) {
        this(request, buildspec, runtimes, batch, OptionalInt.empty(), List.of());
    }

    public ReproduceLine {
        moreSecrets = List.copyOf(moreSecrets);
    }

    private List<String> secretNames() {
        List<String> names = new ArrayList<>(request.secretOverrides().keySet());
        moreSecrets.stream().filter(n -> !names.contains(n) && !request.plainOverrides().containsKey(n)).forEach(names::add);
        return names;
    }

    /** The CLI's arguments, {@code run} first. */
    public List<String> arguments() {
        List<String> a = new ArrayList<>(List.of("run"));
        if (request.noContainer()) {
            a.add("--no-container");
        } else {
            a.addAll(List.of("--image", request.image()));
        }
        if (!buildspec.equals(BuildLimits.DEFAULT_BUILDSPEC)) {
            a.addAll(List.of("--buildspec", buildspec));
        }
        for (Map.Entry<String, String> e : request.plainOverrides().entrySet()) {
            if (isSecretFile(e.getValue())) {
                a.addAll(List.of("--secret-file", e.getKey()));
            } else if (!isOwnersHome(e.getKey(), e.getValue())) {
                a.addAll(List.of("--env", e.getKey() + "=" + e.getValue()));
            }
        }
        for (String name : secretNames()) {
            a.addAll(List.of("--secret", name));
        }
        if (!request.timeout().equals(java.time.Duration.ofMinutes(BuildLimits.DEFAULT_TIMEOUT_MINUTES))) {
            a.addAll(List.of("--timeout-minutes", minutes()));
        }
        a.addAll(List.of("--project", request.project(), "--build-number", Long.toString(request.buildNumber())));
        if (request.privileged()) {
            a.add("--privileged");
        }
        if (request.driverAsOwner()) {
            a.add("--as-owner");
        }
        runtimes.ifPresent(r -> a.addAll(List.of("--runtimes", r)));
        if (batch) {
            a.add("--batch");
            parallel.ifPresent(n -> a.addAll(List.of("--parallel", Integer.toString(n))));
        }
        return a;
    }

    /** The line to paste into a shell: every argument quoted as the shell needs it. */
    public String line() {
        StringBuilder s = new StringBuilder(PROGRAM);
        for (String arg : arguments()) {
            s.append(' ').append(arg.matches("[A-Za-z0-9_./:=@%+,-]+") ? arg : ShellQuote.quote(arg));
        }
        return s.toString();
    }

    /** The variables a user exports before running the line: secret values, and paths of secret files. */
    public List<String> exports() {
        List<String> names = secretNames();
        request.plainOverrides().forEach((k, v) -> {
            if (isSecretFile(v)) {
                names.add(k);
            }
        });
        return names;
    }

    /** One line for the log and the page: what to export first, by name only. */
    public Optional<String> hint() {
        List<String> names = exports();
        if (names.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Export " + String.join(", ", names) + " first (secret values, or for --secret-file the "
                + "path of the file); their values are never shown here");
    }

    private boolean isSecretFile(String value) {
        return request.secretFiles().containsKey(value);
    }

    /** A build that runs as its owner gets this HOME unless it names one; the CLI gives it the same. */
    private boolean isOwnersHome(String name, String value) {
        return request.driverAsOwner() && name.equals("HOME") && value.equals(BuildContainer.OWNER_HOME);
    }

    private String minutes() {
        return new BigDecimal(request.timeout().toMillis()).divide(BigDecimal.valueOf(60_000))
                .stripTrailingZeros().toPlainString();
    }
}
