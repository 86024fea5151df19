package dev.codebuildspec.cli.it;

/**
 * The busybox test image plus a {@code VOLUME}: each container of it gets an anonymous volume,
 * so "no volume of ours is left behind" is a real check. Built locally from the busybox image
 * (no registry), once, by name.
 */
final class VolumeImage {
    static final String NAME = "codebuild-spec-test/busybox-volume:1";

    private VolumeImage() {
    }

    static synchronized String ensure() {
        if (Docker.docker("image", "inspect", "-f", "{{.Id}}", NAME).startsWith("sha256:")) {
            return NAME;
        }
        String out = Docker.dockerWithInput("FROM " + TestImages.BUSYBOX + "\nVOLUME /cache-volume\n",
                "build", "-q", "-t", NAME, "-");
        if (!Docker.docker("image", "inspect", "-f", "{{.Id}}", NAME).startsWith("sha256:")) {
            throw new AssertionError("could not build " + NAME + ": " + out);
        }
        return NAME;
    }
}
