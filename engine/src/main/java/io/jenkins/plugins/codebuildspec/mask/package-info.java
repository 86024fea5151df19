/**
 * Secret masking for the build log and exported values: every occurrence of a secret's UTF-8 bytes becomes
 * {@link io.jenkins.plugins.codebuildspec.mask.SecretMasker#MASK}, as CodeBuild does.
 * Entry point: {@link io.jenkins.plugins.codebuildspec.mask.SecretMasker}.
 */
package io.jenkins.plugins.codebuildspec.mask;
