package dev.codebuildspec.cli.it;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The busybox test image plus a small {@code /codebuild/image/config/runtimes.yml}, as CodeBuild's standard
 * images ship one: two versions of nodejs (one with an alias), a default, and python. Built locally from the
 * busybox image (no registry), once, by name.
 */
final class RuntimesImage {
    static final String NAME = "codebuild-spec-test/busybox-runtimes:1";
    static final String FILE = """
            version: 0.1
            runtimes:
              nodejs:
                versions:
                  18:
                    aliases: [hydrogen]
                    commands:
                      - echo "Installing Node.js version 18 ..."
                      - export NODE_HOME=/opt/node-18
                  20:
                    commands:
                      - echo "Installing Node.js version 20 ..."
                      - export NODE_HOME=/opt/node-20
                  default:
                    commands:
                      - echo "Installing custom Node.js version $VERSION ..."
                      - export NODE_HOME=/opt/node-$VERSION
              python:
                versions:
                  3.12:
                    commands:
                      - export PYTHON_HOME=/opt/python-3.12
            """;

    private RuntimesImage() {
    }

    static synchronized String ensure() {
        if (Docker.docker("image", "inspect", "-f", "{{.Id}}", NAME).startsWith("sha256:")) {
            return NAME;
        }
        String encoded = Base64.getEncoder().encodeToString(FILE.getBytes(StandardCharsets.UTF_8));
        String out = Docker.dockerWithInput("FROM " + TestImages.BUSYBOX + "\nRUN mkdir -p /codebuild/image/config && echo "
                + encoded + " | base64 -d > /codebuild/image/config/runtimes.yml\n", "build", "-q", "-t", NAME, "-");
        if (!Docker.docker("image", "inspect", "-f", "{{.Id}}", NAME).startsWith("sha256:")) {
            throw new AssertionError("could not build " + NAME + ": " + out);
        }
        return NAME;
    }
}
