/**
 * Reads buildspec YAML into the {@link io.jenkins.plugins.codebuildspec.spec} model, reporting every
 * problem it can find as a positioned {@link io.jenkins.plugins.codebuildspec.parse.Diagnostic}.
 * Entry point: {@link io.jenkins.plugins.codebuildspec.parse.BuildspecParser}.
 */
package io.jenkins.plugins.codebuildspec.parse;
