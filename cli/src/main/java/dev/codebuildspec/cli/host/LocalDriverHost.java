package dev.codebuildspec.cli.host;

import dev.codebuildspec.docker.ProcessLauncher;
import dev.codebuildspec.docker.ProcessRequest;
import dev.codebuildspec.run.DriverHost;
import dev.codebuildspec.run.DriverStart;
import dev.codebuildspec.run.DriverTask;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The driver on this machine, without a container: one {@code sh} in a session of its own, secrets in its
 * environment only, its output streamed back. A stop or timeout ends its whole process tree.
 */
final class LocalDriverHost implements DriverHost {
    private final ProcessLauncher launcher;

    LocalDriverHost(ProcessLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public DriverTask start(DriverStart start, OutputStream out) throws IOException {
        return new AttachedTask(launcher.start(new ProcessRequest(
                List.of("sh", "-c", bootstrap(start.stateDir(), start.shell())), start.secrets(),
                new ByteArrayInputStream(start.script().getBytes(StandardCharsets.UTF_8)), out, out)));
    }

    /**
     * The one command the driver starts with: it puts the script from stdin into the private state directory, then
     * runs it with stdin at EOF. It holds no secret.
     */
    static String bootstrap(String stateDir, String shell) {
        String driver = stateDir + "/driver.sh";
        return "umask 077 && mkdir -p " + stateDir + " && cat >" + driver + " && umask 022 && if command -v " + shell
                + " >/dev/null 2>&1; then exec " + shell + " " + driver + " </dev/null; else echo 'codebuild-spec: "
                + "this machine has no " + shell + " (env/shell)'; exit 127; fi";
    }

    @Override
    public Optional<DriverTask> reattach(Serializable saved, OutputStream out) {
        return Optional.empty();
    }
}
