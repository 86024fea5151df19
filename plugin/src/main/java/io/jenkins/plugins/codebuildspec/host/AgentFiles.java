package io.jenkins.plugins.codebuildspec.host;

import dev.codebuildspec.parse.BuildspecText;
import dev.codebuildspec.record.BuildRecordJson;
import dev.codebuildspec.run.BuildResult;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jenkins.MasterToSlaveFileCallable;

/** The files of a build outside the engine: YAML read on the agent, the JSON record kept with the build. */
final class AgentFiles {
    private AgentFiles() {
    }

    /**
     * Reads {@code path} under the workspace with the engine's rules and limit, refusing one that leads outside it (by
     * its name or through a link); only the text crosses the channel.
     */
    static BuildspecText read(FilePath workspace, String path) throws IOException, InterruptedException {
        return workspace.act(new ReadBuildspec(path));
    }

    /**
     * The CLI's JSON build record, with CodeBuild's field names, kept in the build's directory (as
     * {@code codebuild-spec/<build id>.json}); like the record of the CLI it holds no secret value.
     */
    static void keepRecord(Run<?, ?> run, TaskListener listener, BuildResult result) {
        keepRecord(run, listener, result.record().id(), BuildRecordJson.write(result.record()));
    }

    /** A record (a build's or a batch's) as {@code codebuild-spec/<id>.json} in the build's directory. */
    static void keepRecord(Run<?, ?> run, TaskListener listener, String id, String json) {
        Path dir = run.getRootDir().toPath().resolve("codebuild-spec");
        String name = id.replaceAll("[^A-Za-z0-9_.-]", "-") + ".json";
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name), json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            listener.getLogger().println("Warning: the build record could not be kept: " + e.getMessage());
        }
    }

    private static final class ReadBuildspec extends MasterToSlaveFileCallable<BuildspecText> {
        private static final long serialVersionUID = 1L;
        private final String path;

        ReadBuildspec(String path) {
            this.path = path;
        }

        @Override
        public BuildspecText invoke(File workspace, VirtualChannel channel) {
            return BuildspecText.readInside(workspace.toPath(), path);
        }
    }
}
