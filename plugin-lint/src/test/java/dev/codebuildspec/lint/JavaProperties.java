package dev.codebuildspec.lint;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The properties a view may read from a class of the plugin, taken from its source: what Stapler's data
 * binding and {@code ${it.x}} reach (public {@code getX()}/{@code isX()} without parameters, public fields).
 */
final class JavaProperties {
    /**
     * Properties a plugin class inherits from a Jenkins class outside its sources, by the simple name of that
     * supertype as the source writes it (from ../shared/jenkins-api): the lint cannot read those sources.
     */
    private static final java.util.Map<String, Set<String>> INHERITED = java.util.Map.of(
            "MultiBinding", Set.of("credentialsId"),
            "GlobalConfiguration", Set.of("displayName"));

    static {
        // The plugin is Java 17 (records, patterns in instanceof); the parser's default level is older.
        StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
    }

    private JavaProperties() {
    }

    /**
     * The properties of {@code className} (a top-level or a nested class, {@code Outer$Inner} or plain) in the
     * sources under {@code sourceRoot}; empty when no source holds the class.
     */
    static Optional<Set<String>> of(Path sourceRoot, String className) throws IOException {
        String[] parts = className.split("\\$");
        Path file = sourceRoot.resolve(parts[0].replace('.', '/') + ".java");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        CompilationUnit unit = StaticJavaParser.parse(file);
        String simple = parts[parts.length - 1].substring(parts[parts.length - 1].lastIndexOf('.') + 1);
        Optional<ClassOrInterfaceDeclaration> type = unit.findAll(ClassOrInterfaceDeclaration.class).stream()
                .filter(c -> c.getNameAsString().equals(simple)).findFirst();
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Set<String> properties = new HashSet<>();
        type.get().getExtendedTypes().forEach(t -> properties.addAll(INHERITED.getOrDefault(t.getNameAsString(), Set.of())));
        for (MethodDeclaration m : type.get().getMethods()) {
            if (m.isPublic() && m.getParameters().isEmpty()) {
                property(m.getNameAsString()).ifPresent(properties::add);
            }
        }
        for (FieldDeclaration f : type.get().getFields()) {
            if (f.isPublic()) {
                f.getVariables().forEach(v -> properties.add(v.getNameAsString()));
            }
        }
        return Optional.of(properties);
    }

    private static Optional<String> property(String method) {
        for (String prefix : new String[] {"get", "is"}) {
            if (method.length() > prefix.length() && method.startsWith(prefix)
                    && Character.isUpperCase(method.charAt(prefix.length()))) {
                String rest = method.substring(prefix.length());
                return Optional.of(Character.toLowerCase(rest.charAt(0)) + rest.substring(1));
            }
        }
        return Optional.empty();
    }
}
