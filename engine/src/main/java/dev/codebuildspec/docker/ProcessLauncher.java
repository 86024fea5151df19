package dev.codebuildspec.docker;

import java.io.IOException;

/**
 * Starts a process on the machine that runs the builds: the CLI's own machine, or a Jenkins
 * agent. This is the engine's only way to reach Docker.
 *
 * <p>Implementations must pass {@link ProcessRequest#environment()} to the process and nowhere
 * else (not to a log, not to argv): that is where secret values travel. Arguments never hold a
 * secret and never hold a {@code $} for a launcher to expand.
 */
public interface ProcessLauncher {
    RunningProcess start(ProcessRequest request) throws IOException;
}
