package dev.codebuildspec.acceptance;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Duration;

/** One build of a job, as its pages show it. */
record Build(Jenkins jenkins, String job, int number) {

    String path() {
        return "/job/" + job + "/" + number + "/";
    }

    String console() throws IOException, InterruptedException {
        return jenkins.get(path() + "consoleText").body();
    }

    JsonObject json() throws IOException, InterruptedException {
        return jenkins.json(path() + "api/json?depth=1").getAsJsonObject();
    }

    /** Waits until the console shows {@code text} (the build is then where a test wants to act). */
    void awaitConsole(String text, Duration max) throws IOException, InterruptedException {
        Wait wait = new Wait(max, "'" + text + "' in the console of " + this);
        while (!console().contains(text)) {
            wait.pause(Duration.ofMillis(500));
        }
    }

    /** Waits for the build to end; its result (SUCCESS, FAILURE, UNSTABLE, ABORTED). */
    String awaitResult(Duration max) throws IOException, InterruptedException {
        Wait wait = new Wait(max, "the end of " + this);
        while (true) {
            try {
                JsonObject o = jenkins.json(path() + "api/json?tree=building,result").getAsJsonObject();
                if (!o.get("building").getAsBoolean() && !o.get("result").isJsonNull()) {
                    return o.get("result").getAsString();
                }
            } catch (IOException e) {
                // Jenkins restarting
            }
            wait.pause(Duration.ofSeconds(1));
        }
    }

    /** The buildspec build's own page data ({@code <build>/codebuild-spec-<id>/api/json}), the first one of the build. */
    JsonObject buildspecRecord() throws IOException, InterruptedException {
        for (JsonElement a : json().getAsJsonArray("actions")) {
            if (a.isJsonObject() && a.getAsJsonObject().has("buildStatus")) {
                String id = a.getAsJsonObject().get("id").getAsString();
                String url = path() + "codebuild-spec-" + id.substring(id.lastIndexOf(':') + 1) + "/api/json?depth=1";
                return jenkins.json(url).getAsJsonObject();
            }
        }
        throw new AssertionError("no buildspec result on " + this);
    }

    JsonArray artifacts() throws IOException, InterruptedException {
        return jenkins.json(path() + "api/json?tree=artifacts[relativePath]").getAsJsonObject().getAsJsonArray("artifacts");
    }

    @Override
    public String toString() {
        return job + " #" + number;
    }
}
