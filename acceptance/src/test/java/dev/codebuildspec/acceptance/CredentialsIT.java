package dev.codebuildspec.acceptance;

import static dev.codebuildspec.acceptance.Jobs.groovy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codebuildspec.acceptance.Suite.Where;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every kind of credential withCredentials binds, bound the same way by the step: values masked in the console, files
 * only in the container's memory with mode 600, nothing of them on the disk of the controller or the agent.
 */
class CredentialsIT {
    static final String STRING = "s7r1ng-acc-value";
    static final String PASSWORD = "p4ss-acc-value";
    static final String FILE = "file-acc-content-91";
    static final String KEY_BODY = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUacceptanceKeyBody";
    static final String PASSPHRASE = "ph-acc-passphrase";
    static final String STORE_PASSWORD = "storepass-acc-9";
    private static Suite suite;

    @BeforeAll
    static void credentials() throws Exception {
        suite = Suite.get();
        Path p12 = Files.createTempDirectory("acc-cert").resolve("cert.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "acc", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=acceptance",
                "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", STORE_PASSWORD, "-keypass",
                STORE_PASSWORD, "-validity", "2").redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        String keystore = Base64.getEncoder().encodeToString(Files.readAllBytes(p12));
        suite.jenkins.groovy("""
                import com.cloudbees.plugins.credentials.*
                import com.cloudbees.plugins.credentials.domains.Domain
                import com.cloudbees.plugins.credentials.impl.*
                import org.jenkinsci.plugins.plaincredentials.impl.*
                import com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey
                import hudson.util.Secret
                def store = SystemCredentialsProvider.getInstance().getStore()
                def put = { c ->
                    def old = store.getCredentials(Domain.global()).find { it.id == c.id }
                    if (old) store.removeCredentials(Domain.global(), old)
                    store.addCredentials(Domain.global(), c)
                }
                put(new StringCredentialsImpl(CredentialsScope.GLOBAL, 'acc-string', '', Secret.fromString('%s')))
                put(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, 'acc-userpass', '', 'deploy-user', '%s'))
                put(new FileCredentialsImpl(CredentialsScope.GLOBAL, 'acc-file', '', 'kubeconfig',
                        SecretBytes.fromBytes('%s'.getBytes('UTF-8'))))
                put(new BasicSSHUserPrivateKey(CredentialsScope.GLOBAL, 'acc-ssh', 'git',
                        new BasicSSHUserPrivateKey.DirectEntryPrivateKeySource(
                                '-----BEGIN OPENSSH PRIVATE KEY-----\\n%s\\n-----END OPENSSH PRIVATE KEY-----'),
                        '%s', ''))
                put(new CertificateCredentialsImpl(CredentialsScope.GLOBAL, 'acc-cert', 'acceptance certificate', '%s',
                        new CertificateCredentialsImpl.UploadedKeyStoreSource(null, SecretBytes.fromBytes('%s'.decodeBase64()))))
                print('ok')
                """.formatted(STRING, PASSWORD, FILE, KEY_BODY, PASSPHRASE, STORE_PASSWORD, keystore));
    }

    @ParameterizedTest
    @EnumSource(Where.class)
    void everyKindIsBoundMaskedAndNeverOnDisk(Where where) throws Exception {
        String buildspec = String.join("\n",
                "version: 0.2",
                "phases:",
                "  build:",
                "    commands:",
                "      - echo \"string=$S\"",
                "      - echo \"user=$U pass=$P colon=$UC\"",
                "      - echo \"file=$(cat \"$F\") mode=$(stat -c %a \"$F\") in=$(dirname \"$F\")\"",
                "      - echo \"ssh=$SSH_USER phrase=$SSH_PASS mode=$(stat -c %a \"$KEY\") lastbyte=$(tail -c 1 \"$KEY\" | od -An -tx1 | tr -d ' ')\"",
                "      - grep -c 'BEGIN OPENSSH' \"$KEY\"",
                "      - echo \"cert alias=$ALIAS pw=$CERT_PW mode=$(stat -c %a \"$CERT\") bytes=$(wc -c < \"$CERT\")\"",
                "");
        String job = "credentials-" + where;
        suite.jenkins.createJob(job, Jobs.pipeline("""
                node('%s') {
                    codebuildSpec image: '%s', credentials: [
                        string(credentialsId: 'acc-string', variable: 'S'),
                        usernamePassword(credentialsId: 'acc-userpass', usernameVariable: 'U', passwordVariable: 'P'),
                        usernameColonPassword(credentialsId: 'acc-userpass', variable: 'UC'),
                        file(credentialsId: 'acc-file', variable: 'F'),
                        sshUserPrivateKey(credentialsId: 'acc-ssh', keyFileVariable: 'KEY', usernameVariable: 'SSH_USER',
                                passphraseVariable: 'SSH_PASS'),
                        certificate(credentialsId: 'acc-cert', keystoreVariable: 'CERT', passwordVariable: 'CERT_PW',
                                aliasVariable: 'ALIAS')
                    ], inline: %s
                }
                """.formatted(where.label, suite.image, groovy(buildspec))));
        Build b = suite.jenkins.build(job);
        assertThat(b.awaitResult(Duration.ofMinutes(3))).as(b.console()).isEqualTo("SUCCESS");
        String console = b.console();
        assertThat(console).contains("string=***", "pass=***", "colon=***", "file=*** mode=600 in=/codebuild/output/tmp/secrets",
                "phrase=*** mode=600 lastbyte=0a", "cert alias=acceptance certificate pw=*** mode=600")
                .doesNotContain(STRING, PASSWORD, FILE, KEY_BODY, PASSPHRASE, STORE_PASSWORD);
        assertThat(console).containsPattern("bytes=[1-9][0-9]{2,}");
        Suite.assertClean(b, where, List.of(STRING, PASSWORD, FILE, KEY_BODY, PASSPHRASE, STORE_PASSWORD));
    }
}
