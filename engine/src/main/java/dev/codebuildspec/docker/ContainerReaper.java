package dev.codebuildspec.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Removes containers of ours whose owner is gone: a CLI process that was killed, a Jenkins build
 * that no longer runs. What "gone" means is the caller's: the reaper only lists and removes.
 */
public final class ContainerReaper {
    private final DockerCli docker;

    public ContainerReaper(DockerCli docker) {
        this.docker = docker;
    }

    /**
     * @return the ids removed
     * @throws DockerException when the containers cannot even be listed (no daemon)
     */
    public List<String> reap(Predicate<String> ownerGone) throws DockerException, InterruptedException {
        List<String> removed = new ArrayList<>();
        for (String[] row : docker.listByLabel(Labels.OWNER)) {
            String owner = row.length > 1 ? row[1] : "";
            if (ownerGone.test(owner)) {
                try {
                    handBack(row[0]);
                    docker.remove(row[0]);
                    removed.add(row[0]);
                } catch (DockerException e) {
                    // Left for the next run or gc: one stubborn leftover must not stop a build.
                }
            }
        }
        return removed;
    }

    private static final java.util.regex.Pattern HAND_BACK = java.util.regex.Pattern.compile("(\\d+):(\\d+):(/.+)");

    /**
     * The owner died before FINALIZING gave the source tree back to its user: do it now, while
     * the container still runs (best effort: a stopped container keeps the files as they are).
     */
    private void handBack(String container) throws InterruptedException {
        try {
            java.util.regex.Matcher m = HAND_BACK.matcher(docker.label(container, Labels.HAND_BACK));
            if (m.matches()) {
                docker.execAndWait(container, List.of("chown", "-R", m.group(1) + ":" + m.group(2), m.group(3)),
                        DockerCli.CONTROL_TIMEOUT);
            }
        } catch (DockerException e) {
            // gone or stopped meanwhile: nothing to hand back through it
        }
    }
}
