/**
 * Reads buildspec YAML into the {@link dev.codebuildspec.buildspec} model, reporting every
 * problem it can find as a positioned {@link dev.codebuildspec.parse.Diagnostic}.
 * Entry point: {@link dev.codebuildspec.parse.BuildspecParser}.
 */
package dev.codebuildspec.parse;
