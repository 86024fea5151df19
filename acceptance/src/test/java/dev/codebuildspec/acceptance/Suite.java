package dev.codebuildspec.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The Jenkins under test, made ready once for every test class: the given {@code .hpi} installed through the plugin
 * manager's upload (then a restart, and a check that the running plugin is that file), and the suite's agent online.
 */
final class Suite {
    private static Suite instance;

    final Jenkins jenkins;
    final Agent agent;
    final String image;
    final int restarts;

    private Suite(String url) {
        jenkins = new Jenkins(url, System.getProperty("codebuildspec.jenkins.user"),
                System.getProperty("codebuildspec.jenkins.token"));
        agent = new Agent(jenkins, Path.of(System.getProperty("java.io.tmpdir"), "codebuild-spec-acceptance-agent"));
        image = System.getProperty("codebuildspec.image", "codebuild-spec-test/debian:bookworm-1");
        restarts = Integer.getInteger("codebuildspec.restarts", 3);
    }

    static synchronized Suite get() throws IOException, InterruptedException {
        String url = System.getProperty("codebuildspec.jenkins.url", "");
        Assumptions.assumeFalse(url.isBlank(), "no Jenkins to test against (codebuildspec.jenkins.url)");
        if (instance == null) {
            Suite s = new Suite(url);
            String hpi = System.getProperty("codebuildspec.hpi", "");
            if (!hpi.isBlank()) {
                s.install(Path.of(hpi));
            }
            s.agent.ensureOnline();
            instance = s;
        }
        return instance;
    }

    private void install(Path hpi) throws IOException, InterruptedException {
        String want;
        try {
            want = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(hpi)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (!want.equals(installedDigest())) {
            jenkins.upload(hpi);
            jenkins.restart();
        }
        assertThat(installedDigest()).as("the running codebuild-spec plugin is the .hpi given").isEqualTo(want);
    }

    private String installedDigest() throws IOException, InterruptedException {
        return jenkins.groovy("""
                def p = jenkins.model.Jenkins.get().pluginManager.getPlugin('codebuild-spec')
                print(p == null || !p.isActive() ? 'none' :
                        java.security.MessageDigest.getInstance('SHA-256').digest(p.archive.bytes).encodeHex().toString())
                """);
    }

    /** Where a case's build runs: the controller's built-in node, or the suite's separate agent JVM. */
    enum Where {
        CONTROLLER("built-in", ""), AGENT(Agent.NAME, Agent.NAME);

        final String label;
        /** The node's name for the script console; "" for the controller. */
        final String node;

        Where(String label, String node) {
            this.label = label;
            this.node = node;
        }
    }

    /** Every case ends this way: no container of the build left, no secret value in its directory or workspace. */
    static void assertClean(Build b, Where where, List<String> secrets) throws IOException, InterruptedException {
        assertThat(Leaks.containers(b, where.node)).as("containers left by " + b).isEmpty();
        if (!secrets.isEmpty()) {
            assertThat(Leaks.secretsOnDisk(b, where.node, secrets)).as("secret values on disk after " + b).isEmpty();
        }
    }
}
