package io.jenkins.plugins.codebuildspec.jenkins;

import hudson.AbortException;
import hudson.FilePath;
import io.jenkins.plugins.codebuildspec.spec.ArtifactsSpec;
import io.jenkins.plugins.codebuildspec.spec.Buildspec;
import io.jenkins.plugins.codebuildspec.spec.PathPattern;
import io.jenkins.plugins.codebuildspec.spec.ReportFormat;
import io.jenkins.plugins.codebuildspec.spec.ReportGroup;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The plugin's own reading of the buildspec's primary {@code artifacts} ({@code files},
 * {@code base-directory}, {@code discard-paths}, {@code exclude-paths}) and of {@code reports}
 * in JUnit XML. Globs are matched on the agent (Ant syntax, which covers CodeBuild's {@code **}).
 * A base directory outside the workspace is refused.
 */
final class SpecOutputs implements BuildOutputs {
    @Override
    public Map<String, String> artifacts(Buildspec spec, Map<String, String> evaluated, FilePath workspace)
            throws IOException, InterruptedException {
        Map<String, String> map = new LinkedHashMap<>();
        if (spec.artifacts().isEmpty()) {
            return map;
        }
        ArtifactsSpec a = spec.artifacts().get();
        String base = relative(a.baseDirectory().orElse(""));
        FilePath root = base.isEmpty() ? workspace : workspace.child(base);
        if (!root.exists()) {
            throw new AbortException("base-directory " + base + " does not exist");
        }
        String includes = a.files().stream().map(PathPattern::pattern).map(SpecOutputs::glob).collect(Collectors.joining(","));
        String excludes = a.excludePaths().stream().map(PathPattern::pattern).map(SpecOutputs::glob).collect(Collectors.joining(","));
        String rootPath = root.getRemote();
        for (FilePath f : root.list(includes, excludes.isEmpty() ? null : excludes, false)) {
            String rel = f.getRemote().substring(rootPath.length()).replace('\\', '/');
            while (rel.startsWith("/")) {
                rel = rel.substring(1);
            }
            String key = a.discardPaths() ? f.getName() : rel;
            map.put(key, (base.isEmpty() ? "" : base + "/") + rel);
        }
        if (map.isEmpty()) {
            throw new AbortException("no matching artifact paths found");
        }
        return map;
    }

    @Override
    public Map<String, List<String>> junitReports(Buildspec spec) {
        Map<String, List<String>> reports = new LinkedHashMap<>();
        for (ReportGroup g : spec.reports().values()) {
            if (g.fileFormat() != ReportFormat.JUNITXML) {
                continue;
            }
            String base = relative(g.baseDirectory().orElse(""));
            List<String> patterns = new ArrayList<>();
            for (PathPattern p : g.files()) {
                patterns.add((base.isEmpty() ? "" : base + "/") + glob(p.pattern()));
            }
            reports.put(g.name(), patterns);
        }
        return reports;
    }

    /** CodeBuild paths are relative to the source directory; {@code ..} may not climb out of it. */
    static String relative(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.startsWith("/") || p.equals("..") || p.startsWith("../") || p.contains("/../") || p.endsWith("/..")) {
            throw new IllegalArgumentException("path outside the source directory: " + path);
        }
        return p;
    }

    /** A directory given as {@code dir/} or a bare {@code **} means everything below it. */
    static String glob(String pattern) {
        String p = pattern.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p.endsWith("/") ? p + "**" : p;
    }
}
