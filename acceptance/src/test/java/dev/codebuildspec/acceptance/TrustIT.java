package dev.codebuildspec.acceptance;

import static dev.codebuildspec.acceptance.Jobs.groovy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codebuildspec.acceptance.Suite.Where;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The buildspec is repository content: a pull request's buildspec cannot pull a credential the trusted side (the
 * Jenkinsfile, the job's configuration) did not allow, and its refusal says nothing of whether the credential exists.
 */
class TrustIT {
    private static final String VALUE = "Pr0d-DB-Pass-4242";
    private static final String BUILDSPEC = """
            version: 0.2
            env:
              parameter-store:
                X: /prod/db/password
                Y: /prod/nothing/here
            phases:
              build:
                commands:
                  - echo "$X" | rev
            """;
    private static Suite suite;

    @BeforeAll
    static void credential() throws Exception {
        suite = Suite.get();
        suite.jenkins.groovy("""
                import com.cloudbees.plugins.credentials.*
                import com.cloudbees.plugins.credentials.domains.Domain
                import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl
                def store = SystemCredentialsProvider.getInstance().getStore()
                def old = store.getCredentials(Domain.global()).find { it.id == 'ssm.prod.db.password' }
                if (old) store.removeCredentials(Domain.global(), old)
                store.addCredentials(Domain.global(), new StringCredentialsImpl(CredentialsScope.GLOBAL,
                        'ssm.prod.db.password', '', hudson.util.Secret.fromString('%s')))
                print('ok')
                """.formatted(VALUE));
    }

    private static Build run(String job, Where where, String options) throws Exception {
        suite.jenkins.createJob(job, Jobs.pipeline("""
                node('%s') {
                    codebuildSpec image: '%s'%s, inline: %s
                }
                """.formatted(where.label, suite.image, options, groovy(BUILDSPEC))));
        return suite.jenkins.build(job);
    }

    @ParameterizedTest
    @EnumSource(Where.class)
    void aBuildspecCannotReadACredentialTheJenkinsfileDidNotAllow(Where where) throws Exception {
        Build b = run("trust-refused-" + where, where, "");
        assertThat(b.awaitResult(Duration.ofMinutes(2))).isEqualTo("FAILURE");
        String console = b.console();
        assertThat(console).contains("Phase complete: DOWNLOAD_SOURCE State: FAILED",
                "parameter does not exist: /prod/db/password (env/parameter-store/X at inline buildspec:4:5): not allowed "
                        + "for this build", "add 'ssm.prod.db.password' or a pattern such as 'ssm.prod.*'",
                "parameter does not exist: /prod/nothing/here (env/parameter-store/Y at inline buildspec:5:5): not allowed");
        // Nothing tells the two apart: one exists, the other does not.
        assertThat(console).doesNotContain(VALUE, new StringBuilder(VALUE).reverse().toString(), "for a buildspec secret reference",
                "found", "Entering phase INSTALL");
        Suite.assertClean(b, where, List.of(VALUE, new StringBuilder(VALUE).reverse().toString()));
    }

    @ParameterizedTest
    @EnumSource(Where.class)
    void anAllowedReferenceResolvesAndAMissingOneSaysWhichCredentialWasLookedFor(Where where) throws Exception {
        Build b = run("trust-allowed-" + where, where, ", buildspecSecrets: 'ssm.prod.*'");
        assertThat(b.awaitResult(Duration.ofMinutes(2))).isEqualTo("FAILURE");
        String console = b.console();
        assertThat(console).contains("Jenkins credentials 'ssm.prod.db.password' for a buildspec secret reference: found",
                "parameter does not exist: /prod/nothing/here (env/parameter-store/Y at inline buildspec:5:5): Jenkins "
                        + "credentials 'ssm.prod.nothing.here' were looked up and not found")
                .doesNotContain("/prod/db/password (env", VALUE);

        suite.jenkins.createJob("trust-ok-" + where, Jobs.pipeline("""
                node('%s') {
                    codebuildSpec image: '%s', buildspecSecrets: 'ssm.prod.db.password', inline: %s
                }
                """.formatted(where.label, suite.image, groovy(BUILDSPEC.replace("    Y: /prod/nothing/here\n", "")))));
        Build ok = suite.jenkins.build("trust-ok-" + where);
        assertThat(ok.awaitResult(Duration.ofMinutes(2))).as(ok.console()).isEqualTo("SUCCESS");
        assertThat(ok.console()).doesNotContain(VALUE);
        Suite.assertClean(ok, where, List.of(VALUE));
    }
}
