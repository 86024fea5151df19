package dev.codebuildspec.log;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codebuildspec.driver.DriverEvent;
import dev.codebuildspec.driver.DriverMarker;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The driver's byte stream split into command output and events. */
class DriverOutputSplitterTest {
    private static final DriverMarker MARKER = new DriverMarker("0123456789abcdef");
    private static final String M = MARKER.text();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-31T12:00:00.123456Z"), ZoneOffset.UTC);
    private static final String AGENT_TIME = "2024/01/31 12:00:00.123456";

    /**
     * One run of the splitter: the log's bytes, and every event or exported value as a line
     * {@code @<log offset> <what>}, so that the order relative to the output is visible.
     */
    private static final class Run implements DriverListener {
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        final LogSink sink = new LogSink(log, CLOCK);
        final DriverOutputSplitter splitter = new DriverOutputSplitter(MARKER, sink, this);
        final List<String> seen = new ArrayList<>();
        final List<byte[]> values = new ArrayList<>();
        boolean agentOnEvent;

        @Override
        public void onEvent(DriverEvent event) {
            seen.add("@" + log.size() + " " + event.type() + " " + event.args());
            if (agentOnEvent) {
                sink.agent("event " + event.type());
            }
        }

        @Override
        public void onExportedValue(String name, byte[] value) {
            seen.add("@" + log.size() + " value " + name);
            values.add(value);
        }

        Run write(byte[] b) {
            splitter.write(b, 0, b.length);
            return this;
        }

        Run write(String s) {
            return write(bytes(s));
        }

        Run close() {
            splitter.close();
            return this;
        }

        byte[] output() {
            return log.toByteArray();
        }

        String text() {
            return log.toString(ISO_8859_1);
        }
    }

    /** Characters as bytes one to one, so tests can hold any byte in a string. */
    private static byte[] bytes(String s) {
        return s.getBytes(ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    /** What {@code od -An -v -tx1} prints for {@code value}: 16 bytes a line, each as " xx". */
    private static String od(byte[] value) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < value.length; i++) {
            s.append(' ').append(HexFormat.of().toHexDigits(value[i]));
            if (i % 16 == 15 || i == value.length - 1) {
                s.append('\n');
            }
        }
        return s.toString();
    }

    // --- output without events

    @Test
    void outputWithoutMarkersPassesThroughByteForByte() {
        byte[] input = concat(bytes("plain line\n"), new byte[] {0, 0, (byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28},
                bytes("\r\nno newline at the end"), "héllo ✓\n".getBytes(UTF_8), new byte[] {(byte) 0x80, 0});
        Run run = new Run().write(input).close();
        assertThat(run.output()).isEqualTo(input);
        assertThat(run.seen).isEmpty();
    }

    @Test
    void everyByteValueExceptTheMarkerStartPassesThroughInAnyChunking() {
        byte[] input = new byte[256 * 3];
        for (int i = 0; i < input.length; i++) {
            input[i] = (byte) i;
        }
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            Run run = new Run();
            int pos = 0;
            while (pos < input.length) {
                int n = 1 + random.nextInt(Math.min(40, input.length - pos));
                run.splitter.write(input, pos, n);
                pos += n;
            }
            run.close();
            assertThat(run.output()).isEqualTo(input);
            assertThat(run.seen).isEmpty();
        }
    }

    @Test
    void aOneMegabyteLinePassesThrough() {
        byte[] line = new byte[1024 * 1024 + 1];
        new Random(7).nextBytes(line);
        for (int i = 0; i < line.length; i++) {
            if (line[i] == '\n' || line[i] == 0x1e) {
                line[i] = 'x';
            }
        }
        line[line.length - 1] = '\n';
        Run run = new Run().write(line).close();
        assertThat(run.output()).isEqualTo(line);
        assertThat(run.seen).isEmpty();
    }

    @Test
    void aOneMegabyteLineWithRecordSeparatorsPassesThrough() {
        byte[] line = bytes(("ab\u001eCBS-" + "\u001e").repeat(100_000) + "\n");
        Run run = new Run().write(line).close();
        assertThat(run.output()).isEqualTo(line);
        assertThat(run.seen).isEmpty();
    }

    // --- events

    private static final String TWO_EVENTS = "before\n" + M + "P BUILD\n" + "after\n" + M + "C 3\n" + "tail";
    private static final String TWO_EVENTS_OUTPUT = "before\nafter\ntail";
    private static final List<String> TWO_EVENTS_SEEN = List.of("@7 PHASE_START [BUILD]", "@13 COMMAND_START [3]");

    @Test
    void eventsAreTakenOutOfTheOutputInStreamOrder() {
        Run run = new Run().write(TWO_EVENTS).close();
        assertThat(run.text()).isEqualTo(TWO_EVENTS_OUTPUT);
        assertThat(run.seen).containsExactlyElementsOf(TWO_EVENTS_SEEN);
    }

    @Test
    void eventsAreFoundWhenSplitAcrossTwoWritesAtEveryByteBoundary() {
        byte[] input = bytes(TWO_EVENTS);
        for (int split = 0; split <= input.length; split++) {
            Run run = new Run();
            run.splitter.write(input, 0, split);
            run.splitter.write(input, split, input.length - split);
            run.close();
            assertThat(run.text()).as("split at %d", split).isEqualTo(TWO_EVENTS_OUTPUT);
            assertThat(run.seen).as("split at %d", split).containsExactlyElementsOf(TWO_EVENTS_SEEN);
        }
    }

    @Test
    void eventsAreFoundWhenSplitAcrossThreeWritesAtEveryPairOfBoundaries() {
        byte[] input = bytes(TWO_EVENTS);
        for (int a = 0; a <= input.length; a++) {
            for (int b = a; b <= input.length; b++) {
                Run run = new Run();
                run.splitter.write(input, 0, a);
                run.splitter.write(input, a, b - a);
                run.splitter.write(input, b, input.length - b);
                run.close();
                assertThat(run.text()).as("split at %d, %d", a, b).isEqualTo(TWO_EVENTS_OUTPUT);
                assertThat(run.seen).as("split at %d, %d", a, b).containsExactlyElementsOf(TWO_EVENTS_SEEN);
            }
        }
    }

    @Test
    void eventsAreFoundWhenFedOneByteAtATime() {
        Run run = new Run();
        for (byte b : bytes(TWO_EVENTS)) {
            run.splitter.write(b);
        }
        run.close();
        assertThat(run.text()).isEqualTo(TWO_EVENTS_OUTPUT);
        assertThat(run.seen).containsExactlyElementsOf(TWO_EVENTS_SEEN);
    }

    @Test
    void everyEventTypeIsRecognisedWithItsArguments() {
        Run run = new Run().write(M + "P INSTALL\n" + M + "E INSTALL 1\n" + M + "R BUILD 2\n" + M + "C 0\n"
                + M + "F 0 127\n" + M + "W vars\n" + M + "D 1\n").close();
        assertThat(run.text()).isEmpty();
        assertThat(run.seen).containsExactly(
                "@0 PHASE_START [INSTALL]",
                "@0 PHASE_END [INSTALL, 1]",
                "@0 PHASE_RETRY [BUILD, 2]",
                "@0 COMMAND_START [0]",
                "@0 COMMAND_FAILED [0, 127]",
                "@0 WARNING [vars]",
                "@0 DONE [1]");
    }

    @Test
    void aMarkerInTheMiddleOfALineDeliversTheOutputFirstAndTheAgentLineStartsOnANewLine() {
        Run run = new Run();
        run.agentOnEvent = true;
        run.write("progress: 50%" + M + "E BUILD 1\n" + "more\n").close();
        assertThat(run.seen).containsExactly("@13 PHASE_END [BUILD, 1]");
        assertThat(run.text()).isEqualTo("progress: 50%\n[Container] " + AGENT_TIME + " event PHASE_END\nmore\n");
    }

    @Test
    void anAgentLineAfterACompleteLineGetsNoExtraNewline() {
        Run run = new Run();
        run.agentOnEvent = true;
        run.write("done\n" + M + "P BUILD\n").close();
        assertThat(run.text()).isEqualTo("done\n[Container] " + AGENT_TIME + " event PHASE_START\n");
    }

    @Test
    void anUnknownEventCodeAfterAValidMarkerIsOutput() {
        String input = "a\n" + M + "X something odd\n" + M + "PBUILD\n" + M + "\n" + "b\n";
        Run run = new Run().write(input).close();
        assertThat(run.text()).isEqualTo(input);
        assertThat(run.seen).isEmpty();
    }

    @Test
    void aMarkerWithAnotherNonceIsOutput() {
        String input = "\u001eCBS-ffffffffffffffff P BUILD\n";
        Run run = new Run().write(input).close();
        assertThat(run.text()).isEqualTo(input);
        assertThat(run.seen).isEmpty();
    }

    @Test
    void aFalseStartRightBeforeAMarkerDoesNotHideTheMarker() {
        String input = "x\u001eCBS-01\u001e\u001e" + M + "P BUILD\n";
        byte[] b = bytes(input);
        for (int split = 0; split <= b.length; split++) {
            Run run = new Run();
            run.splitter.write(b, 0, split);
            run.splitter.write(b, split, b.length - split);
            run.close();
            assertThat(run.text()).as("split at %d", split).isEqualTo("x\u001eCBS-01\u001e\u001e");
            assertThat(run.seen).as("split at %d", split).containsExactly("@10 PHASE_START [BUILD]");
        }
    }

    @Test
    void aLoneRecordSeparatorIsOutput() {
        Run run = new Run().write("a\u001eb\n").close();
        assertThat(run.text()).isEqualTo("a\u001eb\n");
    }

    @Test
    void aRecordSeparatorAtTheEndOfTheStreamIsOutputOnClose() {
        Run run = new Run().write("a\u001e");
        assertThat(run.text()).isEqualTo("a");
        run.close();
        assertThat(run.text()).isEqualTo("a\u001e");
    }

    @Test
    void aPartialMarkerAtTheEndOfTheStreamIsOutputOnClose() {
        String partial = M.substring(0, M.length() - 1);
        Run run = new Run().write("out" + partial);
        assertThat(run.text()).isEqualTo("out");
        run.close();
        assertThat(run.text()).isEqualTo("out" + partial);
        assertThat(run.seen).isEmpty();
    }

    @Test
    void anUnterminatedEventLineAtTheEndOfTheStreamIsOutputOnClose() {
        Run run = new Run().write("out\n" + M + "P BUILD").close();
        assertThat(run.text()).isEqualTo("out\n" + M + "P BUILD");
        assertThat(run.seen).isEmpty();
    }

    @Test
    void anEventLineOfTheMaximumLengthIsAnEvent() {
        String arg = "a".repeat(DriverOutputSplitter.MAX_EVENT - 2);
        Run run = new Run().write(M + "W " + arg + "\n").close();
        assertThat(run.text()).isEmpty();
        assertThat(run.seen).containsExactly("@0 WARNING [" + arg + "]");
    }

    @Test
    void anOverlongEventLineIsOutput() {
        String input = "x\n" + M + "W " + "a".repeat(DriverOutputSplitter.MAX_EVENT - 1) + "\n"
                + M + "W " + "b".repeat(3 * DriverOutputSplitter.MAX_EVENT) + "\n";
        byte[] b = bytes(input);
        Run whole = new Run().write(b).close();
        assertThat(whole.text()).isEqualTo(input);
        assertThat(whole.seen).isEmpty();

        Run bytewise = new Run();
        for (byte x : b) {
            bytewise.splitter.write(x);
        }
        bytewise.close();
        assertThat(bytewise.text()).isEqualTo(input);
        assertThat(bytewise.seen).isEmpty();
    }

    @Test
    void anEventAfterAnOverlongEventLineIsStillFound() {
        String overlong = M + "W " + "a".repeat(2 * DriverOutputSplitter.MAX_EVENT) + "\n";
        Run run = new Run().write(overlong + M + "P BUILD\n" + "z").close();
        assertThat(run.text()).isEqualTo(overlong + "z");
        assertThat(run.seen).containsExactly("@" + bytes(overlong).length + " PHASE_START [BUILD]");
    }

    @Test
    void anOverlongEventLineWithAMarkerRightAfterTheLimitKeepsThatMarker() {
        // The byte that overflows the event line is itself the start of a marker.
        String overlong = M + "W " + "a".repeat(DriverOutputSplitter.MAX_EVENT - 2);
        Run run = new Run().write(overlong + M + "P BUILD\n").close();
        assertThat(run.text()).isEqualTo(overlong);
        assertThat(run.seen).containsExactly("@" + bytes(overlong).length + " PHASE_START [BUILD]");
    }

    // --- exported values

    @Test
    void anExportedValueIsDecodedAndItsHexLinesAreNotOutput() {
        byte[] value = concat(bytes("hello"), new byte[] {0, (byte) 0xff, '\n', 0x1e}, "ü".getBytes(UTF_8));
        String input = "before\n" + M + "V MY_VAR\n" + od(value) + M + "v\n" + "after\n";
        Run run = new Run().write(input).close();
        assertThat(run.text()).isEqualTo("before\nafter\n");
        assertThat(run.seen).containsExactly("@7 value MY_VAR");
        assertThat(run.values).hasSize(1);
        assertThat(run.values.get(0)).isEqualTo(value);
    }

    @Test
    void aLongExportedValueSpanningManyHexLinesIsDecoded() {
        byte[] value = new byte[1000];
        new Random(3).nextBytes(value);
        Run run = new Run().write(M + "V BIG\n" + od(value) + M + "v\n").close();
        assertThat(run.text()).isEmpty();
        assertThat(run.values.get(0)).isEqualTo(value);
    }

    @Test
    void anEmptyExportedValueIsEmpty() {
        Run run = new Run().write(M + "V EMPTY\n" + M + "v\n").close();
        assertThat(run.seen).containsExactly("@0 value EMPTY");
        assertThat(run.values.get(0)).isEmpty();
    }

    @Test
    void exportedValuesAreDecodedAtEveryByteBoundary() {
        byte[] value = bytes("secret\u0000value\n");
        String input = "x" + M + "V A\n" + od(value) + M + "v\n" + M + "V B\n" + od(bytes("b")) + M + "v\n" + "y\n";
        byte[] b = bytes(input);
        for (int split = 0; split <= b.length; split++) {
            Run run = new Run();
            run.splitter.write(b, 0, split);
            run.splitter.write(b, split, b.length - split);
            run.close();
            assertThat(run.text()).as("split at %d", split).isEqualTo("xy\n");
            assertThat(run.seen).as("split at %d", split).containsExactly("@1 value A", "@1 value B");
            assertThat(run.values.get(0)).as("split at %d", split).isEqualTo(value);
            assertThat(run.values.get(1)).as("split at %d", split).isEqualTo(bytes("b"));
        }
        Run bytewise = new Run();
        for (byte x : b) {
            bytewise.splitter.write(x);
        }
        bytewise.close();
        assertThat(bytewise.text()).isEqualTo("xy\n");
        assertThat(bytewise.values).hasSize(2);
        assertThat(bytewise.values.get(0)).isEqualTo(value);
    }

    @Test
    void anOversizedExportedValueIsCutToAPrefixOfItself() {
        // More hex than the splitter keeps, arriving the way a pipe delivers it: large reads, then a short one.
        byte[] value = new byte[DriverOutputSplitter.MAX_VALUE_HEX / 3 + 5000];
        new Random(11).nextBytes(value);
        byte[] hex = bytes(od(value));
        Run run = new Run().write(M + "V HUGE\n");
        int chunk = 50_000;
        int pos = 0;
        while (pos < hex.length) {
            int n = Math.min(chunk, hex.length - pos);
            run.splitter.write(hex, pos, n);
            pos += n;
        }
        run.write(M + "v\n" + "after\n").close();
        assertThat(run.text()).isEqualTo("after\n");
        byte[] got = run.values.get(0);
        assertThat(got.length).isLessThan(value.length).isGreaterThan(value.length - 2 * chunk / 3);
        assertThat(Arrays.mismatch(got, Arrays.copyOf(value, got.length)))
                .as("first byte that differs from the value's prefix").isEqualTo(-1);
    }

    @Test
    void eventsBetweenValuesAndOutputKeepTheirOrder() {
        String input = "one\n" + M + "C 0\n" + "two\n" + M + "V X\n" + od(bytes("v")) + M + "v\n"
                + "three" + M + "F 0 2\n" + "four\n" + M + "D 0\n";
        Run run = new Run().write(input).close();
        assertThat(run.text()).isEqualTo("one\ntwo\nthreefour\n");
        assertThat(run.seen).containsExactly(
                "@4 COMMAND_START [0]", "@8 value X", "@13 COMMAND_FAILED [0, 2]", "@18 DONE [0]");
    }

    // --- LogSink

    @Test
    void agentLinesUseCodeBuildsFormatInUtcWhateverTheClocksZone() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Clock tokyo = Clock.fixed(Instant.parse("2023-12-31T23:59:59.000042Z"), ZoneId.of("Asia/Tokyo"));
        LogSink sink = new LogSink(out, tokyo);
        sink.agent("Entering phase BUILD");
        assertThat(out.toString(UTF_8)).isEqualTo("[Container] 2023/12/31 23:59:59.000042 Entering phase BUILD\n");
        assertThat(out.toString(UTF_8)).matches(
                "\\[Container] \\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{6} Entering phase BUILD\n");
    }

    @Test
    void logSinkPassesOutputThroughAndStartsAgentLinesOnANewLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogSink sink = new LogSink(out, CLOCK);
        sink.agent("first");
        byte[] partial = {'a', 0, (byte) 0xff};
        sink.output(partial, 0, partial.length);
        sink.agent("second");
        sink.output(bytes("line\n"), 0, 5);
        sink.output(new byte[0], 0, 0);
        sink.agent("third");
        byte[] expected = concat(bytes("[Container] " + AGENT_TIME + " first\n"), partial,
                bytes("\n[Container] " + AGENT_TIME + " second\nline\n[Container] " + AGENT_TIME + " third\n"));
        assertThat(out.toByteArray()).isEqualTo(expected);
        assertThat(sink.clock()).isSameAs(CLOCK);
    }

    @Test
    void logSinkOutputRespectsOffsetAndLength() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogSink sink = new LogSink(out, CLOCK);
        byte[] b = bytes("xxabc\nyy");
        sink.output(b, 2, 4);
        sink.agent("m");
        assertThat(out.toString(ISO_8859_1)).isEqualTo("abc\n[Container] " + AGENT_TIME + " m\n");
        assertThat(Arrays.equals(b, bytes("xxabc\nyy"))).isTrue();
    }

    @Test
    void whatIsHeldBackGoesOnInANewSplitterAfterTheHostWasDropped() throws Exception {
        String stream = "out one\n" + M + "P BUILD\n" + M + "V X\n 61 62\n" + M + "v\nout two\n" + M + "E BUILD 1\n";
        Run whole = new Run().write(stream).close();
        for (int cut = 1; cut < stream.length(); cut++) {
            Run first = new Run().write(stream.substring(0, cut));
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                out.writeObject(first.splitter.held());
            }
            Run second = new Run();
            try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                    new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                second.splitter.resume((DriverOutputSplitter.Held) in.readObject());
            }
            second.write(stream.substring(cut)).close();
            List<String> events = new ArrayList<>();
            first.seen.forEach(e -> events.add(e.substring(e.indexOf(' ') + 1)));
            second.seen.forEach(e -> events.add(e.substring(e.indexOf(' ') + 1)));
            assertThat(events).as("cut at %d", cut).isEqualTo(whole.seen.stream().map(e -> e.substring(e.indexOf(' ') + 1)).toList());
            assertThat(first.text() + second.text()).as("cut at %d", cut).isEqualTo(whole.text());
            assertThat(second.values.isEmpty() ? first.values : second.values).singleElement()
                    .satisfies(v -> assertThat(new String(v, ISO_8859_1)).isEqualTo("ab"));
        }
    }
}
