package dev.codebuildspec.driver;

import dev.codebuildspec.buildspec.OnFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides, for {@code RETRY-<regex>}, which failures are retried. The regex is matched (Java
 * syntax, find semantics) against CodeBuild's failure message; the message depends only on the
 * command and its exit status, so every answer is computed here and the driver gets a plain
 * {@code case} pattern list instead of a regex engine it may not have.
 */
final class RetryCondition {
    private RetryCondition() {
    }

    static String failureMessage(String command, int status) {
        return "Error while executing command: " + command + ". Reason: exit status " + status;
    }

    /** Case patterns over {@code "<command id>:<status>"}; empty when nothing matches. */
    static List<String> casePatterns(OnFailure onFailure, List<CommandRef> commands) {
        Pattern regex = Pattern.compile(onFailure.regex().orElse(".*"));
        List<String> patterns = new ArrayList<>();
        for (CommandRef c : commands) {
            List<Integer> matching = new ArrayList<>();
            for (int status = 1; status <= 255; status++) {
                if (regex.matcher(failureMessage(c.displayText(), status)).find()) {
                    matching.add(status);
                }
            }
            if (matching.size() == 255) {
                patterns.add(c.id() + ":*");
            } else {
                matching.forEach(s -> patterns.add(c.id() + ":" + s));
            }
        }
        return patterns;
    }
}
