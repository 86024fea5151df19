package dev.codebuildspec.cli;

import dev.codebuildspec.batch.BatchRecordJson;
import dev.codebuildspec.batch.BatchResult;
import dev.codebuildspec.cli.host.BatchBuild;
import dev.codebuildspec.run.BuildContainer;
import dev.codebuildspec.run.BuildLimits;
import dev.codebuildspec.run.BuildRequest;
import dev.codebuildspec.run.BuildResult;
import dev.codebuildspec.cli.host.BuildRunner;
import dev.codebuildspec.cli.host.CliOwner;
import dev.codebuildspec.docker.DockerCli;
import dev.codebuildspec.docker.LocalProcessLauncher;
import dev.codebuildspec.env.SecretSource;
import dev.codebuildspec.env.SecretsFile;
import dev.codebuildspec.parse.BuildspecText;
import dev.codebuildspec.record.BuildRecordJson;
import dev.codebuildspec.record.Status;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** {@code codebuild-spec run}: one build, or with {@code --batch} a batch of them. */
final class RunCommand implements Subcommand {
    Path source = Path.of(".");
    String buildspec = BuildLimits.DEFAULT_BUILDSPEC;
    String image;
    boolean noContainer;
    Path artifacts;
    Path reports;
    Path record;
    List<String> env = new ArrayList<>();
    List<String> secrets = new ArrayList<>();
    List<String> secretFiles = new ArrayList<>();
    boolean asOwner;
    Path secretsFile;
    BigDecimal timeoutMinutes = BigDecimal.valueOf(BuildLimits.DEFAULT_TIMEOUT_MINUTES);
    long buildNumber = 1;
    String project;
    Path cacheDir;
    boolean privileged;
    String docker = "docker";
    Path runtimes;
    boolean batch;
    Integer parallel;
    Path logs;

    @Override
    public CommandSyntax syntax() {
        return new CommandSyntax("codebuild-spec run",
                "Runs a buildspec in an ephemeral Docker container, with CodeBuild's semantics and log.", List.of(
                CommandOption.value("--image", "IMAGE",
                        "Build image; pulled only when it is not present. Required unless --no-container.", v -> image = v),
                CommandOption.value("--source", "DIR", "Source directory, mounted as CODEBUILD_SRC_DIR (default: .).",
                        v -> source = Path.of(v)),
                CommandOption.value("--buildspec", "PATH", "Buildspec, relative to the source directory (default: "
                        + BuildLimits.DEFAULT_BUILDSPEC + ").", v -> buildspec = v),
                CommandOption.flag("--no-container", "Run the phases on this machine, in the environment this command "
                        + "runs in, without starting a container (a CI job or Kubernetes pod that is already the build "
                        + "environment).", () -> noContainer = true),
                CommandOption.value("--artifacts", "DIR", "Copy the collected artifacts here: primary files at the root "
                        + "(or under their name), secondary ones under <identifier>/.", v -> artifacts = Path.of(v)),
                CommandOption.value("--reports", "DIR", "Copy each report group's files under DIR/<group>/ (summaries "
                        + "go into the record).", v -> reports = Path.of(v)),
                CommandOption.value("--record", "FILE", "Write the JSON build record here.", v -> record = Path.of(v)),
                CommandOption.repeatable("--env", "NAME=VALUE", "Set a variable; wins over the buildspec. Repeatable. "
                        + "Not for secrets: argv is public.", env::add),
                CommandOption.repeatable("--secret", "NAME", "Pass the variable NAME from this process's environment as "
                        + "a masked secret. Repeatable.", secrets::add),
                CommandOption.repeatable("--secret-file", "NAME", "Copy the file whose path is in the variable NAME of "
                        + "this process's environment into the container's in-memory secrets directory; NAME holds its "
                        + "path there. Repeatable.", secretFiles::add),
                CommandOption.flag("--as-owner", "Run the phases as the user running this command instead of the "
                        + "image's root (the Jenkins step's runAsRoot: false); HOME is then " + BuildContainer.OWNER_HOME
                        + ".", () -> asOwner = true),
                CommandOption.value("--secrets-file", "FILE", "JSON file that resolves parameter-store and "
                        + "secrets-manager entries.", v -> secretsFile = Path.of(v)),
                CommandOption.value("--timeout-minutes", "N", "Build timeout in minutes, fractions allowed (default: "
                        + BuildLimits.DEFAULT_TIMEOUT_MINUTES + ").", v -> timeoutMinutes = minutes(v)),
                CommandOption.value("--build-number", "N", "CODEBUILD_BUILD_NUMBER (default: 1).",
                        v -> buildNumber = CommandOption.number("--build-number", v)),
                CommandOption.value("--project", "NAME", "Project name in CODEBUILD_BUILD_ID (default: the source "
                        + "directory's name).", v -> project = v),
                CommandOption.value("--cache-dir", "DIR", "Local cache for the buildspec's cache section (default: "
                        + "$XDG_CACHE_HOME/codebuild-spec or ~/.cache/codebuild-spec).", v -> cacheDir = Path.of(v)),
                CommandOption.flag("--privileged", "Run the build container in privileged mode.", () -> privileged = true),
                CommandOption.value("--docker", "PATH", "The docker CLI to use (default: docker).", v -> docker = v),
                CommandOption.value("--runtimes", "FILE", "A runtimes file for runtime-versions (the format of "
                        + "CodeBuild's images); default: the image's /codebuild/image/config/runtimes.yml.",
                        v -> runtimes = Path.of(v)),
                CommandOption.flag("--batch", "Run the buildspec's batch section: one child build per task.",
                        () -> batch = true),
                CommandOption.value("--parallel", "N", "With --batch: at most N child builds at once (default: the "
                        + "number of cores).", v -> parallel = (int) Math.max(0, Math.min(Integer.MAX_VALUE,
                                CommandOption.number("--parallel", v)))),
                CommandOption.value("--logs", "DIR", "With --batch: one log file per child build, <identifier>.log "
                        + "(default: logs/<project> under the cache directory, never the checkout).",
                        v -> logs = Path.of(v))));
    }

    /** A number of minutes, said as such when it is not one (not a Java exception's text). */
    private static BigDecimal minutes(String value) {
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageError("Invalid value for option '--timeout-minutes': '" + value
                    + "' is not a number of minutes (e.g. 30, or 0.5 for 30 s)");
        }
    }

    @Override
    public int call() throws IOException, InterruptedException {
        BuildRequest request = request();
        if (batch) {
            return runBatch(request);
        }
        if (parallel != null) {
            throw new UsageError("--parallel only applies to --batch");
        }
        BuildRunner runner = new BuildRunner(docker(), Clock.systemUTC(), RunCommand::ownerGone);
        return stoppable(runner::stop, () -> {
            OutputStream console = new FileOutputStream(FileDescriptor.out);
            BuildResult result = runner.run(request, console);
            if (record != null) {
                Files.writeString(record, BuildRecordJson.write(result.record()), StandardCharsets.UTF_8);
            }
            console.flush();
            System.err.println("codebuild-spec: " + result.summary());
            return ExitStatus.of(result.status());
        });
    }

    private int runBatch(BuildRequest request) throws IOException, InterruptedException {
        int n = parallel != null ? parallel : BatchBuild.defaultParallelism();
        if (n < 1) {
            throw new UsageError("--parallel must be at least 1, got " + n);
        }
        BatchBuild build = new BatchBuild(docker(), Clock.systemUTC(), RunCommand::ownerGone, n, Hosts.name());
        return stoppable(build::stop, () -> {
            Optional<BatchResult> result = build.run(request, new FileOutputStream(FileDescriptor.out),
                    (logs != null ? logs : (cacheDir != null ? cacheDir : defaultCacheDir()).resolve("logs")
                            .resolve(request.project())).toAbsolutePath().normalize());
            if (record != null) {
                // Written on every outcome, as the README promises: a batch that could not be planned FAILED with no child.
                Files.writeString(record, BatchRecordJson.write(result.orElse(new BatchResult(Status.FAILED, List.of()))),
                        StandardCharsets.UTF_8);
            }
            result.ifPresent(r -> System.err.println("codebuild-spec: Batch " + r.status()
                    + r.failure().map(f -> ": " + f).orElse("")));
            return result.map(r -> ExitStatus.of(r.status())).orElse(ExitStatus.FAILED);
        });
    }

    private DockerCli docker() {
        return new DockerCli(new LocalProcessLauncher(), docker);
    }

    private static boolean ownerGone(String owner) {
        return CliOwner.isGone(owner, Hosts.name());
    }

    /** The work of a build, which may throw what a build throws. */
    private interface Work {
        int run() throws IOException, InterruptedException;
    }

    /**
     * Runs {@code work} so that Ctrl-C, SIGTERM or SIGHUP stops the build through {@code stop}; the main thread
     * then finishes the build as usual (cleanup, record) and returns its exit status.
     */
    private static int stoppable(Runnable stop, Work work) throws IOException, InterruptedException {
        try (StopSignals signals = StopSignals.install(stop, System.err)) {
            return work.run();
        }
    }

    /** Where --secret and --secret-file read from: this process's environment (a test gives its own). */
    Map<String, String> environment = System.getenv();

    BuildRequest request() throws IOException {
        Path src = source.toAbsolutePath().normalize();
        if (!Files.isDirectory(src)) {
            throw new UsageError("--source " + source + " is not a directory");
        }
        Optional<String> badTimeout = BuildLimits.timeoutProblem(timeoutMinutes);
        if (badTimeout.isPresent()) {
            throw new UsageError("--timeout-minutes: " + badTimeout.get());
        }
        Duration timeout = BuildLimits.timeout(timeoutMinutes);
        if (image == null && !noContainer) {
            throw new UsageError("Missing required option: '--image=IMAGE' (or --no-container)");
        }
        Variables variables = new Variables(env, secrets, secretFiles, environment);
        Map<String, String> plain = variables.plain();
        Map<String, String> secret = variables.secret();
        Map<String, byte[]> files = variables.files();
        SecretSource source = secretsFile == null ? SecretSource.NONE : readSecretsFile();
        Path uidProbe = Path.of("/proc/self");
        OptionalInt uid = unixId(uidProbe, "unix:uid");
        OptionalInt gid = unixId(uidProbe, "unix:gid");
        GitSource git = GitSource.of(src);
        return BuildRequest.builder(src, image != null ? image : BuildRequest.NO_IMAGE)
                .buildspec(buildspec)
                .environment(plain, secret)
                .secretSource(source)
                .timeout(timeout)
                .identity(project != null ? project : projectName(src), buildNumber,
                        System.getProperty("user.name", "unknown"))
                .sourceVersion(git.commit(), git.commit())
                .owner(CliOwner.current(Hosts.name()), uid, gid)
                .privileged(privileged)
                .cacheDir(Optional.of(cacheDir != null ? cacheDir : defaultCacheDir()))
                .artifactsDir(Optional.ofNullable(artifacts).map(p -> p.toAbsolutePath().normalize()))
                .reportsDir(Optional.ofNullable(reports).map(p -> p.toAbsolutePath().normalize()))
                .runtimes(runtimes == null ? null : runtimes.toString(),
                        runtimes == null ? null : BuildspecText.read(runtimes.toAbsolutePath()))
                .secretFiles(files)
                .driverAsOwner(asOwner)
                .noContainer(noContainer)
                .build();
    }

    private SecretSource readSecretsFile() {
        try {
            return SecretsFile.read(secretsFile);
        } catch (IOException e) {
            throw new UsageError("--secrets-file: " + IoProblem.describe(secretsFile, e));
        }
    }

    private static OptionalInt unixId(Path p, String attribute) {
        try {
            return OptionalInt.of((Integer) Files.getAttribute(p, attribute));
        } catch (IOException | UnsupportedOperationException | ClassCastException e) {
            return OptionalInt.empty();
        }
    }

    private static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("codebuild-spec");
    }

    private static String projectName(Path src) {
        Path name = src.getFileName();
        String s = name == null ? "local" : name.toString().replaceAll("[^A-Za-z0-9_-]", "-");
        return s.isEmpty() ? "local" : s;
    }
}
