package dev.codebuildspec.artifacts;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The single walk behind {@link FileSelection#select()}: from the real root down, descending only into
 * directories that can be (or contain) a base directory or hold a file some include pattern can match.
 * One instance per walk; not thread-safe.
 */
final class TreeWalk {
    private static final String OUTSIDE_FILE = "symbolic link to a file outside the source tree";
    private static final String OUTSIDE_DIRECTORY = "symbolic link to a directory outside the source tree";

    private final FileSelection request;
    private final List<PatternSet> includes = new ArrayList<>();
    private final List<PatternSet> excludes = new ArrayList<>();
    private final Set<Refusal> refused = new LinkedHashSet<>();
    private PathGlob base;
    private Path realRoot;

    /** Base directories entered and not yet left: the ancestors of whatever is being visited. */
    private final List<String> activeBases = new ArrayList<>();
    private final List<String> baseDirectories = new ArrayList<>();
    /** Real paths of the directories on the current walk path: re-entering one is a loop. */
    private final Set<Path> directoriesOnPath = new HashSet<>();
    private final Map<String, SelectedFile> byArchivePath = new TreeMap<>();
    private final List<Collision> collisions = new ArrayList<>();

    TreeWalk(FileSelection request) {
        this.request = request;
    }

    Selection run() throws IOException {
        realRoot = request.root().toRealPath();
        if (!Files.isDirectory(realRoot)) {
            throw new NotDirectoryException(request.root().toString());
        }
        for (String p : request.includes()) {
            compile(p).ifPresent(includes::add);
        }
        for (String p : request.excludes()) {
            compile(p).ifPresent(excludes::add);
        }
        try {
            base = PathGlob.compile(request.baseDirectory());
        } catch (PatternError e) {
            refused.add(new Refusal(request.baseDirectory(), "base directory " + e.reason()));
            return result();
        }
        directory("", realRoot, realRoot);
        return result();
    }

    private Optional<PatternSet> compile(String written) {
        try {
            return Optional.of(PatternSet.of(written));
        } catch (PatternError e) {
            refused.add(new Refusal(written, e.reason()));
            return Optional.empty();
        }
    }

    private Selection result() {
        List<String> unmatched = includes.stream().filter(p -> !p.matched).map(p -> p.written).toList();
        List<String> directoryPatterns = includes.stream().filter(p -> p.matchedBelow).map(p -> p.written).toList();
        List<String> bases = baseDirectories.stream().sorted().toList();
        return new Selection(List.copyOf(byArchivePath.values()), bases, unmatched, directoryPatterns,
                List.copyOf(refused), collisions);
    }

    // ---- directories

    /** Enters {@code rel} (relative to the root) if anything there can matter. */
    private void directory(String rel, Path path, Path real) {
        if (!mayMatter(rel)) {
            return;
        }
        if (directoriesOnPath.contains(real)) {
            refuse(rel, "a directory loop: it leads back to " + display(realRoot.relativize(real).toString()));
            return;
        }
        boolean isBase = base.matches(rel);
        if (isBase) {
            activeBases.add(rel);
            baseDirectories.add(rel.isEmpty() ? "." : rel);
        }
        directoriesOnPath.add(real);
        try {
            String realRel = rootRelative(real);
            for (Path child : children(path)) {
                visit(rel, child, real, realRel);
            }
        } catch (IOException e) {
            refuse(rel, "cannot read the directory: " + e.getMessage());
        } finally {
            directoriesOnPath.remove(real);
            if (isBase) {
                activeBases.remove(activeBases.size() - 1);
            }
        }
    }

    private static List<Path> children(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(out::add);
        }
        // Sorted so that which of two colliding sources is named first does not depend on the file system.
        out.sort(null);
        return out;
    }

    /** Whether {@code rel} is or may contain a base directory, or lies in one where an include may match. */
    private boolean mayMatter(String rel) {
        if (base.matches(rel) || base.mayMatchUnder(rel)) {
            return true;
        }
        for (String b : activeBases) {
            String inBase = RelativePath.relativize(b, rel);
            if (includes.stream().anyMatch(p -> p.mayMatchUnder(inBase))) {
                return true;
            }
        }
        return false;
    }

    // ---- entries

    /** Visits {@code child} of the directory whose real path is {@code realParent} ({@code realParentRel} from the root). */
    private void visit(String parentRel, Path child, Path realParent, String realParentRel) {
        String name = child.getFileName().toString();
        String rel = RelativePath.join(parentRel, name);
        Path source;
        try {
            source = realParent.resolve(name);
        } catch (InvalidPathException e) {
            source = null;
        }
        if (source == null || !source.getFileName().equals(child.getFileName())) {
            // The name's bytes do not survive the trip through a Java String (sun.jnu.encoding), so no
            // String-keyed archive map could name this file. Refuse it rather than archive a mangled name.
            if (mayMatter(rel) || !selections(rel).isEmpty()) {
                refuse(rel, "the file name is not valid in the platform file-name encoding (sun.jnu.encoding="
                        + System.getProperty("sun.jnu.encoding") + ")");
            }
            return;
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            if (mayMatter(rel) || !selections(rel).isEmpty()) {
                refuse(rel, "cannot read: " + e.getMessage());
            }
            return;
        }
        if (attrs.isSymbolicLink()) {
            symlink(rel, child, source);
        } else if (attrs.isDirectory()) {
            directory(rel, child, source);
        } else if (attrs.isRegularFile()) {
            // the file's real path is its real parent's and its name: no relativize per file (bench P4)
            addFiles(selections(rel), RelativePath.join(realParentRel, name));
        } else if (!selections(rel).isEmpty()) {
            refuse(rel, "not a regular file");
        }
    }

    private void symlink(String rel, Path link, Path source) {
        Path real;
        try {
            real = link.toRealPath();
        } catch (IOException e) {
            if (mayMatter(rel) || !selections(rel).isEmpty()) {
                refuse(rel, "broken symbolic link");
            }
            return;
        }
        boolean inside = real.startsWith(realRoot);
        boolean isDirectory = Files.isDirectory(real);
        if (request.enableSymlinks()) {
            List<Hit> hits = selections(rel);
            if (!hits.isEmpty()) {
                if (!inside) {
                    refuse(rel, isDirectory ? OUTSIDE_DIRECTORY : OUTSIDE_FILE);
                    return;
                }
                String target = ArchiveLink.target(link, source, real);
                for (Hit h : hits) {
                    String archivePath = archivePath(h);
                    if (ArchiveLink.staysInArchive(archivePath, target)) {
                        add(SelectedFile.link(archivePath, rootRelative(source), target));
                    } else {
                        refuse(rel, "symbolic link " + target + " would point outside the artifact at "
                                + archivePath + " (base-directory or discard-paths moved it)");
                    }
                }
                return;
            }
        }
        if (isDirectory) {
            if (!inside && mayMatter(rel)) {
                refuse(rel, OUTSIDE_DIRECTORY);
            } else if (inside) {
                directory(rel, link, real);
            }
            return;
        }
        List<Hit> hits = selections(rel);
        if (hits.isEmpty()) {
            return;
        }
        if (!inside) {
            refuse(rel, OUTSIDE_FILE);
        } else if (!Files.isRegularFile(real)) {
            refuse(rel, "symbolic link to something that is not a regular file");
        } else {
            addFiles(hits, rootRelative(real));
        }
    }

    private void addFiles(List<Hit> hits, String realRel) {
        for (Hit h : hits) {
            add(SelectedFile.file(archivePath(h), realRel));
        }
    }

    private void add(SelectedFile entry) {
        SelectedFile first = byArchivePath.putIfAbsent(entry.archivePath(), entry);
        if (first != null && !first.equals(entry)) {
            collisions.add(new Collision(entry.archivePath(), first.sourcePath(), entry.sourcePath()));
        }
    }

    /** One base directory in which {@code inBase} is selected. */
    private record Hit(String base, String inBase) {
    }

    /** The active base directories in which the file at {@code rel} is included and not excluded. */
    private List<Hit> selections(String rel) {
        List<Hit> hits = new ArrayList<>();
        for (String b : activeBases) {
            String inBase = RelativePath.relativize(b, rel);
            boolean included = false;
            for (PatternSet p : includes) {
                included |= p.matchFile(inBase); // no short cut: every matching pattern counts as used
            }
            if (included && excludes.stream().noneMatch(p -> p.matches(inBase))) {
                hits.add(new Hit(b, inBase));
            }
        }
        return hits;
    }

    private String archivePath(Hit h) {
        return request.discardPaths() ? RelativePath.fileName(h.inBase()) : h.inBase();
    }

    private String rootRelative(Path real) {
        return realRoot.relativize(real).toString();
    }

    private void refuse(String rel, String reason) {
        refused.add(new Refusal(display(rel), reason));
    }

    private static String display(String rel) {
        return rel.isEmpty() ? "." : rel;
    }
}
