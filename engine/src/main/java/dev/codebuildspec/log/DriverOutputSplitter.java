package dev.codebuildspec.log;

import dev.codebuildspec.driver.DriverEvent;
import dev.codebuildspec.driver.DriverMarker;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Splits the driver's raw stream into command output (to the {@link LogSink}) and events (to
 * the listener). Works on bytes: output is never decoded, and a marker split across writes is
 * still found. Memory is bounded: an event line longer than {@link #MAX_EVENT} is treated as output.
 */
public final class DriverOutputSplitter extends OutputStream {
    static final int MAX_EVENT = 4096;
    static final int MAX_VALUE_HEX = 3 * 1024 * 1024;

    private final byte[] marker;
    private final LogSink sink;
    private final DriverListener listener;
    /** Bytes of the marker matched so far at the end of the previous write. */
    private int matched;
    /** Non-null while reading an event line after a full marker. */
    private ByteArrayOutputStream eventLine;
    /** Non-null while collecting the hex lines of an exported value. */
    private ByteArrayOutputStream value;
    private String valueName;

    public DriverOutputSplitter(DriverMarker marker, LogSink sink, DriverListener listener) {
        this.marker = marker.bytes();
        this.sink = sink;
        this.listener = listener;
    }

    /**
     * What it holds back between two writes (a partial marker, an event line, an exported value's hex), so that
     * a host dropped between two polls goes on without losing or repeating an event. Holds event text and
     * hex of values that were masked before they were written; never raw output. A plain serializable class.
     */
    public static final class Held implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final int matched;
        private final byte[] eventLine;
        private final byte[] value;
        private final String valueName;

        Held(int matched, byte[] eventLine, byte[] value, String valueName) {
            this.matched = matched;
            this.eventLine = eventLine;
            this.value = value;
            this.valueName = valueName;
        }
    }

    public synchronized Held held() {
        return new Held(matched, eventLine == null ? null : eventLine.toByteArray(),
                value == null ? null : value.toByteArray(), valueName);
    }

    /** Goes on from what an earlier splitter of the same driver held back. */
    public synchronized void resume(Held h) {
        matched = h.matched;
        eventLine = copy(h.eventLine);
        value = copy(h.value);
        valueName = h.valueName;
    }

    private static ByteArrayOutputStream copy(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream(bytes.length);
        b.write(bytes, 0, bytes.length);
        return b;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int end = off + len;
        int plain = off;
        int i = off;
        while (i < end) {
            if (eventLine != null) {
                byte c = b[i++];
                if (c == '\n') {
                    finishEvent();
                } else if (eventLine.size() >= MAX_EVENT) {
                    abandonEvent();
                    plain = i - 1;
                    i = plain;
                    continue;
                } else {
                    eventLine.write(c);
                }
                plain = i;
                continue;
            }
            if (matched > 0) {
                if (b[i] == marker[matched]) {
                    matched++;
                    i++;
                    if (matched == marker.length) {
                        matched = 0;
                        eventLine = new ByteArrayOutputStream();
                    }
                    plain = i;
                    continue;
                }
                // A false start: the bytes held back were output after all.
                emit(marker, 0, matched);
                matched = 0;
                plain = i;
            }
            int next = indexOf(b, marker[0], i, end);
            emit(b, plain, next - plain);
            if (next == end) {
                plain = end;
                break;
            }
            matched = 1;
            i = next + 1;
            plain = i;
            if (matched == marker.length) {
                matched = 0;
                eventLine = new ByteArrayOutputStream();
            }
        }
    }

    /** Emits what is held back (a partial marker or event line) as output: the stream ended. */
    @Override
    public synchronized void close() {
        if (matched > 0) {
            emit(marker, 0, matched);
            matched = 0;
        }
        if (eventLine != null) {
            abandonEvent();
        }
    }

    private void finishEvent() {
        String text = eventLine.toString(StandardCharsets.UTF_8);
        byte[] raw = eventLine.toByteArray();
        eventLine = null;
        Optional<DriverEvent> event = DriverEvent.parse(text);
        if (event.isEmpty()) {
            emit(marker, 0, marker.length);
            emit(raw, 0, raw.length);
            emit(new byte[] {'\n'}, 0, 1);
            return;
        }
        DriverEvent e = event.get();
        if (e.type() == DriverEvent.Type.VALUE_START) {
            valueName = e.arg(0);
            value = new ByteArrayOutputStream();
        } else if (e.type() == DriverEvent.Type.VALUE_END && value != null) {
            listener.onExportedValue(valueName, decodeHex(value.toString(StandardCharsets.US_ASCII)));
            value = null;
            valueName = null;
        } else {
            listener.onEvent(e);
        }
    }

    private void abandonEvent() {
        byte[] raw = eventLine.toByteArray();
        eventLine = null;
        emit(marker, 0, marker.length);
        emit(raw, 0, raw.length);
    }

    private void emit(byte[] b, int off, int len) {
        if (len <= 0) {
            return;
        }
        if (value != null) {
            // Keep a prefix: dropping one chunk and taking a later, smaller one would splice the value.
            value.write(b, off, Math.min(len, MAX_VALUE_HEX - value.size()));
            return;
        }
        sink.output(b, off, len);
    }

    private static int indexOf(byte[] b, byte x, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return to;
    }

    private static byte[] decodeHex(String odOutput) {
        String hex = odOutput.replaceAll("[^0-9a-fA-F]", "");
        if (hex.length() % 2 != 0) {
            hex = hex.substring(0, hex.length() - 1);
        }
        return HexFormat.of().parseHex(hex);
    }
}
