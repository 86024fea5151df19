package dev.codebuildspec.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import dev.codebuildspec.buildspec.ArtifactsSpec;
import dev.codebuildspec.buildspec.PathPattern;
import dev.codebuildspec.buildspec.Position;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactPlannerTest {
    @TempDir
    Path temp;
    Path src;
    Tree tree;

    @BeforeEach
    void setUp() throws IOException {
        src = Files.createDirectory(temp.resolve("src"));
        tree = new Tree(src);
    }

    /** A set with only {@code files}; adjust with the with* helpers. */
    private static ArtifactsSpec set(String... files) {
        return new ArtifactsSpec(patterns(files), Optional.empty(), false, Optional.empty(), List.of(), false,
                Optional.empty(), Map.of(), Position.UNKNOWN);
    }

    private static List<PathPattern> patterns(String... texts) {
        return Arrays.stream(texts).map(t -> new PathPattern(t, Position.UNKNOWN)).toList();
    }

    private static ArtifactsSpec named(ArtifactsSpec s, String name) {
        return new ArtifactsSpec(s.files(), Optional.of(name), s.discardPaths(), s.baseDirectory(), s.excludePaths(),
                s.enableSymlinks(), s.s3Prefix(), s.secondaryArtifacts(), s.position());
    }

    private static ArtifactsSpec based(ArtifactsSpec s, String base, boolean discard) {
        return new ArtifactsSpec(s.files(), s.name(), discard, Optional.of(base), s.excludePaths(),
                s.enableSymlinks(), s.s3Prefix(), s.secondaryArtifacts(), s.position());
    }

    private static ArtifactsSpec prefixed(ArtifactsSpec s, String s3Prefix) {
        return new ArtifactsSpec(s.files(), s.name(), s.discardPaths(), s.baseDirectory(), s.excludePaths(),
                s.enableSymlinks(), Optional.of(s3Prefix), s.secondaryArtifacts(), s.position());
    }

    private static ArtifactsSpec withSecondary(ArtifactsSpec s, Map<String, ArtifactsSpec> secondary) {
        return new ArtifactsSpec(s.files(), s.name(), s.discardPaths(), s.baseDirectory(), s.excludePaths(),
                s.enableSymlinks(), s.s3Prefix(), secondary, s.position());
    }

    private ArtifactPlan plan(ArtifactsSpec spec) throws IOException {
        return ArtifactPlanner.plan(src, spec, EvaluatedArtifacts.none());
    }

    @Test
    void primaryFilesGoToTheArchiveRoot() throws IOException {
        tree.file("target/app.jar").file("README.md");
        ArtifactPlan p = plan(set("target/app.jar", "README.md"));
        assertThat(p.failure()).isEmpty();
        assertThat(p.archiveMap()).containsExactly(entry("README.md", "README.md"),
                entry("target/app.jar", "target/app.jar"));
        assertThat(p.archiveMap()).isInstanceOf(LinkedHashMap.class);
        assertThat(p.sets()).singleElement().satisfies(s -> {
            assertThat(s.isPrimary()).isTrue();
            assertThat(s.identifier()).isEmpty();
            assertThat(s.prefix()).isEmpty();
        });
    }

    @Test
    void docExamplesThroughThePlanner() throws IOException {
        tree.file("my-build-1/my-file-1.txt").file("my-build-2/my-file-2.txt")
                .file("my-build-2/my-subdirectory/my-file-3.txt");
        assertThat(plan(based(set("*/my-file-3.txt"), "my-build-2", false)).archiveMap())
                .containsExactly(entry("my-subdirectory/my-file-3.txt", "my-build-2/my-subdirectory/my-file-3.txt"));
        assertThat(plan(based(set("**/*"), "my-build*", true)).archiveMap().keySet())
                .containsExactly("my-file-1.txt", "my-file-2.txt", "my-file-3.txt");
    }

    @Test
    void nameMayContainSlashes() throws IOException {
        tree.file("out/a.txt");
        ArtifactPlan p = plan(named(set("out/a.txt"), "builds/42/my-artifacts"));
        assertThat(p.archiveMap()).containsExactly(entry("builds/42/my-artifacts/out/a.txt", "out/a.txt"));
        assertThat(p.sets().get(0).prefix()).isEqualTo("builds/42/my-artifacts/");
    }

    @Test
    void evaluatedNameAndBaseDirectoryWinOverTheText() throws IOException {
        tree.file("build-7/a.txt");
        ArtifactsSpec spec = named(based(set("*"), "build-$N", false), "app-$(date +%F)");
        ArtifactPlan p = ArtifactPlanner.plan(src, spec,
                EvaluatedArtifacts.none().with(EvaluatedArtifacts.PRIMARY, "app-2024-01-02", "build-7"));
        assertThat(p.archiveMap()).containsExactly(entry("app-2024-01-02/a.txt", "build-7/a.txt"));
        ArtifactPlan empty = ArtifactPlanner.plan(src, spec,
                EvaluatedArtifacts.none().with(EvaluatedArtifacts.PRIMARY, "", "build-7"));
        assertThat(empty.archiveMap()).as("a name that evaluated to nothing means no name")
                .containsExactly(entry("a.txt", "build-7/a.txt"));
    }

    @Test
    void s3PrefixComesBeforeTheName() throws IOException {
        tree.file("a.txt");
        assertThat(plan(prefixed(named(set("a.txt"), "n"), "team/proj")).archiveMap())
                .containsExactly(entry("team/proj/n/a.txt", "a.txt"));
        assertThat(plan(prefixed(set("a.txt"), "p/")).archiveMap()).containsExactly(entry("p/a.txt", "a.txt"));
    }

    @Test
    void unsafeNamesAreErrors() throws IOException {
        tree.file("a.txt");
        assertThat(plan(named(set("a.txt"), "../escape")).failure())
                .contains("artifact name or s3-prefix '../escape' contains a '..' segment");
        assertThat(plan(named(set("a.txt"), "/abs")).failure()).hasValueSatisfying(m -> assertThat(m)
                .contains("'/abs' is an absolute path"));
        assertThat(plan(prefixed(set("a.txt"), "x/../..")).archiveMap()).isEmpty();
    }

    @Test
    void secondaryArtifactsGoUnderTheirIdentifier() throws IOException {
        tree.file("app/app.jar").file("docs/index.html").file("docs/css/site.css").file("logs/run.log");
        ArtifactsSpec spec = withSecondary(set("app/app.jar"), new LinkedHashMap<>(Map.of(
                "site", named(based(set("**/*"), "docs", false), "v1"),
                "logs", set("logs/*"))));
        ArtifactPlan p = plan(spec);
        assertThat(p.failure()).isEmpty();
        assertThat(p.archiveMap()).containsExactly(
                entry("app/app.jar", "app/app.jar"),
                entry("logs/logs/run.log", "logs/run.log"),
                entry("site/v1/css/site.css", "docs/css/site.css"),
                entry("site/v1/index.html", "docs/index.html"));
        assertThat(p.sets()).extracting(ArtifactSet::identifier, ArtifactSet::prefix)
                .containsExactlyInAnyOrder(tuple("", ""),
                        tuple("site", "site/v1/"),
                        tuple("logs", "logs/"));
        assertThat(p.sets().get(0).isPrimary()).isTrue();
    }

    @Test
    void noMatchFailsWithCodeBuildsMessage() throws IOException {
        tree.file("a.txt");
        ArtifactPlan p = plan(set("target/*.jar"));
        assertThat(p.failure()).contains("no matching artifact paths found");
        assertThat(p.sets().get(0).selection().logLines()).containsExactly("Skipping invalid file path target/*.jar");
    }

    @Test
    void noMatchInASecondarySetNamesIt() throws IOException {
        tree.file("a.txt");
        ArtifactPlan p = plan(withSecondary(set("a.txt"), Map.of("reports", set("reports/**/*"))));
        assertThat(p.failure()).contains("no matching artifact paths found for secondary artifact 'reports'");
        assertThat(p.archiveMap()).containsExactly(entry("a.txt", "a.txt"));
    }

    @Test
    void onlySecondaryArtifacts() throws IOException {
        tree.file("a.txt");
        ArtifactPlan p = plan(withSecondary(set(), Map.of("out", set("a.txt"))));
        assertThat(p.failure()).contains("no definition for primary artifacts in buildspec");
    }

    @Test
    void discardPathsCollisionFailsNamingBoth() throws IOException {
        tree.file("a/config.json").file("b/config.json");
        ArtifactPlan p = plan(named(based(set("**/*"), ".", true), "n"));
        assertThat(p.failure()).contains(
                "two files have the archive path n/config.json: a/config.json and b/config.json");
    }

    @Test
    void collisionsAcrossSetsFailToo() throws IOException {
        tree.file("out1/x.txt").file("other/x.txt");
        ArtifactPlan p = plan(withSecondary(set("out1/x.txt"), Map.of("out1", based(set("x.txt"), "other", false))));
        assertThat(p.failure()).contains("two files have the archive path out1/x.txt: out1/x.txt and other/x.txt");
    }

    @Test
    void aFileWhereADirectoryIsNeededFails() throws IOException {
        tree.file("top/out1").file("sec/x.txt");
        ArtifactPlan p = plan(withSecondary(based(set("out1"), "top", false),
                Map.of("out1", based(set("x.txt"), "sec", false))));
        assertThat(p.failure()).contains("archive path out1 (from top/out1) is a file, but out1/x.txt "
                + "(from sec/x.txt) needs it to be a directory");
    }

    @Test
    void refusalsAreReportedNotErrors() throws IOException {
        Path secret = Files.writeString(temp.resolve("secret"), "s");
        tree.file("out/ok.txt").link("out/leak", secret.toString());
        ArtifactPlan p = plan(set("out/*", "../x"));
        assertThat(p.failure()).isEmpty();
        assertThat(p.archiveMap()).containsOnlyKeys("out/ok.txt");
        assertThat(p.sets().get(0).selection().logLines()).containsExactly(
                "refused ../x: contains a '..' segment",
                "refused out/leak: symbolic link to a file outside the source tree");
    }
}
