package dev.codebuildspec.run;

import dev.codebuildspec.env.SecretSource;
import dev.codebuildspec.parse.BuildspecParser;
import dev.codebuildspec.parse.BuildspecText;
import dev.codebuildspec.parse.ParseResult;
import dev.codebuildspec.runtime.RuntimesFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything one build needs. {@code secretOverrides} holds values in memory only; nothing here
 * is ever written out. {@code buildspec} is relative to {@code sourceDir}; when
 * {@code inlineBuildspec} is present it is the buildspec's text and {@code buildspec} only names it
 * (the Jenkins plugin reads files on the agent and passes their text). Build one with {@link #builder}.
 *
 * @param owner value of the owner label, e.g. {@code cli:host:pid:start}, for the reaper
 * @param ownerUid when present, files in the source tree are handed to this uid:gid at the end
 * @param cacheDir where the local cache lives; empty: no cache
 * @param runtimesFile the runtimes file to select {@code runtime-versions} from; empty: the image's own
 * @param runtimesProblem why the runtimes file the caller named cannot be used (unreadable, invalid): DOWNLOAD_SOURCE
 *     fails with it, before any container
 * @param secretFiles files to put into the container's in-memory tmpfs before the phases (path in the container to
 *     content); their content is secret: it travels on {@code docker exec}'s stdin only
 * @param driverAsOwner run the phases as {@code ownerUid:ownerGid} instead of the image's root
 * @param noContainer run the phases on this machine itself, not in a container of the image (see {@link LocalSandbox})
 * @param unreadableBuildspec why the buildspec could not be read where it is (a Jenkins agent); DOWNLOAD_SOURCE
 *     fails with it
 */
public record BuildRequest(
        Path sourceDir,
        String buildspec,
        Optional<String> inlineBuildspec,
        String image,
        Map<String, String> plainOverrides,
        Map<String, String> secretOverrides,
        SecretSource secretSource,
        Duration timeout,
        String project,
        long buildNumber,
        String initiator,
        Optional<String> sourceVersion,
        Optional<String> resolvedSourceVersion,
        String owner,
        OptionalInt ownerUid,
        OptionalInt ownerGid,
        boolean privileged,
        Optional<Path> cacheDir,
        Optional<Path> artifactsDir,
        Optional<Path> reportsDir,
        Optional<RuntimesFile> runtimesFile,
        Optional<String> runtimesProblem,
        Map<String, byte[]> secretFiles,
        boolean driverAsOwner,
        Optional<String> unreadableBuildspec,
        boolean noContainer) {
    /** What CODEBUILD_BUILD_IMAGE says of a build without a container, as the README documents it. */
    public static final String NO_IMAGE = "none";


    public BuildRequest {
        Objects.requireNonNull(sourceDir, "sourceDir");
        Objects.requireNonNull(buildspec, "buildspec");
        Objects.requireNonNull(image, "image");
        plainOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(plainOverrides));
        secretOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(secretOverrides));
        secretFiles = Collections.unmodifiableMap(new LinkedHashMap<>(secretFiles));
    }

    /** The user the phases run as: {@code uid:gid} of the owner when asked, else the image's root (empty). */
    public Optional<String> driverUser() {
        if (!driverAsOwner || ownerUid.isEmpty()) {
            return Optional.empty();
        }
        int uid = ownerUid.getAsInt();
        return Optional.of(uid + ":" + ownerGid.orElse(uid));
    }

    public static Builder builder(Path sourceDir, String image) {
        return new Builder(sourceDir, image);
    }

    /**
     * The request of one child of a batch: its own source copy, buildspec, image, privileged mode,
     * variables (under the caller's overrides, which still win) and artifacts directory. {@code childText} is the
     * child's own buildspec as the host read it where the source is; empty: read from the source when parsed.
     */
    public BuildRequest forChild(Path childSource, String childBuildspec, Optional<BuildspecText> childText, String childImage,
            boolean childPrivileged, Map<String, String> childVariables, Optional<Path> childArtifactsDir) {
        Map<String, String> plain = new LinkedHashMap<>(childVariables);
        plain.putAll(plainOverrides);
        plain.putAll(childVariables.entrySet().stream().filter(e -> e.getKey().startsWith("CODEBUILD_"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        boolean sameSpec = childBuildspec.equals(buildspec);
        return new BuildRequest(childSource, childBuildspec, sameSpec ? inlineBuildspec : childText.flatMap(BuildspecText::text), childImage,
                plain, secretOverrides, secretSource, timeout, project, buildNumber, initiator, sourceVersion,
                resolvedSourceVersion, owner, ownerUid, ownerGid, childPrivileged, cacheDir, childArtifactsDir,
                reportsDir.map(d -> d.resolve(childSource.getFileName().toString())), runtimesFile, runtimesProblem, secretFiles,
                driverAsOwner, sameSpec ? unreadableBuildspec : childText.flatMap(BuildspecText::problem), noContainer);
    }

    /** Parses the buildspec: the inline text when there is one, else the file under the source. */
    public ParseResult parseBuildspec() {
        BuildspecParser parser = new BuildspecParser();
        if (unreadableBuildspec.isPresent()) {
            return parser.parse(BuildspecText.failed(unreadableBuildspec.get()), buildspec);
        }
        return inlineBuildspec.isPresent() ? parser.parse(inlineBuildspec.get(), buildspec)
                : parser.parse(buildspecFile(), buildspec);
    }

    public Path buildspecFile() {
        return sourceDir.resolve(buildspec).normalize();
    }

    @Override
    public String toString() {
        return "BuildRequest[" + sourceDir + ", " + buildspec + ", " + image + "]";
    }

    /** Sensible defaults for everything but the source and the image. */
    public static final class Builder {
        private final Path sourceDir;
        private final String image;
        private String buildspec = BuildLimits.DEFAULT_BUILDSPEC;
        private Optional<String> inline = Optional.empty();
        private Map<String, String> plain = Map.of();
        private Map<String, String> secret = Map.of();
        private SecretSource secretSource = SecretSource.NONE;
        private Duration timeout = Duration.ofMinutes(BuildLimits.DEFAULT_TIMEOUT_MINUTES);
        private String project = "local";
        private long buildNumber = 1;
        private String initiator = "unknown";
        private Optional<String> sourceVersion = Optional.empty();
        private Optional<String> resolvedSourceVersion = Optional.empty();
        private String owner = "unknown";
        private OptionalInt ownerUid = OptionalInt.empty();
        private OptionalInt ownerGid = OptionalInt.empty();
        private boolean privileged;
        private Optional<Path> cacheDir = Optional.empty();
        private Optional<Path> artifactsDir = Optional.empty();
        private Optional<Path> reportsDir = Optional.empty();
        private Optional<RuntimesFile> runtimesFile = Optional.empty();
        private Optional<String> runtimesProblem = Optional.empty();
        private Map<String, byte[]> secretFiles = Map.of();
        private boolean driverAsOwner;
        private Optional<String> unreadable = Optional.empty();
        private boolean noContainer;

        private Builder(Path sourceDir, String image) {
            this.sourceDir = sourceDir;
            this.image = image;
        }

        public Builder buildspec(String path) {
            this.buildspec = path;
            return this;
        }

        public Builder inlineBuildspec(String label, String text) {
            this.buildspec = label;
            this.inline = Optional.of(text);
            return this;
        }

        public Builder environment(Map<String, String> plainOverrides, Map<String, String> secretOverrides) {
            this.plain = plainOverrides;
            this.secret = secretOverrides;
            return this;
        }

        public Builder secretSource(SecretSource source) {
            this.secretSource = source;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder identity(String project, long buildNumber, String initiator) {
            this.project = project;
            this.buildNumber = buildNumber;
            this.initiator = initiator;
            return this;
        }

        public Builder sourceVersion(Optional<String> version, Optional<String> resolved) {
            this.sourceVersion = version;
            this.resolvedSourceVersion = resolved;
            return this;
        }

        /** The owner label value, and the uid:gid that gets the source tree back (empty: leave it). */
        public Builder owner(String owner, OptionalInt uid, OptionalInt gid) {
            this.owner = owner;
            this.ownerUid = uid;
            this.ownerGid = gid;
            return this;
        }

        public Builder privileged(boolean privileged) {
            this.privileged = privileged;
            return this;
        }

        public Builder cacheDir(Optional<Path> dir) {
            this.cacheDir = dir;
            return this;
        }

        /** Where UPLOAD_ARTIFACTS copies the artifact tree (the CLI's {@code --artifacts}); empty: plan only. */
        public Builder artifactsDir(Optional<Path> dir) {
            this.artifactsDir = dir;
            return this;
        }

        /** Where report files are copied, under {@code <dir>/<group>/} (the CLI's {@code --reports}). */
        public Builder reportsDir(Optional<Path> dir) {
            this.reportsDir = dir;
            return this;
        }

        /** The runtimes file for {@code runtime-versions} (the CLI's {@code --runtimes}); default: the image's. */
        public Builder runtimesFile(Optional<RuntimesFile> file) {
            this.runtimesFile = file;
            return this;
        }

        /**
         * A runtimes file as its host read it ({@code name} says where): parsed here; one that cannot be read or parsed
         * fails DOWNLOAD_SOURCE with the reason, as every host says it. A null {@code read}: none was named.
         */
        public Builder runtimes(String name, BuildspecText read) {
            if (read == null) {
                return this;
            }
            if (read.problem().isPresent()) {
                this.runtimesProblem = Optional.of("runtimes file " + name + ": " + read.problem().get());
                return this;
            }
            try {
                this.runtimesFile = Optional.of(RuntimesFile.parse(read.text().orElse(""), name));
            } catch (RuntimesFile.Invalid e) {
                this.runtimesProblem = Optional.of("runtimes file " + e.getMessage());
            }
            return this;
        }

        /** A buildspec that could not be read where it is: {@code problem} says why, as the log will. */
        public Builder unreadableBuildspec(String path, String problem) {
            this.buildspec = path;
            this.inline = Optional.empty();
            this.unreadable = Optional.of(problem);
            return this;
        }

        public Builder noContainer(boolean local) {
            this.noContainer = local;
            return this;
        }

        public Builder secretFiles(Map<String, byte[]> files) {
            this.secretFiles = files;
            return this;
        }

        public Builder driverAsOwner(boolean asOwner) {
            this.driverAsOwner = asOwner;
            return this;
        }

        /**
         * The request. The limits every host's input is held to are checked here once (the front-ends check the same
         * with {@link BuildLimits} first, to say it in their own way): a timeout within CodeBuild's bounds, and
         * variable names a user may give. A build that runs as its owner, who has no home in the image, gets one in
         * the tmpfs unless it names one.
         */
        public BuildRequest build() {
            java.math.BigDecimal minutes = java.math.BigDecimal.valueOf(timeout.toMillis())
                    .divide(java.math.BigDecimal.valueOf(60_000), java.math.MathContext.DECIMAL64);
            BuildLimits.timeoutProblem(minutes).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
            for (Map<String, String> given : java.util.List.of(plain, secret)) {
                for (String name : given.keySet()) {
                    BuildLimits.variableProblem(name).ifPresent(problem -> {
                        throw new IllegalArgumentException(problem);
                    });
                }
            }
            if (driverAsOwner && !plain.containsKey("HOME") && !secret.containsKey("HOME")) {
                plain = new LinkedHashMap<>(plain);
                plain.put("HOME", BuildContainer.OWNER_HOME);
            }
            return new BuildRequest(sourceDir, buildspec, inline, image, plain, secret, secretSource, timeout, project,
                    buildNumber, initiator, sourceVersion, resolvedSourceVersion, owner, ownerUid, ownerGid, privileged,
                    cacheDir, artifactsDir, reportsDir, runtimesFile, runtimesProblem, secretFiles, driverAsOwner, unreadable,
                    noContainer);
        }
    }
}
