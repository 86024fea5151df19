package dev.codebuildspec.docker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The build container: the image, our labels, the source bind mount and the in-memory
 * directories. It carries no environment variables at all, so {@code docker inspect} never
 * shows a build variable, let alone a secret.
 */
public record ContainerSpec(String image, Map<String, String> labels, List<Mount> mounts, List<String> tmpfs,
        boolean privileged) {

    /** A bind mount of a host directory. */
    public record Mount(String hostPath, String containerPath) {
    }

    public ContainerSpec {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        mounts = List.copyOf(mounts);
        tmpfs = List.copyOf(tmpfs);
    }

    /**
     * {@code docker run} arguments. The image's entrypoint is replaced (CodeBuild ignores it) by
     * a shell that idles until the container is removed; {@code --init} reaps what builds leave.
     */
    List<String> runArguments() {
        List<String> args = new ArrayList<>(List.of("run", "-d"));
        args.addAll(options());
        args.addAll(List.of(image, "-c", "while :; do sleep 3600; done"));
        return args;
    }

    /**
     * {@code docker run} arguments for a container whose first process is {@code sh -c command}, attached: stdin open,
     * output streamed to us and kept nowhere else, removed by the daemon once that process ends ({@code --rm}).
     */
    List<String> attachedRunArguments(String name, String user, String command) {
        // No log driver: the daemon would keep every byte of the build's output, unmasked, in a file on this disk.
        List<String> args = new ArrayList<>(List.of("run", "-i", "--rm", "--log-driver", "none", "--name", name, "-u",
                user));
        args.addAll(options());
        args.addAll(List.of(image, "-c", command));
        return args;
    }

    private List<String> options() {
        List<String> args = new ArrayList<>(List.of("--init", "--entrypoint", "sh"));
        labels.forEach((k, v) -> {
            args.add("--label");
            args.add(k + "=" + v);
        });
        for (Mount m : mounts) {
            args.add("--mount");
            args.add("type=bind,source=" + m.hostPath() + ",target=" + m.containerPath());
        }
        for (String t : tmpfs) {
            args.add("--tmpfs");
            args.add(t + ":rw,exec,mode=0755");
        }
        if (privileged) {
            args.add("--privileged");
        }
        return args;
    }
}
