package dev.codebuildspec.reports;

import dev.codebuildspec.buildspec.ReportFormat;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Report fixtures: the realistic ones under src/test/resources/reports, and ones a test writes. */
final class Fixtures {
    private Fixtures() {}

    static ReportFile parseResource(String name, ReportFormat format) {
        return new ReportParser().parse(resource(name), "reports/" + name, format);
    }

    static ReportFile parseText(Path dir, String name, String content, ReportFormat format) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return new ReportParser().parse(file, "reports/" + name, format);
    }

    static Path resource(String name) {
        URL url = Fixtures.class.getResource("/reports/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
