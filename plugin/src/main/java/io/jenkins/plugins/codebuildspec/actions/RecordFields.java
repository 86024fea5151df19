package io.jenkins.plugins.codebuildspec.actions;

import dev.codebuildspec.record.PhaseContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The REST API's list shapes, as CodeBuild's BatchGetBuilds and the CLI's record give them: exported variables as
 * {@code [{name, value}]}, a phase's contexts as {@code [{statusCode, message}]}. Plain classes for XStream.
 */
final class RecordFields {
    private RecordFields() {
    }

    static List<NameValue> variables(Map<String, String> variables) {
        List<NameValue> list = new ArrayList<>();
        variables.forEach((k, v) -> list.add(new NameValue(k, v)));
        return list;
    }

    static ArrayList<Context> contexts(List<PhaseContext> contexts) {
        ArrayList<Context> list = new ArrayList<>();
        contexts.forEach(c -> list.add(new Context(c.statusCode(), c.message())));
        return list;
    }

    @ExportedBean(defaultVisibility = 3)
    public static final class NameValue {
        private final String name;
        private final String value;

        NameValue(String name, String value) {
            this.name = name;
            this.value = value;
        }

        @Exported
        public String getName() {
            return name;
        }

        @Exported
        public String getValue() {
            return value;
        }
    }

    @ExportedBean(defaultVisibility = 3)
    public static final class Context {
        private final String statusCode;
        private final String message;

        Context(String statusCode, String message) {
            this.statusCode = statusCode;
            this.message = message;
        }

        @Exported
        public String getStatusCode() {
            return statusCode;
        }

        @Exported
        public String getMessage() {
            return message;
        }
    }
}
