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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs a buildspec in an ephemeral Docker container, with CodeBuild's semantics and log.",
        exitCodeListHeading = ExitStatus.HEADING,
        exitCodeList = {ExitStatus.LINE_0, ExitStatus.LINE_1, ExitStatus.LINE_2, ExitStatus.LINE_3})
final class RunCommand implements Callable<Integer> {

    @Option(names = "--source", paramLabel = "DIR", defaultValue = ".",
            description = "Source directory, mounted as CODEBUILD_SRC_DIR (default: ${DEFAULT-VALUE}).")
    Path source;

    @Option(names = "--buildspec", paramLabel = "PATH", defaultValue = BuildLimits.DEFAULT_BUILDSPEC,
            description = "Buildspec, relative to the source directory (default: ${DEFAULT-VALUE}).")
    String buildspec;

    @Option(names = "--image", paramLabel = "IMAGE",
            description = "Build image; pulled only when it is not present. Required unless --no-container.")
    String image;

    @Option(names = "--no-container",
            description = "Run the phases on this machine, in the environment this command runs in, without starting "
                    + "a container (a CI job or Kubernetes pod that is already the build environment).")
    boolean noContainer;

    @Option(names = "--artifacts", paramLabel = "DIR",
            description = "Copy the collected artifacts here: primary files at the root (or under their name), secondary ones under <identifier>/.")
    Path artifacts;

    @Option(names = "--reports", paramLabel = "DIR",
            description = "Copy each report group's files under DIR/<group>/ (summaries go into the record).")
    Path reports;

    @Option(names = "--record", paramLabel = "FILE", description = "Write the JSON build record here.")
    Path record;

    @Option(names = "--env", paramLabel = "NAME=VALUE",
            description = "Set a variable; wins over the buildspec. Repeatable. Not for secrets: argv is public.")
    List<String> env = new ArrayList<>();

    @Option(names = "--secret", paramLabel = "NAME",
            description = "Pass the variable NAME from this process's environment as a masked secret. Repeatable.")
    List<String> secrets = new ArrayList<>();

    @Option(names = "--secret-file", paramLabel = "NAME",
            description = "Copy the file whose path is in the variable NAME of this process's environment into the "
                    + "container's in-memory secrets directory; NAME holds its path there. Repeatable.")
    List<String> secretFiles = new ArrayList<>();

    @Option(names = "--as-owner",
            description = "Run the phases as the user running this command instead of the image's root "
                    + "(the Jenkins step's runAsRoot: false); HOME is then " + BuildContainer.OWNER_HOME + ".")
    boolean asOwner;

    @Option(names = "--secrets-file", paramLabel = "FILE",
            description = "JSON file that resolves parameter-store and secrets-manager entries.")
    Path secretsFile;

    @Option(names = "--timeout-minutes", paramLabel = "N", defaultValue = "" + BuildLimits.DEFAULT_TIMEOUT_MINUTES,
            converter = Minutes.class,
            description = "Build timeout in minutes, fractions allowed (default: ${DEFAULT-VALUE}).")
    BigDecimal timeoutMinutes;

    /** A number of minutes, said as such when it is not one (not a Java exception's text). */
    static final class Minutes implements picocli.CommandLine.ITypeConverter<BigDecimal> {
        @Override
        public BigDecimal convert(String value) {
            try {
                return new BigDecimal(value.trim());
            } catch (NumberFormatException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value
                        + "' is not a number of minutes (e.g. 30, or 0.5 for 30 s)");
            }
        }
    }

    @Option(names = "--build-number", paramLabel = "N", defaultValue = "1",
            description = "CODEBUILD_BUILD_NUMBER (default: ${DEFAULT-VALUE}).")
    long buildNumber;

    @Option(names = "--project", paramLabel = "NAME",
            description = "Project name in CODEBUILD_BUILD_ID (default: the source directory's name).")
    String project;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Local cache for the buildspec's cache section (default: $XDG_CACHE_HOME/codebuild-spec or ~/.cache/codebuild-spec).")
    Path cacheDir;

    @Option(names = "--privileged", description = "Run the build container in privileged mode.")
    boolean privileged;

    @Option(names = "--docker", paramLabel = "PATH", defaultValue = "docker", description = "The docker CLI to use.")
    String docker;

    @Option(names = "--runtimes", paramLabel = "FILE",
            description = "A runtimes file for runtime-versions (the format of CodeBuild's images); default: the image's "
                    + "/codebuild/image/config/runtimes.yml.")
    Path runtimes;

    @Option(names = "--batch", description = "Run the buildspec's batch section: one child build per task.")
    boolean batch;

    @Option(names = "--parallel", paramLabel = "N",
            description = "With --batch: at most N child builds at once (default: the number of cores).")
    Integer parallel;

    @Option(names = "--logs", paramLabel = "DIR",
            description = "With --batch: one log file per child build, <identifier>.log (default: logs/<project> under "
                    + "the cache directory, never the checkout).")
    Path logs;

    @Override
    public Integer call() throws IOException, InterruptedException {
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
