package io.jenkins.plugins.codebuildspec.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialIdsTest {
    @Test
    void parameterStoreNames() {
        assertEquals("ssm.app.db.password", CredentialIds.forParameter("/app/db/password"));
        assertEquals("ssm.token", CredentialIds.forParameter("token"));
        assertEquals("ssm.a_b.c", CredentialIds.forParameter("//a b/c"));
    }

    @Test
    void secretsManagerReferences() {
        assertEquals("secretsmanager.prod.db", CredentialIds.forSecretReference("prod/db"));
        assertEquals("secretsmanager.prod.db", CredentialIds.forSecretReference("prod/db:password"));
        assertEquals("secretsmanager.prod.db", CredentialIds.forSecretReference("prod/db:password:AWSCURRENT"));
        assertEquals("secretsmanager.prod.db--AWSPREVIOUS", CredentialIds.forSecretReference("prod/db::AWSPREVIOUS"));
        assertEquals("secretsmanager.prod.db--3f2a", CredentialIds.forSecretReference("prod/db:::3f2a"));
        assertEquals("secretsmanager.prod.db",
                CredentialIds.forSecretReference("arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db:password"));
        assertEquals("secretsmanager.x", CredentialIds.forSecret("x", Optional.empty(), Optional.empty()));
    }
}
