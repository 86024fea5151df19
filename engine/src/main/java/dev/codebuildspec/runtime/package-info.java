/**
 * {@code runtime-versions}: the runtimes file an image ships ({@code /codebuild/image/config/runtimes.yml}, or
 * one a user supplies), and the selection CodeBuild makes from it for the install phase.
 */
package dev.codebuildspec.runtime;
