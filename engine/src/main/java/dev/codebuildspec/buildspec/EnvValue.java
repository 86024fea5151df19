package dev.codebuildspec.buildspec;

/** A value under one of the {@code env} maps, kept as its raw scalar text, with the key's position. */
public record EnvValue(String name, String value, Position position) {
}
