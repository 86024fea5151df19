package dev.codebuildspec.parse;

import dev.codebuildspec.buildspec.OnFailure;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads a phase's {@code on-failure}: ABORT, CONTINUE, RETRY, RETRY-count, RETRY-regex, RETRY-count-regex. */
final class OnFailureReader {
    static final String ACCEPTED =
            "ABORT, CONTINUE, RETRY, RETRY-<count>, RETRY-<regex>, RETRY-<count>-<regex>";

    private static final String RETRY_PREFIX = "RETRY-";
    private static final Pattern COUNT_THEN_REGEX = Pattern.compile("(\\d+)-(.*)", Pattern.DOTALL);

    private final NodeReader reader;

    OnFailureReader(NodeReader reader) {
        this.reader = reader;
    }

    Optional<OnFailure> read(Field f) {
        Optional<Text> text = reader.scalar(f);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String raw = text.get().value().trim();
        String upper = raw.toUpperCase(Locale.ROOT);
        Text t = text.get();
        if (upper.equals("ABORT")) {
            return Optional.of(new OnFailure(OnFailure.Mode.ABORT, 0, Optional.empty(), t.position()));
        }
        if (upper.equals("CONTINUE")) {
            return Optional.of(new OnFailure(OnFailure.Mode.CONTINUE, 0, Optional.empty(), t.position()));
        }
        if (upper.equals("RETRY")) {
            return Optional.of(retry(OnFailure.DEFAULT_RETRIES, Optional.empty(), t));
        }
        if (upper.startsWith(RETRY_PREFIX) && raw.length() > RETRY_PREFIX.length()) {
            return retryWithSuffix(f, raw.substring(RETRY_PREFIX.length()), t);
        }
        reader.error(t.position(), "Invalid " + f.path() + " value " + Nodes.quote(raw) + ". Expecting: " + ACCEPTED);
        return Optional.empty();
    }

    // After "RETRY-": all digits is a count; digits then "-" is count then regex; anything else is a regex.
    private Optional<OnFailure> retryWithSuffix(Field f, String rest, Text t) {
        if (rest.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return count(f, rest, t).map(n -> retry(n, Optional.empty(), t));
        }
        Matcher m = COUNT_THEN_REGEX.matcher(rest);
        if (m.matches()) {
            if (m.group(2).isEmpty()) {
                reader.error(t.position(), "Invalid " + f.path() + " value " + Nodes.quote(t.value().trim())
                        + ": the regex after the retry count is empty. Expecting: " + ACCEPTED);
                return Optional.empty();
            }
            Optional<Integer> n = count(f, m.group(1), t);
            boolean regexOk = validRegex(f, m.group(2), t);
            return n.isPresent() && regexOk ? Optional.of(retry(n.get(), Optional.of(m.group(2)), t)) : Optional.empty();
        }
        return validRegex(f, rest, t)
                ? Optional.of(retry(OnFailure.DEFAULT_RETRIES, Optional.of(rest), t))
                : Optional.empty();
    }

    private Optional<Integer> count(Field f, String digits, Text t) {
        // Length check first: a 20-digit count must not overflow into a small number.
        String trimmed = digits.replaceFirst("^0+(?=.)", "");
        if (trimmed.length() > 3 || Integer.parseInt(trimmed) > OnFailure.MAX_RETRIES) {
            reader.error(t.position(), f.path() + " retry count " + digits + " is out of range: must be 0 to "
                    + OnFailure.MAX_RETRIES);
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(trimmed));
    }

    private boolean validRegex(Field f, String regex, Text t) {
        try {
            Pattern.compile(regex);
            return true;
        } catch (PatternSyntaxException e) {
            reader.error(t.position(), f.path() + " retry regex " + Nodes.quote(regex) + " is invalid: "
                    + e.getDescription());
            return false;
        }
    }

    private static OnFailure retry(int retries, Optional<String> regex, Text t) {
        return new OnFailure(OnFailure.Mode.RETRY, retries, regex, t.position());
    }
}
