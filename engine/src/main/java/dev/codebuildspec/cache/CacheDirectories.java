package dev.codebuildspec.cache;

import dev.codebuildspec.buildspec.PathPattern;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The directories a {@code cache.paths} list names, as absolute container paths. CodeBuild's
 * local custom cache keeps directories: {@code /root/.m2/**&#47;*} caches {@code /root/.m2},
 * {@code node_modules/**&#47;*} caches {@code node_modules} under the source.
 */
public final class CacheDirectories {
    private CacheDirectories() {
    }

    public static List<String> of(List<PathPattern> paths, String srcDir) {
        Set<String> dirs = new LinkedHashSet<>();
        for (PathPattern p : paths) {
            String dir = staticPrefix(p.pattern());
            if (dir.isEmpty() || dir.equals("/") || hasParentSegment(dir)) {
                continue;
            }
            dirs.add(dir.startsWith("/") ? dir : srcDir + "/" + dir);
        }
        return new ArrayList<>(dirs);
    }

    /** The path up to the first segment with a glob character, without a trailing slash. */
    static String staticPrefix(String pattern) {
        String[] segments = pattern.split("/", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.contains("*") || s.contains("?")) {
                break;
            }
            if (i > 0) {
                out.append('/');
            }
            out.append(s);
        }
        String dir = out.toString();
        while (dir.length() > 1 && dir.endsWith("/")) {
            dir = dir.substring(0, dir.length() - 1);
        }
        return dir.equals(".") ? "" : dir;
    }

    private static boolean hasParentSegment(String path) {
        for (String s : path.split("/")) {
            if (s.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
