package dev.codebuildspec.env;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's JSON stand-in for Parameter Store and Secrets Manager. */
class SecretsFileTest {
    private static final String CONTENT = """
            {
              "parameter-store": {
                "/app/db/password": "pw-from-ssm",
                "/app/port": 5432,
                "/app/object": {"a": 1}
              },
              "secrets-manager": {
                "prod/db": "{\\"username\\":\\"app\\",\\"password\\":\\"value\\"}",
                "prod/api": { "AWSCURRENT": "new", "AWSPREVIOUS": "old", "3f2a-version-id": "older" },
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:exact": "by-full-arn",
                "exact": "by-name"
              }
            }
            """;
    private static final Optional<String> NONE = Optional.empty();

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        Path f = dir.resolve("secrets.json");
        Files.writeString(f, content, UTF_8);
        return f;
    }

    private SecretsFile read() throws IOException {
        return SecretsFile.read(file(CONTENT));
    }

    @Test
    void parametersAreLookedUpByName() throws IOException {
        SecretsFile s = read();
        assertThat(s.parameter("/app/db/password")).contains("pw-from-ssm");
        assertThat(s.parameter("/app/port")).contains("5432");
        assertThat(s.parameter("/app/object")).isEmpty();
        assertThat(s.parameter("/app/missing")).isEmpty();
    }

    @Test
    void aPlainStringIsTheCurrentVersion() throws IOException {
        SecretsFile s = read();
        String json = "{\"username\":\"app\",\"password\":\"value\"}";
        assertThat(s.secret("prod/db", NONE, NONE)).contains(json);
        assertThat(s.secret("prod/db", Optional.of("AWSCURRENT"), NONE)).contains(json);
        assertThat(s.secret("prod/db", Optional.of("AWSPREVIOUS"), NONE)).isEmpty();
        assertThat(s.secret("prod/db", NONE, Optional.of("3f2a-version-id"))).isEmpty();
    }

    @Test
    void anObjectMapsStagesAndVersionIdsToValues() throws IOException {
        SecretsFile s = read();
        assertThat(s.secret("prod/api", NONE, NONE)).contains("new");
        assertThat(s.secret("prod/api", Optional.of("AWSCURRENT"), NONE)).contains("new");
        assertThat(s.secret("prod/api", Optional.of("AWSPREVIOUS"), NONE)).contains("old");
        assertThat(s.secret("prod/api", NONE, Optional.of("3f2a-version-id"))).contains("older");
        assertThat(s.secret("prod/api", Optional.of("AWSPENDING"), NONE)).isEmpty();
    }

    @Test
    void unknownSecretsAreEmpty() throws IOException {
        assertThat(read().secret("nope", NONE, NONE)).isEmpty();
    }

    @Test
    void anArnFallsBackToTheNameAfterSecret() throws IOException {
        SecretsFile s = read();
        assertThat(s.secret("arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/api", Optional.of("AWSPREVIOUS"),
                NONE)).contains("old");
        assertThat(s.secret("arn:aws:secretsmanager:us-east-1:123456789012:secret:exact", NONE, NONE))
                .contains("by-full-arn");
        assertThat(s.secret("arn:aws:secretsmanager:us-east-1:123456789012:secret:missing", NONE, NONE)).isEmpty();
    }

    @Test
    void eitherSectionMayBeLeftOut() throws IOException {
        SecretsFile s = SecretsFile.read(file("{\"secrets-manager\": {\"a\": \"b\"}}"));
        assertThat(s.secret("a", NONE, NONE)).contains("b");
        assertThat(s.parameter("a")).isEmpty();
        assertThat(SecretsFile.read(file("{}")).secret("a", NONE, NONE)).isEmpty();
    }

    @Test
    void anUnknownTopLevelKeyIsAnError() throws IOException {
        Path f = file("{\"parameter-store\": {}, \"secret-manager\": {}}");
        assertThatThrownBy(() -> SecretsFile.read(f))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("secret-manager");
    }

    @Test
    void sectionsMustBeObjects() throws IOException {
        Path f = file("{\"parameter-store\": [\"a\"]}");
        assertThatThrownBy(() -> SecretsFile.read(f))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("\"parameter-store\" must be an object");
    }

    @Test
    void theRootMustBeAnObject() throws IOException {
        for (String content : new String[] {"[]", "\"text\"", "", "null"}) {
            Path f = file(content);
            assertThatThrownBy(() -> SecretsFile.read(f)).as(content).isInstanceOf(IOException.class);
        }
    }

    @Test
    void invalidJsonIsAnErrorThatDoesNotQuoteTheFile() throws IOException {
        String[] contents = {
            "{\"parameter-store\": {\"/p\": \"s3cr3t-value\" \"/q\": \"0th3r-s3cr3t\"}}",
            "{\"secrets-manager\": {\"a\": \"s3cr3t-value\"}} trailing-s3cr3t",
            "{\"secrets-manager\": {\"a\": \"s3cr3t-value",
            "{\"secrets-manager\": {\"a\": s3cr3t-value}}}",
        };
        for (String content : contents) {
            Path f = file(content);
            assertThatThrownBy(() -> SecretsFile.read(f)).as(content)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(f.toString())
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"))
                    .satisfies(e -> assertThat(e.getCause()).isNull());
        }
    }

    @Test
    void ofBuildsTheSameLookupInMemory() {
        SecretsFile s = SecretsFile.of(Map.of("/p", "v"), Map.of("prod/db", "x"));
        assertThat(s.parameter("/p")).contains("v");
        assertThat(s.secret("prod/db", NONE, NONE)).contains("x");
        assertThat(s.secret("arn:aws:secretsmanager:r:1:secret:prod/db", NONE, NONE)).contains("x");
    }
}
