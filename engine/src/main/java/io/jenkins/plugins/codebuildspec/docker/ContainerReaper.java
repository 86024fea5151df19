package io.jenkins.plugins.codebuildspec.docker;

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

    /** @return the ids removed */
    public List<String> reap(Predicate<String> ownerGone) throws DockerException, InterruptedException {
        List<String> removed = new ArrayList<>();
        for (String[] row : docker.listByLabel(Labels.OWNER)) {
            String owner = row.length > 1 ? row[1] : "";
            if (ownerGone.test(owner)) {
                docker.remove(row[0]);
                removed.add(row[0]);
            }
        }
        return removed;
    }
}
