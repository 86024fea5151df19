/**
 * The immutable buildspec model. Built only by the parser; every node keeps its source position.
 */
package dev.codebuildspec.buildspec;
