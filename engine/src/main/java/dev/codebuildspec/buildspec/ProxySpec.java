package dev.codebuildspec.buildspec;

import java.util.Objects;

/** The {@code proxy} section; only meaningful for explicit-proxy VPC setups, so it is parsed and kept. */
public record ProxySpec(boolean uploadArtifacts, boolean logs, Position position) {
    public ProxySpec {
        Objects.requireNonNull(position, "position");
    }
}
