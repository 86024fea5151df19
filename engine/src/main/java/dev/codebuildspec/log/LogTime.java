package dev.codebuildspec.log;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * CodeBuild's time stamp, {@code 2026/12/06 18:36:13.291598} in UTC, written digit by digit: a
 * {@code DateTimeFormatter} costs a short-lived command 13-18 ms the first time it is used (bench P2).
 */
final class LogTime {
    private LogTime() {
    }

    static StringBuilder append(StringBuilder to, Instant at) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(at.getEpochSecond(), at.getNano(), ZoneOffset.UTC);
        digits(to, t.getYear(), 4).append('/');
        digits(to, t.getMonthValue(), 2).append('/');
        digits(to, t.getDayOfMonth(), 2).append(' ');
        digits(to, t.getHour(), 2).append(':');
        digits(to, t.getMinute(), 2).append(':');
        digits(to, t.getSecond(), 2).append('.');
        return digits(to, t.getNano() / 1000, 6);
    }

    private static StringBuilder digits(StringBuilder to, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            to.append('0');
        }
        return to.append(s);
    }
}
