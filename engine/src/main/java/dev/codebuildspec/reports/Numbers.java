package dev.codebuildspec.reports;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lenient number reading for report attributes. A count or a time that does not parse is
 * treated as absent rather than making the whole file unreadable: the test cases are what count.
 */
final class Numbers {
    /** .NET TimeSpan: {@code [d.]hh:mm:ss[.fffffff]}. */
    private static final Pattern TIME_SPAN = Pattern.compile("(?:(\\d+)\\.)?(\\d+):(\\d+):(\\d+(?:\\.\\d+)?)");

    private Numbers() {}

    /**
     * A non-negative decimal such as a time in seconds. Old Surefire versions formatted times
     * with the build machine's locale, so "1,234.5" (grouping) and "0,5" (decimal comma) occur.
     */
    static OptionalDouble decimal(String text) {
        if (text == null) {
            return OptionalDouble.empty();
        }
        String t = text.trim();
        if (t.contains(",")) {
            t = t.contains(".") ? t.replace(",", "") : t.replace(',', '.');
        }
        try {
            double d = Double.parseDouble(t);
            return d >= 0 && !Double.isInfinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** A non-negative whole count; "12.0" is accepted because some writers format counts as decimals. */
    static OptionalLong count(String text) {
        OptionalDouble d = decimal(text);
        if (d.isEmpty() || d.getAsDouble() != Math.rint(d.getAsDouble()) || d.getAsDouble() > Long.MAX_VALUE) {
            return OptionalLong.empty();
        }
        return OptionalLong.of((long) d.getAsDouble());
    }

    static long countOrZero(String text) {
        return count(text).orElse(0);
    }

    static OptionalDouble timeSpanSeconds(String text) {
        if (text == null) {
            return OptionalDouble.empty();
        }
        Matcher m = TIME_SPAN.matcher(text.trim());
        if (!m.matches()) {
            return OptionalDouble.empty();
        }
        double days = m.group(1) == null ? 0 : Double.parseDouble(m.group(1));
        return OptionalDouble.of(days * 86400 + Double.parseDouble(m.group(2)) * 3600
                + Double.parseDouble(m.group(3)) * 60 + Double.parseDouble(m.group(4)));
    }
}
