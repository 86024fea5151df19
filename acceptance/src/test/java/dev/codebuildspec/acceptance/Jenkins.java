package dev.codebuildspec.acceptance;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A Jenkins reached only as a user's scripts reach it: its REST API and its script console. The suite's Jenkins has
 * security off (a test controller); a user's test Jenkins can take {@code codebuildspec.jenkins.user} and
 * {@code codebuildspec.jenkins.token} as well.
 */
final class Jenkins {
    private final String url;
    private final String auth;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    Jenkins(String url, String user, String token) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.auth = user == null || user.isEmpty() ? null : "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8));
    }

    String url() {
        return url;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : url + path))
                .timeout(Duration.ofSeconds(120));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return b;
    }

    /** A GET; its status and body. */
    Response get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null),
                r.headers().firstValue("X-Jenkins-Session").orElse(""));
    }

    JsonElement json(String path) throws IOException, InterruptedException {
        Response r = get(path);
        if (r.status() != 200) {
            throw new IOException("GET " + path + ": HTTP " + r.status() + "\n" + head(r.body()));
        }
        return JsonParser.parseString(r.body());
    }

    Response post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null), "");
    }

    Response postForm(String path, String... pairs) throws IOException, InterruptedException {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            form.append(form.length() == 0 ? "" : "&").append(enc(pairs[i])).append('=').append(enc(pairs[i + 1]));
        }
        return post(path, "application/x-www-form-urlencoded", form.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Runs Groovy on the controller's script console; what it printed. Fails on a Groovy error. */
    String groovy(String script) throws IOException, InterruptedException {
        Response r = postForm("/scriptText", "script", script);
        if (r.status() != 200 || r.body().contains("groovy.lang.") && r.body().contains("Exception")
                || r.body().startsWith("org.codehaus.groovy")) {
            throw new IOException("script console: HTTP " + r.status() + "\n" + head(r.body()) + "\n--- script:\n" + script);
        }
        return r.body();
    }

    void createJob(String name, String configXml) throws IOException, InterruptedException {
        get("/job/" + name + "/doDelete"); // harmless when absent
        post("/job/" + name + "/doDelete", null, new byte[0]);
        Response r = post("/createItem?name=" + enc(name), "application/xml", configXml.getBytes(StandardCharsets.UTF_8));
        if (r.status() != 200) {
            throw new IOException("createItem " + name + ": HTTP " + r.status() + "\n" + head(r.body()));
        }
    }

    String configXml(String job) throws IOException, InterruptedException {
        return get("/job/" + job + "/config.xml").body();
    }

    /** Starts a build and waits until it has a number. */
    Build build(String job) throws IOException, InterruptedException {
        Response r = post("/job/" + job + "/build?delay=0sec", null, new byte[0]);
        if (r.status() != 201 || r.location() == null) {
            throw new IOException("build " + job + ": HTTP " + r.status() + "\n" + head(r.body()));
        }
        String queue = r.location().replaceFirst("^https?://[^/]+", "");
        Wait wait = new Wait(Duration.ofSeconds(120), "build of " + job + " to leave the queue");
        while (true) {
            JsonElement item = json(queue + "api/json");
            JsonElement exe = item.getAsJsonObject().get("executable");
            if (exe != null && !exe.isJsonNull()) {
                return new Build(this, job, exe.getAsJsonObject().get("number").getAsInt());
            }
            wait.pause(Duration.ofMillis(300));
        }
    }

    void upload(Path hpi) throws IOException, InterruptedException {
        String boundary = "----codebuildspec" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"; filename=\""
                + hpi.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        parts.add(Files.readAllBytes(hpi));
        // The plugin manager reads a second field, the URL to install from, and takes the file when it is empty.
        parts.add(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"pluginUrl\"\r\n\r\n\r\n--" + boundary
                + "--\r\n").getBytes(StandardCharsets.UTF_8));
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            body.write(p);
        }
        Response r = post("/pluginManager/uploadPlugin", "multipart/form-data; boundary=" + boundary, body.toByteArray());
        if (r.status() != 302 && r.status() != 200) {
            throw new IOException("uploadPlugin: HTTP " + r.status() + "\n" + head(r.body()));
        }
    }

    /** Restarts the controller now (running builds are suspended, as at any restart) and waits until it is up. */
    void restart() throws IOException, InterruptedException {
        String before = get("/api/json").session();
        post("/restart", null, new byte[0]);
        Wait wait = new Wait(Duration.ofMinutes(4), "Jenkins to come back after a restart");
        while (true) {
            try {
                Response r = get("/api/json");
                if (r.status() == 200 && !r.session().equals(before)
                        && groovy("print(jenkins.model.Jenkins.get().initLevel.name())").equals("COMPLETED")) {
                    return;
                }
            } catch (IOException e) {
                // down for now
            }
            wait.pause(Duration.ofSeconds(1));
        }
    }

    /** The start of a reply, for a message: Jenkins' error pages are long. */
    static String head(String body) {
        return body.length() <= 1500 ? body : body.substring(0, 1500) + "...";
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** {@code session} is Jenkins' {@code X-Jenkins-Session}: a new one at every start. */
    record Response(int status, String body, String location, String session) {
    }
}
