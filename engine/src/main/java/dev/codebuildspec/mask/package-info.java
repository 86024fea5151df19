/**
 * Secret masking for the build log and exported values: every occurrence of a secret's UTF-8 bytes becomes
 * {@link dev.codebuildspec.mask.SecretMasker#MASK}, as CodeBuild does.
 * Entry point: {@link dev.codebuildspec.mask.SecretMasker}.
 */
package dev.codebuildspec.mask;
