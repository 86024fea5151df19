package dev.codebuildspec.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codebuildspec.parse.BuildspecParser;
import dev.codebuildspec.parse.ParseResult;
import dev.codebuildspec.buildspec.Buildspec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CodeBuild's precedence, literal buildspec values, and secrets kept out of {@code plain}. */
class EnvironmentResolverTest {
    private static final String SECRET_JSON =
            "{\"username\":\"app\",\"password\":\"pw\",\"port\":5432,\"ratio\":1.50,\"ssl\":true,\"opts\":{\"a\":[1,2]}}";
    private static final SecretsFile SECRETS = SecretsFile.of(
            Map.of("/app/db/password", "ssm-pw", "/app/token", "ssm-token"),
            Map.of("prod/db", SECRET_JSON, "prod/plain", "plain-secret", "not/json", "just text"));
    private static final BuiltInVariables BUILT_INS = new BuiltInVariables("proj", "uuid-1", 7, "/src", 1000L,
            "alice", "img:1", Optional.of("main"), Optional.empty());

    private static Buildspec spec(String env) {
        String yaml = "version: 0.2\nenv:\n" + env + "phases:\n  build:\n    commands:\n      - make\n";
        ParseResult r = new BuildspecParser().parse(yaml, "buildspec.yml");
        assertThat(r.errors()).as(yaml).isEmpty();
        return r.buildspec().orElseThrow();
    }

    private static final String ENV = """
              variables:
                GREETING: "hello $HOME ${USER} `id`"
                MODE: debug
              parameter-store:
                DB_PASS: /app/db/password
                TOKEN: /app/token
              secrets-manager:
                DB_USER: prod/db:username
                API: prod/plain
            """;

    private static ResolvedEnvironment resolve(String env, Map<String, String> plain, Map<String, String> secret)
            throws EnvironmentException {
        return new EnvironmentResolver(SECRETS).resolve(spec(env), BUILT_INS, plain, secret);
    }

    @Test
    void buildspecValuesAreLiteralAndSecretsAreSeparate() throws EnvironmentException {
        ResolvedEnvironment e = resolve(ENV, Map.of(), Map.of());
        assertThat(e.plain()).containsEntry("GREETING", "hello $HOME ${USER} `id`").containsEntry("MODE", "debug");
        assertThat(e.secret()).containsExactly(
                Map.entry("DB_PASS", "ssm-pw"), Map.entry("TOKEN", "ssm-token"),
                Map.entry("DB_USER", "app"), Map.entry("API", "plain-secret"));
        assertThat(e.plain()).doesNotContainKeys("DB_PASS", "TOKEN", "DB_USER", "API");
        assertThat(e.secretValues()).containsExactlyInAnyOrder("ssm-pw", "ssm-token", "app", "plain-secret");
    }

    @Test
    void builtInsComeFirstInPlain() throws EnvironmentException {
        ResolvedEnvironment e = resolve(ENV, Map.of("EXTRA", "1"), Map.of());
        List<String> keys = new ArrayList<>(e.plain().keySet());
        List<String> builtIns = new ArrayList<>(BUILT_INS.asMap().keySet());
        assertThat(keys.subList(0, builtIns.size())).isEqualTo(builtIns);
        assertThat(keys.subList(builtIns.size(), keys.size())).containsExactly("GREETING", "MODE", "EXTRA");
    }

    @Test
    void plainOverridesWinOverEveryBuildspecSection() throws EnvironmentException {
        ResolvedEnvironment e = resolve(ENV,
                Map.of("MODE", "release", "DB_PASS", "from-cli", "DB_USER", "cli-user"), Map.of());
        assertThat(e.plain()).containsEntry("MODE", "release").containsEntry("DB_PASS", "from-cli")
                .containsEntry("DB_USER", "cli-user");
        assertThat(e.secret()).doesNotContainKeys("MODE", "DB_PASS", "DB_USER").containsKeys("TOKEN", "API");
    }

    @Test
    void anOverriddenBuildspecSecretIsNotLookedUp() throws EnvironmentException {
        String env = """
                  parameter-store:
                    GONE: /does/not/exist
                  secrets-manager:
                    ALSO_GONE: does/not/exist
                """;
        ResolvedEnvironment e = resolve(env, Map.of("GONE", "x"), Map.of("ALSO_GONE", "y"));
        assertThat(e.plain()).containsEntry("GONE", "x");
        assertThat(e.secret()).containsExactly(Map.entry("ALSO_GONE", "y"));
    }

    @Test
    void secretOverridesWinOverTheBuildspecAndStayOutOfPlain() throws EnvironmentException {
        ResolvedEnvironment e = resolve(ENV, Map.of(), Map.of("MODE", "secret-mode", "TOKEN", "cli-token"));
        assertThat(e.plain()).doesNotContainKey("MODE");
        assertThat(e.secret()).containsEntry("MODE", "secret-mode").containsEntry("TOKEN", "cli-token");
    }

    @Test
    void aSecretOverrideOfABuiltInStaysOutOfPlain() throws EnvironmentException {
        ResolvedEnvironment e = resolve(ENV, Map.of(), Map.of("HOME", "/secret/home"));
        assertThat(e.plain()).doesNotContainKey("HOME");
        assertThat(e.secret()).containsEntry("HOME", "/secret/home");
    }

    @Test
    void aPlainOverrideReplacesABuiltIn() throws EnvironmentException {
        ResolvedEnvironment e = resolve(ENV, Map.of("HOME", "/home/alice"), Map.of());
        assertThat(e.plain()).containsEntry("HOME", "/home/alice");
        assertThat(e.plain().keySet()).startsWith("CODEBUILD_BUILD_ID");
    }

    @Test
    void aNameGivenAsASecretNeverAppearsInPlain() throws EnvironmentException {
        // Even when it is also given as a plain override (the CLI refuses that; the engine stays safe).
        ResolvedEnvironment e = resolve(ENV, Map.of("BOTH", "plain"), Map.of("BOTH", "secret"));
        assertThat(e.plain()).doesNotContainKey("BOTH");
        assertThat(e.secret()).containsKey("BOTH");
    }

    @Test
    void aMissingParameterNamesTheParameterTheVariableAndWhereItWasWritten() {
        String env = """
                  parameter-store:
                    DB_PASS: /app/db/missing
                """;
        // env: is line 2; the key is on line 4, column 5.
        assertThatThrownBy(() -> resolve(env, Map.of(), Map.of()))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("/app/db/missing")
                .hasMessageContaining("DB_PASS")
                .hasMessageContaining("buildspec.yml:4:5");
    }

    @Test
    void everyUnresolvedReferenceIsReportedAtOnceWithHowToSupplyIt() {
        String env = """
                  parameter-store:
                    A: /app/one
                    B: /app/db/password
                    C: /app/two
                  secrets-manager:
                    D: prod/gone
                """;
        assertThatThrownBy(() -> resolve(env, Map.of(), Map.of()))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("parameter does not exist: /app/one (env/parameter-store/A at buildspec.yml:4:5): "
                        + "not in the secrets file given")
                .hasMessageContaining("parameter does not exist: /app/two (env/parameter-store/C at buildspec.yml:6:5)")
                .hasMessageContaining("secret does not exist: prod/gone (env/secrets-manager/D at buildspec.yml:8:5)")
                .hasMessageNotContaining("/app/db/password");
        assertThatThrownBy(() -> new EnvironmentResolver(SecretSource.NONE).resolve(spec(env), BUILT_INS, Map.of(), Map.of()))
                .hasMessageContaining("/app/one (env/parameter-store/A at buildspec.yml:4:5): " + SecretSource.LOCALLY);
    }

    @Test
    void aMissingSecretNamesTheReferenceTheVariableAndWhereItWasWritten() {
        String env = """
                  variables:
                    A: b
                  secrets-manager:
                    API_KEY: prod/missing:key
                """;
        assertThatThrownBy(() -> resolve(env, Map.of(), Map.of()))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("prod/missing:key")
                .hasMessageContaining("API_KEY")
                .hasMessageContaining("buildspec.yml:6:5");
    }

    @Test
    void jsonKeysAreExtractedWithNonStringValuesAsTheirJsonText() throws EnvironmentException {
        String env = """
                  secrets-manager:
                    USER: prod/db:username
                    PORT: prod/db:port
                    RATIO: prod/db:ratio
                    SSL: prod/db:ssl
                    OPTS: prod/db:opts
                    WHOLE: prod/db
                """;
        ResolvedEnvironment e = resolve(env, Map.of(), Map.of());
        assertThat(e.secret()).containsExactly(
                Map.entry("USER", "app"),
                Map.entry("PORT", "5432"),
                Map.entry("RATIO", "1.50"),
                Map.entry("SSL", "true"),
                Map.entry("OPTS", "{\"a\":[1,2]}"),
                Map.entry("WHOLE", SECRET_JSON));
    }

    @Test
    void aMissingJsonKeyIsAnErrorThatDoesNotShowTheSecret() {
        String env = """
                  secrets-manager:
                    NOPE: prod/db:nope
                """;
        assertThatThrownBy(() -> resolve(env, Map.of(), Map.of()))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("nope")
                .hasMessageContaining("NOPE")
                .hasMessageContaining("buildspec.yml:4:5")
                .satisfies(x -> assertThat(x.getMessage()).doesNotContain("pw").doesNotContain("username"));
    }

    @Test
    void aJsonKeyOfASecretThatIsNotJsonIsAnError() {
        String env = """
                  secrets-manager:
                    X: not/json:key
                """;
        assertThatThrownBy(() -> resolve(env, Map.of(), Map.of()))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("no JSON key 'key'")
                .satisfies(x -> assertThat(x.getMessage()).doesNotContain("just text"));
    }

    @Test
    void anInvalidReferenceIsAnErrorWithItsPlace() {
        String env = """
                  secrets-manager:
                    X: prod/db:key:AWSCURRENT:v-1
                """;
        assertThatThrownBy(() -> resolve(env, Map.of(), Map.of()))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("both a version stage and a version id")
                .hasMessageContaining("env/secrets-manager/X")
                .hasMessageContaining("buildspec.yml:4:5");
    }

    @Test
    void versionStagesReachTheSource() throws EnvironmentException {
        SecretsFile staged = SecretsFile.of(Map.of(), Map.of());
        String env = """
                  secrets-manager:
                    X: prod/db:password:AWSPREVIOUS
                """;
        assertThatThrownBy(() -> new EnvironmentResolver(staged).resolve(spec(env), BUILT_INS, Map.of(), Map.of()))
                .isInstanceOf(EnvironmentException.class);
        SecretSource recording = new SecretSource() {
            @Override
            public Optional<String> parameter(String name) {
                return Optional.empty();
            }

            @Override
            public Optional<String> secret(String id, Optional<String> stage, Optional<String> version) {
                return Optional.of("{\"password\":\"" + id + "|" + stage.orElse("-") + "|" + version.orElse("-") + "\"}");
            }
        };
        ResolvedEnvironment e = new EnvironmentResolver(recording).resolve(spec(env), BUILT_INS, Map.of(), Map.of());
        assertThat(e.secret()).containsEntry("X", "prod/db|AWSPREVIOUS|-");
    }
}
