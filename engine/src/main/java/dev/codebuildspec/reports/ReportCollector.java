package dev.codebuildspec.reports;

import dev.codebuildspec.artifacts.FileSelection;
import dev.codebuildspec.artifacts.SelectedFile;
import dev.codebuildspec.artifacts.Selection;
import dev.codebuildspec.buildspec.PathPattern;
import dev.codebuildspec.buildspec.ReportGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Collects one report group after the build: selects its files like artifacts (from the source
 * root, never outside it), parses each, and copies them under {@code <target>/<group>/} when asked.
 * Never throws for a bad report: every problem is a warning in the summary.
 */
public final class ReportCollector {
    private final ReportParser parser = new ReportParser();

    /** The group's files, for callers that publish them elsewhere (the Jenkins junit plugin). */
    public record Collected(ReportGroupSummary summary, List<SelectedFile> files) {
    }

    public Collected collect(Path sourceRoot, ReportGroup group, Optional<Path> target, Consumer<String> log) {
        Selection selection;
        try {
            selection = new FileSelection(sourceRoot, group.baseDirectory().orElse(""),
                    group.files().stream().map(PathPattern::pattern).toList(), List.of(), group.discardPaths(), false)
                    .select();
        } catch (IOException e) {
            ReportGroupSummary s = ReportGroupSummary.of(group.name(), group.fileFormat(), List.of());
            log.accept("Warning: report group " + group.name() + ": cannot read the source tree: " + e.getMessage());
            return new Collected(s, List.of());
        }
        selection.logLines().forEach(log);
        List<ReportFile> parsed = new ArrayList<>();
        for (SelectedFile f : selection.files()) {
            parsed.add(parser.parse(sourceRoot.resolve(f.sourcePath()), f.sourcePath(), group.fileFormat()));
        }
        ReportGroupSummary summary = ReportGroupSummary.of(group.name(), group.fileFormat(), parsed);
        summary.warnings().forEach(w -> log.accept("Warning: " + w));
        target.ifPresent(t -> copy(sourceRoot, selection.files(), t.resolve(directoryName(group.name())), log));
        return new Collected(summary, selection.files());
    }

    /** A report group named by its ARN keeps only the name after {@code report-group/} as its directory. */
    public static String directoryName(String group) {
        String name = group.contains("report-group/") ? group.substring(group.lastIndexOf("report-group/") + 13) : group;
        return name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static void copy(Path root, List<SelectedFile> files, Path dir, Consumer<String> log) {
        try {
            for (SelectedFile f : files) {
                Path to = dir.resolve(f.archivePath()).normalize();
                if (!to.startsWith(dir)) {
                    continue;
                }
                Files.createDirectories(to.getParent());
                Files.copy(root.resolve(f.sourcePath()), to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            log.accept("Warning: cannot copy the reports to " + dir + ": " + e.getMessage());
        }
    }
}
