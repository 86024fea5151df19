package dev.codebuildspec.artifacts;

import dev.codebuildspec.buildspec.ArtifactsSpec;
import dev.codebuildspec.buildspec.PathPattern;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns an {@code artifacts} section into an {@link ArtifactPlan}. Archive layout:
 * <pre>
 *   primary:    [&lt;s3-prefix&gt;/][&lt;name&gt;/]&lt;path below base-directory&gt;
 *   secondary:  &lt;identifier&gt;/[&lt;s3-prefix&gt;/][&lt;name&gt;/]&lt;path below base-directory&gt;
 * </pre>
 * Paths are always resolved from the source root ({@code CODEBUILD_SRC_DIR}), never from a last {@code cd}.
 */
public final class ArtifactPlanner {
    public static final String NO_MATCH = "no matching artifact paths found";
    public static final String NO_PRIMARY = "no definition for primary artifacts in buildspec";

    private ArtifactPlanner() {
    }

    /**
     * @param root the source root on this machine
     * @throws IOException only when the root itself is missing or unreadable
     */
    public static ArtifactPlan plan(Path root, ArtifactsSpec spec, EvaluatedArtifacts evaluated) throws IOException {
        List<ArtifactSet> sets = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (spec.files().isEmpty() && !spec.secondaryArtifacts().isEmpty()) {
            problems.add(NO_PRIMARY);
        } else {
            planSet(root, EvaluatedArtifacts.PRIMARY, spec, evaluated, sets, problems);
        }
        for (Map.Entry<String, ArtifactsSpec> e : spec.secondaryArtifacts().entrySet()) {
            planSet(root, e.getKey(), e.getValue(), evaluated, sets, problems);
        }
        problems.addAll(conflicts(sets));
        return new ArtifactPlan(sets, problems);
    }

    private static void planSet(Path root, String identifier, ArtifactsSpec set, EvaluatedArtifacts evaluated,
            List<ArtifactSet> sets, List<String> problems) throws IOException {
        String where = identifier.isEmpty() ? "" : " for secondary artifact '" + identifier + "'";
        Optional<String> name = evaluated.name(identifier, set);
        String prefix;
        try {
            prefix = prefix(identifier, set.s3Prefix(), name);
        } catch (PatternError e) {
            problems.add("artifact name or s3-prefix '" + e.pattern() + "'" + where + " " + e.reason());
            return;
        }
        FileSelection request = new FileSelection(root, evaluated.baseDirectory(identifier, set),
                texts(set.files()), texts(set.excludePaths()), set.discardPaths(), set.enableSymlinks());
        Selection selection = request.select();
        List<SelectedFile> entries = selection.files().stream().map(f -> f.under(prefix)).toList();
        for (Collision c : selection.collisions()) {
            problems.add(new Collision(prefix + c.archivePath(), c.firstSource(), c.secondSource()).message() + where);
        }
        if (entries.isEmpty()) {
            problems.add(NO_MATCH + where);
        }
        sets.add(new ArtifactSet(identifier, prefix, entries, selection));
    }

    /** "" or a canonical path ending in '/'. Names are not globs: every character is literal. */
    private static String prefix(String identifier, Optional<String> s3Prefix, Optional<String> name)
            throws PatternError {
        List<String> parts = new ArrayList<>();
        if (!identifier.isEmpty()) {
            parts.addAll(RelativePath.segments(identifier));
        }
        if (s3Prefix.isPresent()) {
            parts.addAll(RelativePath.segments(s3Prefix.get()));
        }
        if (name.isPresent()) {
            parts.addAll(RelativePath.segments(name.get()));
        }
        return parts.isEmpty() ? "" : String.join("/", parts) + "/";
    }

    private static List<String> texts(List<PathPattern> patterns) {
        return patterns.stream().map(PathPattern::pattern).toList();
    }

    /**
     * Across sets: one archive path claimed twice (a primary file under {@code out1/} and secondary set
     * {@code out1}), or one entry's path being another entry's parent directory. Within-set collisions are
     * already reported by the selection.
     */
    private static List<String> conflicts(List<ArtifactSet> sets) {
        List<String> problems = new ArrayList<>();
        Map<String, SelectedFile> all = new TreeMap<>();
        for (ArtifactSet set : sets) {
            Map<String, SelectedFile> own = new TreeMap<>();
            for (SelectedFile f : set.entries()) {
                own.putIfAbsent(f.archivePath(), f);
            }
            for (SelectedFile f : own.values()) {
                SelectedFile first = all.putIfAbsent(f.archivePath(), f);
                if (first != null && !first.equals(f)) {
                    problems.add(new Collision(f.archivePath(), first.sourcePath(), f.sourcePath()).message());
                }
            }
        }
        for (SelectedFile f : all.values()) {
            String path = f.archivePath();
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                SelectedFile parent = all.get(path.substring(0, slash));
                if (parent != null) {
                    problems.add("archive path " + parent.archivePath() + " (from " + parent.sourcePath()
                            + ") is a file, but " + path + " (from " + f.sourcePath() + ") needs it to be a directory");
                }
            }
        }
        return problems;
    }
}
