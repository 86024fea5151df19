package dev.codebuildspec.lint;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.SAXParserFactory;
import org.apache.commons.jexl.ExpressionFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads every Jelly view and help file of the plugin as Jenkins would, without Jenkins, and lists what would
 * break a page: XML that is not well-formed, a {@code ${%...}} message that Stapler would split into a key and
 * arguments (or fail to), an expression that JEXL cannot parse, a {@code field} or {@code it.x} that names no
 * property of the view's class, a help file for no property.
 */
final class ViewLint {
    private static final Pattern IT_PROPERTY = Pattern.compile("(?<![\\w.])it\\.(\\w+)(?!\\w|\\s*\\()");

    private final Path resources;
    private final Path sources;
    private final List<String> problems = new ArrayList<>();

    ViewLint(Path resources, Path sources) {
        this.resources = resources;
        this.sources = sources;
    }

    /** Every problem in every view and help file under the resources, as {@code path:line: message}. */
    List<String> run() throws IOException {
        try (Stream<Path> files = Files.walk(resources)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".jelly")) {
                    jelly(f, Files.readString(f, StandardCharsets.UTF_8));
                } else if (name.startsWith("help") && name.endsWith(".html")) {
                    help(f);
                }
            }
        }
        return problems;
    }

    /** The problems of one Jelly view whose text is {@code text} (the file need not hold it: tests pass old texts). */
    List<String> jelly(Path file, String text) throws IOException {
        Optional<Set<String>> properties = ownerProperties(file);
        Properties messages = messages(file);
        String where = resources.relativize(file).toString();
        DefaultHandler handler = new DefaultHandler() {
            private Locator locator;

            @Override
            public void setDocumentLocator(Locator locator) {
                this.locator = locator;
            }

            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                for (int i = 0; i < attributes.getLength(); i++) {
                    String value = attributes.getValue(i);
                    String at = where + ":" + locator.getLineNumber() + ": " + qName + " " + attributes.getQName(i);
                    expressions(at, value, properties, messages);
                    if (attributes.getQName(i).equals("field") && properties.isPresent()
                            && !properties.get().contains(value)) {
                        problems.add(at + "=\"" + value + "\": " + owner(file) + " has no getter for '" + value
                                + "' (Jenkins fills and saves a field through get" + capital(value) + "()/is"
                                + capital(value) + "())");
                    }
                }
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                expressions(where + ":" + locator.getLineNumber() + ": text", new String(ch, start, length),
                        properties, messages);
            }
        };
        parse(where, text, handler);
        return problems;
    }

    private void help(Path file) throws IOException {
        String where = resources.relativize(file).toString();
        parse(where, "<help-file>" + Files.readString(file, StandardCharsets.UTF_8) + "</help-file>",
                new DefaultHandler());
        String name = file.getFileName().toString();
        if (name.startsWith("help-")) {
            String field = name.substring("help-".length(), name.length() - ".html".length());
            Optional<Set<String>> properties = ownerProperties(file);
            if (properties.isPresent() && !properties.get().contains(field)) {
                problems.add(where + ": help for '" + field + "', which " + owner(file)
                        + " has no getter for: Jenkins never shows it");
            }
        }
    }

    private void parse(String where, String text, DefaultHandler handler) {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.newSAXParser().parse(new InputSource(new StringReader(text)), handler);
        } catch (SAXParseException e) {
            problems.add(where + ":" + e.getLineNumber() + ": not well-formed XML: " + e.getMessage());
        } catch (Exception e) {
            problems.add(where + ": cannot be read as XML: " + e);
        }
    }

    private void expressions(String at, String text, Optional<Set<String>> properties, Properties messages) {
        List<String> bodies;
        try {
            bodies = JellyExpressions.in(text);
        } catch (LintProblem e) {
            problems.add(at + ": " + e.getMessage());
            return;
        }
        for (String body : bodies) {
            if (body.startsWith("%")) {
                message(at, body.substring(1), messages);
            } else {
                jexl(at, "${" + body + "}", body);
                properties.ifPresent(p -> itProperties(at, body, p));
            }
        }
    }

    private void message(String at, String body, Properties messages) {
        StaplerMessage m;
        try {
            m = StaplerMessage.parse(body);
        } catch (LintProblem e) {
            problems.add(at + ": " + e.getMessage());
            return;
        }
        for (String argument : m.arguments()) {
            jexl(at, "argument '" + argument + "' of ${%" + body + "}", argument);
        }
        List<String> unused = m.unusedArguments(messages.getProperty(m.key(), m.key()));
        if (!unused.isEmpty()) {
            problems.add(at + ": ${%" + body + "} is the key '" + m.key() + "' with the argument(s) " + unused
                    + ", which it never uses ({0}...): Stapler reads '(' as the start of arguments, so that text "
                    + "is lost. Keep parentheses and commas out of message keys.");
        }
    }

    private void jexl(String at, String what, String expression) {
        try {
            ExpressionFactory.createExpression(expression);
        } catch (Exception | Error e) {
            problems.add(at + ": " + what + " is not a valid JEXL expression: " + e.getMessage());
        }
    }

    private void itProperties(String at, String body, Set<String> properties) {
        Matcher m = IT_PROPERTY.matcher(body);
        while (m.find()) {
            if (!properties.contains(m.group(1))) {
                problems.add(at + ": ${" + body + "} reads it." + m.group(1) + ", which the view's class has no "
                        + "getter for");
            }
        }
    }

    /** The class whose view or help {@code file} is: its folder, as a class name. */
    private String owner(Path file) {
        return resources.relativize(file.getParent()).toString().replace('/', '.');
    }

    private Optional<Set<String>> ownerProperties(Path file) throws IOException {
        if (file.getParent().equals(resources)) {
            return Optional.empty();
        }
        return JavaProperties.of(sources, owner(file));
    }

    /** The view's own messages ({@code config.properties} beside {@code config.jelly}), where Stapler looks first. */
    private static Properties messages(Path view) throws IOException {
        Properties p = new Properties();
        String name = view.getFileName().toString();
        Path file = view.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".properties");
        if (Files.exists(file)) {
            try (var in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                p.load(in);
            }
        }
        return p;
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
