package dev.codebuildspec.parse;

import dev.codebuildspec.buildspec.Buildspec;
import dev.codebuildspec.buildspec.Position;
import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Parses and validates a buildspec. Never throws: every problem, including malformed YAML and
 * resource limits, comes back as a {@link Diagnostic}. Only SnakeYAML's node tree is used, so no
 * object of any YAML-chosen type is ever constructed.
 */
public final class BuildspecParser {
    /** Buildspecs are small; a limit stops a huge file from costing memory and time (see bench P5 for the parse throughput). */
    public static final int MAX_CODE_POINTS = 1024 * 1024;
    /** Billion-laughs protection: collections may be referenced through aliases only this often. */
    public static final int MAX_ALIASES_FOR_COLLECTIONS = 50;
    /** A buildspec is at most about 6 levels deep; anything deeper is hostile or broken. */
    public static final int MAX_NESTING_DEPTH = 40;

    public ParseResult parse(String yamlText, String sourceName) {
        Diagnostics diagnostics = new Diagnostics(sourceName);
        Optional<Buildspec> buildspec = Optional.empty();
        try {
            if (withinLimit(yamlText, diagnostics) && printable(yamlText, diagnostics)) {
                Optional<Node> root = compose(yamlText, diagnostics);
                if (root.isPresent() || !diagnostics.hasErrors()) {
                    NodeReader reader = new NodeReader(diagnostics, yamlText);
                    buildspec = new BuildspecReader(reader, sourceName).read(root.orElse(null));
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            // A bug of ours or of SnakeYAML must not take the caller down with it.
            diagnostics.error(Position.UNKNOWN, "internal error while reading the buildspec: " + e);
        }
        return diagnostics.result(buildspec);
    }

    public ParseResult parse(Path file, String sourceName) {
        return parse(BuildspecText.read(file), sourceName);
    }

    /** Parses a buildspec read by {@link BuildspecText#read}, or reports why it could not be read. */
    public ParseResult parse(BuildspecText read, String sourceName) {
        if (read.text().isPresent()) {
            return parse(read.text().get(), sourceName);
        }
        Diagnostics diagnostics = new Diagnostics(sourceName);
        diagnostics.error(Position.UNKNOWN, read.problem().orElse("the buildspec could not be read"));
        return diagnostics.result(Optional.empty());
    }

    private static boolean withinLimit(String text, Diagnostics diagnostics) {
        if (text.length() <= MAX_CODE_POINTS || text.codePointCount(0, text.length()) <= MAX_CODE_POINTS) {
            return true;
        }
        int offset = text.offsetByCodePoints(0, MAX_CODE_POINTS);
        diagnostics.error(positionOf(text, offset), "the buildspec exceeds the limit of " + MAX_CODE_POINTS
                + " characters");
        return false;
    }

    /** YAML allows only printable characters; SnakeYAML said so at 1:1, this names the place and the character. */
    private static boolean printable(String text, Diagnostics diagnostics) {
        int offset = WholeTextReader.firstNonPrintable(text);
        if (offset < 0) {
            return true;
        }
        diagnostics.error(positionOf(text, offset), String.format("special characters are not allowed (U+%04X)",
                text.codePointAt(offset)));
        return false;
    }

    private static Position positionOf(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, text.codePointCount(lineStart, offset) + 1);
    }

    /** The single document's root node, empty for an empty stream or when YAML itself is broken. */
    private static Optional<Node> compose(String text, Diagnostics diagnostics) {
        StreamReader stream = new WholeTextReader(text);
        LoaderOptions options = loaderOptions();
        MarkingParser parser = new MarkingParser(new ParserImpl(stream, options));
        Composer composer = new Composer(parser, new Resolver(), options);
        try {
            if (!composer.checkNode()) {
                return Optional.empty();
            }
            Node root = composer.getNode();
            if (composer.checkNode()) {
                Node second = composer.getNode();
                diagnostics.error(Nodes.position(second), "the buildspec must be a single YAML document, "
                        + "found another document here");
            }
            return Optional.ofNullable(root);
        } catch (MarkedYAMLException e) {
            String problem = e.getProblem() != null ? e.getProblem() : String.valueOf(e.getMessage());
            if (e.getContextMark() != null && e.getContext() != null && e.getContext().contains("quoted scalar")
                    && problem.contains("end of stream")) {
                // An unclosed quote is found only at the end of the file: name where it opened.
                diagnostics.error(Nodes.position(e.getContextMark()), "this quoted scalar is never closed (the file "
                        + "ends at " + Nodes.position(e.getProblemMark()) + " inside it)");
            } else {
                Position p = Nodes.position(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark());
                diagnostics.error(p, problem);
            }
        } catch (YAMLException e) {
            // Limits (aliases, nesting) come without a mark: use the last node the composer started.
            Position p = Nodes.position(parser.lastMark() != null ? parser.lastMark() : stream.getMark());
            diagnostics.error(p, String.valueOf(e.getMessage()));
        } catch (NumberFormatException e) {
            // SnakeYAML's scanner lets this out of a cut escape ("\x at the end of the text; fuzzer).
            diagnostics.error(Nodes.position(stream.getMark()), "invalid escape sequence in a double-quoted scalar");
        }
        return Optional.empty();
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setAllowDuplicateKeys(false);
        o.setMaxAliasesForCollections(MAX_ALIASES_FOR_COLLECTIONS);
        o.setAllowRecursiveKeys(false);
        o.setCodePointLimit(MAX_CODE_POINTS);
        o.setNestingDepthLimit(MAX_NESTING_DEPTH);
        o.setMergeOnCompose(true);
        o.setProcessComments(false);
        return o;
    }
}
