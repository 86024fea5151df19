package dev.codebuildspec.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code secret-id:json-key:version-stage:version-id}, with ARNs as ids. */
class SecretReferenceTest {
    private static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf";

    private static SecretReference ref(String id, String key, String stage, String version) {
        return new SecretReference(id, Optional.ofNullable(key), Optional.ofNullable(stage), Optional.ofNullable(version));
    }

    @Test
    void aPlainIdIsTheWholeReference() {
        assertThat(SecretReference.parse("prod/db")).isEqualTo(ref("prod/db", null, null, null));
    }

    @Test
    void anIdAndAJsonKey() {
        assertThat(SecretReference.parse("prod/db:password")).isEqualTo(ref("prod/db", "password", null, null));
    }

    @Test
    void anIdAKeyAndAStage() {
        assertThat(SecretReference.parse("prod/db:password:AWSPREVIOUS"))
                .isEqualTo(ref("prod/db", "password", "AWSPREVIOUS", null));
    }

    @Test
    void anIdAKeyAndAVersionId() {
        assertThat(SecretReference.parse("prod/db:password::3f2a-version-id"))
                .isEqualTo(ref("prod/db", "password", null, "3f2a-version-id"));
    }

    @Test
    void aStageWithoutAKey() {
        assertThat(SecretReference.parse("prod/db::AWSPENDING")).isEqualTo(ref("prod/db", null, "AWSPENDING", null));
    }

    @Test
    void emptyTrailingFieldsAreAbsent() {
        assertThat(SecretReference.parse("prod/db:::")).isEqualTo(ref("prod/db", null, null, null));
        assertThat(SecretReference.parse("prod/db:password:AWSCURRENT:"))
                .isEqualTo(ref("prod/db", "password", "AWSCURRENT", null));
    }

    @Test
    void bothAStageAndAVersionIdAreAnError() {
        assertThatThrownBy(() -> SecretReference.parse("prod/db:password:AWSCURRENT:3f2a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prod/db:password:AWSCURRENT:3f2a")
                .hasMessageContaining("both a version stage and a version id");
    }

    @Test
    void anArnKeepsItsOwnColons() {
        assertThat(SecretReference.parse(ARN)).isEqualTo(ref(ARN, null, null, null));
        assertThat(SecretReference.parse(ARN + ":password")).isEqualTo(ref(ARN, "password", null, null));
        assertThat(SecretReference.parse(ARN + ":password:AWSPREVIOUS"))
                .isEqualTo(ref(ARN, "password", "AWSPREVIOUS", null));
        assertThat(SecretReference.parse(ARN + ":password::v-1")).isEqualTo(ref(ARN, "password", null, "v-1"));
        assertThat(SecretReference.parse(ARN + "::AWSPREVIOUS")).isEqualTo(ref(ARN, null, "AWSPREVIOUS", null));
    }

    @Test
    void anArnWithBothStageAndVersionIdIsAnError() {
        assertThatThrownBy(() -> SecretReference.parse(ARN + ":password:AWSCURRENT:v-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both a version stage and a version id");
    }

    @Test
    void tooManyFieldsAreAnError() {
        assertThatThrownBy(() -> SecretReference.parse("prod/db:key:stage::extra"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too many fields");
        assertThatThrownBy(() -> SecretReference.parse(ARN + ":key:::extra"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too many fields");
    }

    @Test
    void anEmptyIdIsAnError() {
        assertThatThrownBy(() -> SecretReference.parse(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no secret id");
        assertThatThrownBy(() -> SecretReference.parse(":password"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no secret id");
    }
}
