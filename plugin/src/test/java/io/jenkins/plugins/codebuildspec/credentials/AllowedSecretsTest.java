package io.jenkins.plugins.codebuildspec.credentials;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AllowedSecretsTest {

    @Test
    void nothingIsAllowedWithoutAList() {
        assertFalse(AllowedSecrets.parse(null).allows("ssm.app.db.password"));
        assertFalse(AllowedSecrets.parse("  ").allows("ssm.app.db.password"));
    }

    @Test
    void idsAndPatternsSeparatedByCommasOrSpaces() {
        AllowedSecrets allowed = AllowedSecrets.parse("ssm.app.* , secretsmanager.prod.db\nssm.exact");
        assertTrue(allowed.allows("ssm.app.db.password"));
        assertTrue(allowed.allows("ssm.app."));
        assertTrue(allowed.allows("secretsmanager.prod.db"));
        assertTrue(allowed.allows("ssm.exact"));
        assertFalse(allowed.allows("secretsmanager.prod.db--AWSPREVIOUS"));
        assertFalse(allowed.allows("ssm.application.key"));
        assertFalse(allowed.allows("ssm.exactly"));
    }

    @Test
    void onlyTheStarIsSpecial() {
        AllowedSecrets allowed = AllowedSecrets.parse("ssm.a.b*c");
        assertTrue(allowed.allows("ssm.a.bxyzc"));
        assertFalse(allowed.allows("ssmXa.bc"));
        assertTrue(AllowedSecrets.parse("*").allows("anything.at.all"));
    }
}
