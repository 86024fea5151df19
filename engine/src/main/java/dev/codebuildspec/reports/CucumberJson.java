package dev.codebuildspec.reports;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.InputStream;

/**
 * CUCUMBERJSON: an array of features, each with {@code elements}; every element that is not a
 * background is a scenario (an outline's examples appear expanded, one scenario each).
 *
 * <p>A scenario failed if one of its steps or hooks failed (status failed, or ambiguous, which
 * Cucumber always treats as an error); else it is skipped if one was skipped, pending or
 * undefined; else it passed. Hooks count because a failed Before hook skips every step, and
 * the scenario did fail. A background's steps run as part of the next scenario, so their result
 * and time go to that scenario instead of being dropped. Durations are in nanoseconds.
 */
final class CucumberJson {
    private CucumberJson() {}

    /** Worst outcome first wins: failed over skipped over passed. */
    private enum Outcome { PASSED, SKIPPED, FAILED }

    private static final class Element {
        Outcome outcome = Outcome.PASSED;
        double nanos;
        boolean background;

        void add(String status, double durationNanos) {
            Outcome o = switch (status == null ? "" : status) {
                case "passed" -> Outcome.PASSED;
                case "failed", "ambiguous" -> Outcome.FAILED;
                default -> Outcome.SKIPPED;
            };
            if (o.compareTo(outcome) > 0) {
                outcome = o;
            }
            nanos += durationNanos;
        }

        void addAll(Element other) {
            if (other.outcome.compareTo(outcome) > 0) {
                outcome = other.outcome;
            }
            nanos += other.nanos;
        }
    }

    static TestSummary read(InputStream in) throws IOException, ReportException {
        return JsonInput.read(in, json -> {
            TestCounter counter = new TestCounter();
            JsonInput.expect(json, JsonToken.BEGIN_ARRAY, "a JSON array of features");
            json.beginArray();
            while (json.hasNext()) {
                readFeature(json, counter);
            }
            json.endArray();
            return counter.summary();
        });
    }

    private static void readFeature(JsonReader json, TestCounter counter) throws IOException, ReportException {
        JsonInput.expect(json, JsonToken.BEGIN_OBJECT, "a feature object");
        json.beginObject();
        while (json.hasNext()) {
            if (!json.nextName().equals("elements")) {
                json.skipValue();
                continue;
            }
            Element background = null;
            json.beginArray();
            while (json.hasNext()) {
                Element e = readElement(json);
                if (e.background) {
                    background = e;
                    continue;
                }
                if (background != null) {
                    e.addAll(background);
                    background = null;
                }
                switch (e.outcome) {
                    case PASSED -> counter.pass();
                    case FAILED -> counter.fail();
                    case SKIPPED -> counter.skip();
                }
                counter.addSeconds(e.nanos / 1e9);
            }
            json.endArray();
        }
        json.endObject();
    }

    private static Element readElement(JsonReader json) throws IOException, ReportException {
        JsonInput.expect(json, JsonToken.BEGIN_OBJECT, "a scenario object");
        Element e = new Element();
        json.beginObject();
        while (json.hasNext()) {
            switch (json.nextName()) {
                case "type" -> e.background = json.peek() == JsonToken.STRING && json.nextString().equals("background");
                case "steps" -> readSteps(json, e);
                case "before", "after" -> readHooks(json, e);
                default -> json.skipValue();
            }
        }
        json.endObject();
        return e;
    }

    private static void readSteps(JsonReader json, Element e) throws IOException, ReportException {
        json.beginArray();
        while (json.hasNext()) {
            json.beginObject();
            while (json.hasNext()) {
                switch (json.nextName()) {
                    case "result" -> readResult(json, e);
                    // Cucumber-JVM writes BeforeStep/AfterStep hooks inside the step.
                    case "before", "after" -> readHooks(json, e);
                    default -> json.skipValue();
                }
            }
            json.endObject();
        }
        json.endArray();
    }

    private static void readHooks(JsonReader json, Element e) throws IOException, ReportException {
        json.beginArray();
        while (json.hasNext()) {
            json.beginObject();
            while (json.hasNext()) {
                if (json.nextName().equals("result")) {
                    readResult(json, e);
                } else {
                    json.skipValue();
                }
            }
            json.endObject();
        }
        json.endArray();
    }

    private static void readResult(JsonReader json, Element e) throws IOException, ReportException {
        String status = null;
        double nanos = 0;
        json.beginObject();
        while (json.hasNext()) {
            String name = json.nextName();
            if (name.equals("status") && json.peek() == JsonToken.STRING) {
                status = json.nextString();
            } else if (name.equals("duration") && json.peek() == JsonToken.NUMBER) {
                nanos = Math.max(0, json.nextDouble());
            } else {
                json.skipValue();
            }
        }
        json.endObject();
        e.add(status, nanos);
    }
}
