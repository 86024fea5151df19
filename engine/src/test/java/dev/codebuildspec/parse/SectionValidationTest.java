package dev.codebuildspec.parse;

import static dev.codebuildspec.parse.Parse.diagnostics;
import static dev.codebuildspec.parse.Parse.parse;
import static dev.codebuildspec.parse.Parse.v02;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codebuildspec.buildspec.ArtifactsSpec;
import dev.codebuildspec.buildspec.PathPattern;
import dev.codebuildspec.buildspec.Position;
import dev.codebuildspec.buildspec.ReportFormat;
import org.junit.jupiter.api.Test;

/** artifacts, reports, cache, batch, proxy. The base buildspec ends on line 5, so sections start at line 6. */
class SectionValidationTest {

    @Test
    void artifactsFilesRequired() {
        assertThat(diagnostics(v02("artifacts:\n  name: x\n"))).containsExactly(
                "buildspec.yml:6:1: error: artifacts.files is missing; artifacts needs a files list");
        assertThat(diagnostics(v02("artifacts:\n  secondary-artifacts:\n    out1:\n      files: [a]\n")))
                .containsExactly("buildspec.yml:6:1: error: no definition for primary artifacts in buildspec: "
                        + "artifacts.files is required even when only secondary-artifacts are used");
        assertThat(diagnostics(v02("artifacts:\n  files: []\n"))).containsExactly(
                "buildspec.yml:7:3: error: artifacts.files is empty; list at least one path");
    }

    @Test
    void artifactsSingleScalarFilesIsAWarning() {
        ParseResult r = parse(v02("artifacts:\n  files: target/app.jar\n"));
        assertThat(r.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "buildspec.yml:7:10: warning: artifacts.files should be a list; using the single value "
                        + "'target/app.jar' as a one-element list");
        assertThat(r.buildspec().orElseThrow().artifacts().orElseThrow().files())
                .containsExactly(new PathPattern("target/app.jar", new Position(7, 10)));
    }

    @Test
    void artifactsListEntriesAndSecondaryIdentifiers() {
        assertThat(diagnostics(v02("artifacts:\n  files:\n    - ''\n    - {a: b}\n  exclude-paths: [x, '']\n"
                + "  discard-paths: sometimes\n  secondary-artifacts:\n    bad-id:\n      name: n\n"))).containsExactly(
                "buildspec.yml:8:7: error: artifacts.files[0] must not be empty",
                "buildspec.yml:9:7: error: artifacts.files[1] must be a scalar, found a mapping",
                "buildspec.yml:10:22: error: artifacts.exclude-paths[1] must not be empty",
                "buildspec.yml:11:18: error: artifacts.discard-paths must be a boolean (yes/no, true/false, on/off), "
                        + "found the scalar 'sometimes'",
                "buildspec.yml:13:5: error: secondary artifact identifier 'bad-id' must contain only letters, digits "
                        + "and underscores",
                "buildspec.yml:13:5: error: artifacts.secondary-artifacts.bad-id.files is missing; every secondary "
                        + "artifact needs a files list");
    }

    @Test
    void unknownArtifactsKeyIsAWarning() {
        assertThat(diagnostics(v02("artifacts:\n  files: [a]\n  discard_paths: yes\n"))).containsExactly(
                "buildspec.yml:8:3: warning: unknown key 'discard_paths' in artifacts is ignored "
                        + "(did you mean 'discard-paths'?)");
    }

    @Test
    void reports() {
        assertThat(diagnostics(v02("reports:\n  r1:\n    base-directory: out\n  r2:\n    files: [a]\n"
                + "    file-format: junit\n"))).containsExactly(
                "buildspec.yml:7:3: error: reports.r1.files is missing; every report group needs a files list",
                "buildspec.yml:11:18: error: reports.r2.file-format: unknown report format 'junit'. Expecting one of: "
                        + "JUNITXML, CUCUMBERJSON, TESTNGXML, VISUALSTUDIOTRX, NUNITXML, NUNIT3XML, CLOVERXML, "
                        + "COBERTURAXML, JACOCOXML, SIMPLECOV");
        var group = parse(v02("reports:\n  cov:\n    files: [a]\n    file-format: jacocoXml\n")).buildspec()
                .orElseThrow().reports().get("cov");
        assertThat(group.fileFormat()).isEqualTo(ReportFormat.JACOCOXML);
        assertThat(group.fileFormat().isCoverage()).isTrue();
        assertThat(parse(v02("reports:\n  t:\n    files: [a]\n")).buildspec().orElseThrow().reports().get("t")
                .fileFormat()).isEqualTo(ReportFormat.JUNITXML);
    }

    @Test
    void cache() {
        assertThat(diagnostics(v02("cache:\n  paths: ['/root/.m2/**/*']\n  key: k\n"
                + "  fallback-keys: [a, b, c, d, e, f]\n  action: both\n"))).containsExactly(
                "buildspec.yml:9:3: error: cache.fallback-keys has 6 entries; at most 5 are allowed",
                "buildspec.yml:10:11: error: cache.action must be restore or save, found 'both'");
        ParseResult noKey = parse(v02("cache:\n  paths: [a]\n  fallback-keys: [x]\n  action: RESTORE\n"));
        assertThat(noKey.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "buildspec.yml:8:3: warning: cache.fallback-keys is ignored because cache.key is not set");
        var cache = noKey.buildspec().orElseThrow().cache().orElseThrow();
        assertThat(cache.fallbackKeys()).isEmpty();
        assertThat(cache.restores()).isTrue();
        assertThat(cache.saves()).isFalse();
    }

    @Test
    void aPlainBuildIgnoresABrokenBatchSectionWithAWarning() {
        ParseResult strict = parse(v02("batch:\n  fast-fail: true\n"));
        assertThat(strict.hasErrors()).isTrue();
        ParseResult plain = strict.forPlainBuild();
        assertThat(plain.hasErrors()).isFalse();
        assertThat(plain.buildspec().orElseThrow().batch()).isEmpty();
        assertThat(plain.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "buildspec.yml:6:1: warning: batch needs exactly one of build-list, build-graph, build-matrix, "
                        + "build-fanout; found none (the batch section is ignored: this is not a batch build)");
        ParseResult otherError = parse(v02("batch:\n  fast-fail: true\nbogus: [\n"));
        assertThat(otherError.forPlainBuild().hasErrors()).as("an error outside batch still fails").isTrue();
        ParseResult good = parse(v02("batch:\n  build-list:\n    - identifier: a\n"));
        assertThat(good.forPlainBuild()).isSameAs(good);
    }

    @Test
    void batchNeedsExactlyOneKind() {
        assertThat(diagnostics(v02("batch:\n  fast-fail: true\n"))).containsExactly(
                "buildspec.yml:6:1: error: batch needs exactly one of build-list, build-graph, build-matrix, "
                        + "build-fanout; found none");
        assertThat(diagnostics(v02("batch:\n  build-list:\n    - identifier: a\n  build-fanout:\n"
                + "    parallelism: 2\n"))).containsExactly(
                "buildspec.yml:9:3: error: batch needs exactly one of build-list, build-graph, build-matrix, "
                        + "build-fanout; found build-list and build-fanout");
    }

    @Test
    void batchGraphIdentifiersDependenciesAndCycles() {
        String yaml = v02("batch:\n  build-graph:\n"
                + "    - identifier: build-1\n"
                + "    - identifier: a\n      depend-on: [c]\n"
                + "    - identifier: b\n      depend-on: [a, missing]\n"
                + "    - identifier: c\n      depend-on: [b]\n"
                + "    - buildspec: x.yml\n");
        assertThat(diagnostics(yaml)).containsExactly(
                "buildspec.yml:8:19: error: batch.build-graph[0].identifier 'build-1' must contain only letters, "
                        + "digits and underscores",
                "buildspec.yml:9:19: error: build-graph has a dependency cycle: a -> c -> b -> a",
                "buildspec.yml:11:19: error: batch task b has depend-on 'missing', which is not the identifier of any "
                        + "task in build-graph",
                "buildspec.yml:15:7: error: batch.build-graph[4].identifier is missing; every batch task needs one");
    }

    @Test
    void aBatchTasksBuildspecMustBeInsideTheSource() {
        assertThat(diagnostics(v02("batch:\n  build-list:\n    - identifier: a\n      buildspec: ../../etc/passwd\n"
                + "    - identifier: b\n      buildspec: /etc/shadow\n    - identifier: c\n      buildspec: ci/./c.yml\n"
                + "  \n"))).containsExactly(
                "buildspec.yml:9:7: error: batch.build-list[0].buildspec: '../../etc/passwd' must be a path inside the "
                        + "source; a batch task's buildspec is read from the source root",
                "buildspec.yml:11:7: error: batch.build-list[1].buildspec: '/etc/shadow' must be a path inside the "
                        + "source; a batch task's buildspec is read from the source root");
    }

    @Test
    void batchListWarnsAboutDependOnAndChecksEnv() {
        assertThat(diagnostics(v02("batch:\n  build-list:\n    - identifier: a\n      depend-on: [b]\n"
                + "      env:\n        compute-type: BUILD_GENERAL1_SMALL\n        fleet: f\n"
                + "        privileged-mode: perhaps\n"))).containsExactly(
                "buildspec.yml:9:7: warning: batch.build-list[0].depend-on is only used in build-graph and is "
                        + "ignored in build-list",
                "buildspec.yml:12:9: error: batch.build-list[0].env sets both compute-type and fleet; use only one",
                "buildspec.yml:13:26: error: batch.build-list[0].env.privileged-mode must be a boolean (yes/no, "
                        + "true/false, on/off), found the scalar 'perhaps'");
        assertThat(diagnostics(v02("batch:\n  build-list:\n    - identifier: a\n    - identifier: a\n")))
                .containsExactly("buildspec.yml:9:19: error: duplicate batch identifier 'a' (first defined at 8:19)");
    }

    @Test
    void batchFanout() {
        assertThat(diagnostics(v02("batch:\n  build-fanout:\n    parallelism: 0\n"))).containsExactly(
                "buildspec.yml:8:18: error: batch.build-fanout.parallelism must be a whole number of at least 1, "
                        + "found '0'");
        assertThat(diagnostics(v02("batch:\n  build-fanout:\n    ignore-failure: yes\n"))).containsExactly(
                "buildspec.yml:7:3: error: batch.build-fanout.parallelism is missing; build-fanout needs the number "
                        + "of parallel builds");
    }

    @Test
    void proxy() {
        var proxy = parse(v02("proxy:\n  upload-artifacts: yes\n  logs: no\n")).buildspec().orElseThrow().proxy()
                .orElseThrow();
        assertThat(proxy.uploadArtifacts()).isTrue();
        assertThat(proxy.logs()).isFalse();
        assertThat(diagnostics(v02("proxy:\n  log: yes\n"))).containsExactly(
                "buildspec.yml:7:3: warning: unknown key 'log' in proxy is ignored (did you mean 'logs'?)");
    }

    @Test
    void secondaryArtifactsKeepOrder() {
        ArtifactsSpec a = parse(v02("artifacts:\n  files: [a]\n  secondary-artifacts:\n    z_out:\n      files: [z]\n"
                + "    a_out:\n      files: [a]\n")).buildspec().orElseThrow().artifacts().orElseThrow();
        assertThat(a.secondaryArtifacts().keySet()).containsExactly("z_out", "a_out");
    }
}
