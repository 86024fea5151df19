package dev.codebuildspec.reports;

import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streaming JSON for the JSON report formats (Gson's {@link JsonReader}: values we do not need
 * are skipped without being built, so big embedded screenshots cost no memory), with Gson's
 * error messages turned into the "line N: reason" form of the XML readers.
 */
final class JsonInput {
    private static final Pattern LINE = Pattern.compile(" at line (\\d+) column");
    private static final Pattern GSON_POSITION = Pattern.compile("(.*?) at line (\\d+) column \\d+ path (\\S+)");

    private JsonInput() {}

    /** Skips a UTF-8 byte order mark, which Windows tools write and Gson would call malformed. */
    static JsonReader open(InputStream in) throws IOException {
        PushbackReader reader = new PushbackReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1);
        int first = reader.read();
        if (first >= 0 && first != '\uFEFF') {
            reader.unread(first);
        }
        return new JsonReader(reader);
    }

    /** Reads a report; any JSON problem becomes a {@link ReportException}. */
    static <T> T read(InputStream in, Body<T> body) throws IOException, ReportException {
        JsonReader json = open(in);
        try {
            T result = body.read(json);
            if (json.peek() != JsonToken.END_DOCUMENT) {
                throw new ReportException("unexpected content after the JSON value");
            }
            return result;
        } catch (MalformedJsonException | EOFException | IllegalStateException | JsonParseException
                | NumberFormatException e) {
            // Anything else is an I/O problem of the file, not of its content, and goes up as such.
            throw describe(e);
        }
    }

    interface Body<T> {
        T read(JsonReader json) throws IOException, ReportException;
    }

    static ReportException describe(Exception e) {
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        message = message.replaceFirst("^Use JsonReader\\.set\\w+\\([^)]*\\) to accept malformed JSON", "malformed JSON");
        Matcher m = GSON_POSITION.matcher(message);
        if (m.matches()) {
            String path = m.group(3).equals("$") ? "" : " (at " + m.group(3) + ")";
            return ReportException.at(Integer.parseInt(m.group(2)), lowerFirst(m.group(1)) + path);
        }
        return new ReportException(message);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** Checks the next token, naming what was found, e.g. "expected a JSON array of features, found an object". */
    static void expect(JsonReader json, JsonToken token, String what) throws IOException, ReportException {
        JsonToken found = json.peek();
        if (found != token) {
            throw ReportException.at(line(json), "expected " + what + ", found " + describe(found));
        }
    }

    /** Gson tells the position only through toString: "JsonReader at line 3 column 5 path $[0]". */
    private static int line(JsonReader json) {
        Matcher m = LINE.matcher(json.toString());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case BEGIN_ARRAY -> "an array";
            case BEGIN_OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case END_DOCUMENT -> "the end of the file";
            default -> token.toString();
        };
    }
}
