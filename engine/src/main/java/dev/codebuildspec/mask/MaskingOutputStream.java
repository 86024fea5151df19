package dev.codebuildspec.mask;

import static dev.codebuildspec.mask.ByteAutomaton.ROOT;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Replaces secrets in a byte stream on the fly, including secrets split across {@code write} calls.
 *
 * <p><b>What is held back.</b> After every write, only the longest suffix of the input that is a proper prefix
 * of some secret is kept; everything before it is final and is written downstream before {@code write}
 * returns. So memory is O(longest secret) no matter how much passes through, and output lags input by at
 * most that suffix. {@link #flush()} cannot release the suffix either (it may yet become a secret);
 * {@link #close()} does, since at end of input nothing can complete any more.
 *
 * <p><b>Leftmost-longest with Aho-Corasick.</b> The automaton reports, at each byte, the longest secret ending
 * there. That is only a <em>candidate</em>: a secret starting earlier, or a longer one starting at the same
 * byte, might still complete later. Any such secret would have to start within the held suffix, so the
 * candidate is confirmed exactly when it starts before that suffix (position minus hold length). Until then
 * a later report replaces the candidate when it starts at or before the candidate's start (it then also ends
 * later, so it is longer). Once confirmed, the mask is written and scanning restarts from the root right
 * after the match; the bytes between the match end and the current position (all still held, fewer than
 * the longest secret) are scanned again, because matches found with the overlapping context may now be
 * different. In practice that re-scan is empty or a byte or two; only self-overlapping secret sets
 * (say {@code a} and {@code aaaab}) make it approach the longest secret's length per match.
 *
 * <p><b>Speed.</b> With nothing pending the scan sits at the root and skips ahead without stepping the
 * automaton ({@link ByteAutomaton#skip}); otherwise it steps a dense table with one load per byte and drops
 * into the bookkeeping only on flagged transitions. Literal runs go downstream as slices of the caller's
 * array, batched with the masks, so a write with no secret in it is one downstream write.
 *
 * <p>Bytes are never decoded, so invalid UTF-8 and binary data pass through untouched. All public methods
 * are synchronized: several threads may write one log.
 */
public final class MaskingOutputStream extends OutputStream {

    private static final byte[] NOTHING = new byte[0];

    private final ByteAutomaton automaton;
    /** Which hash this stream's skip uses: the one its own text collides with least. */
    private final TripleSkip.Choice hashes;
    private final byte[] mask;
    private final OutputStream downstream;
    private final OutputBatch out;

    /** Held-back bytes live at held[heldFrom, heldFrom + heldLen); compacted only when the end is reached. */
    private final byte[] held;
    private int heldFrom;
    private int heldLen;

    private int state = ROOT;
    private boolean candidate;
    private int candidateStart;
    private int candidateEnd;
    private boolean closed;
    private final byte[] single = new byte[1];

    /*
     * During one write, positions are "virtual": the held bytes are 0..heldLen-1 and the new bytes follow.
     * Candidate bounds use the same coordinates and are rebased when the write ends.
     */
    private byte[] in = NOTHING;
    private int inOff;
    private int total;
    private int emitted;

    MaskingOutputStream(OutputStream downstream, ByteAutomaton automaton, byte[] mask) {
        this.downstream = downstream;
        this.out = new OutputBatch(downstream);
        this.automaton = automaton;
        this.hashes = automaton.newHashChoice();
        this.mask = mask.clone();
        // Twice the room so compaction happens at most once per longest-secret's worth of input.
        this.held = new byte[Math.max(2, 2 * automaton.maxPatternLength)];
    }

    @Override
    public synchronized void write(int b) throws IOException {
        single[0] = (byte) b;
        write(single, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        if ((off | len) < 0 || len > b.length - off) {
            throw new IndexOutOfBoundsException();
        }
        if (len > 0) {
            feed(b, off, len, false);
        }
    }

    /** Writes out everything that cannot be part of a secret and flushes downstream; a possible prefix stays. */
    @Override
    public synchronized void flush() throws IOException {
        if (closed) {
            return;
        }
        out.drain();
        downstream.flush();
    }

    /**
     * What was written so far is whole (a line of another source follows): releases the held-back bytes, masked as at
     * the end of input, and goes on taking writes.
     */
    public synchronized void release() throws IOException {
        if (!closed) {
            feed(NOTHING, 0, 0, true);
        }
    }

    /** Releases the held-back bytes (as they are: they complete no secret) and closes downstream. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            feed(NOTHING, 0, 0, true);
        } finally {
            downstream.close();
        }
    }

    /** The hash this stream's skip uses now; for tests. */
    synchronized int hashInUse() {
        return hashes == null ? -1 : hashes.hash();
    }

    /** Bytes currently held back; for tests of the memory bound. */
    synchronized int heldBytes() {
        return heldLen;
    }

    private void feed(byte[] b, int off, int len, boolean endOfInput) throws IOException {
        in = b;
        inOff = off;
        total = heldLen + len;
        emitted = 0;
        try {
            scan(heldLen);
            if (hashes != null) {
                hashes.review();
            }
            if (endOfInput) {
                while (candidate) {
                    scan(confirm());
                }
                emit(emitted, total);
                heldFrom = 0;
                heldLen = 0;
                state = ROOT;
            } else {
                int keepFrom = total - automaton.holdLength[state];
                emit(emitted, keepFrom);
                keep(keepFrom);
                if (candidate) {
                    candidateStart -= keepFrom;
                    candidateEnd -= keepFrom;
                }
            }
            out.drain();
        } finally {
            in = NOTHING;
        }
    }

    private void scan(int from) throws IOException {
        int i = from;
        while (i < total) {
            if (i < heldLen) {
                i = scanSegment(held, heldFrom + i, heldFrom + heldLen, -heldFrom);
            } else {
                int shift = heldLen - inOff;
                i = scanSegment(in, i - shift, total - shift, shift);
            }
        }
    }

    /**
     * Scans a[idx, end), where a[k] is virtual position k + shift. Returns the virtual position to go on from:
     * the segment end, or the end of a just-confirmed match (to re-scan what followed it).
     */
    private int scanSegment(byte[] a, int idx, int end, int shift) throws IOException {
        final ByteAutomaton ac = automaton;
        final int[] table = ac.table;
        final int denseStates = ac.denseStates;
        final int[] matchLength = ac.matchLength;
        final int[] holdLength = ac.holdLength;
        int s = state;
        while (idx < end) {
            if (s == ROOT) {
                // Nothing pending here (a candidate implies a non-root state): skip what cannot start a match.
                idx = ac.skip(a, idx, end, hashes);
            }
            if (!candidate && s < denseStates) {
                // Only a flagged transition (a match, or a state without a row) or a return to the root
                // needs more than the table lookup.
                int row = s << 8;
                int entry;
                do {
                    entry = table[row | (a[idx++] & 0xff)];
                    if (entry <= 0) {
                        break;
                    }
                    row = entry;
                } while (idx < end);
                s = ByteAutomaton.stateOf(entry);
                if (entry >= 0) {
                    continue;
                }
            } else {
                s = ac.next(s, a[idx++] & 0xff);
            }
            int length = matchLength[s];
            if (length != 0) {
                int start = idx + shift - length;
                if (!candidate || start <= candidateStart) {
                    candidate = true;
                    candidateStart = start;
                    candidateEnd = idx + shift;
                }
            }
            if (candidate && idx + shift - holdLength[s] > candidateStart) {
                return confirm();
            }
        }
        state = s;
        return end + shift;
    }

    /** Masks the candidate; returns where scanning restarts. */
    private int confirm() throws IOException {
        emit(emitted, candidateStart);
        out.write(mask, 0, mask.length);
        emitted = candidateEnd;
        candidate = false;
        state = ROOT;
        return candidateEnd;
    }

    /** Writes virtual positions [from, to) as they are. */
    private void emit(int from, int to) throws IOException {
        if (from >= to) {
            return;
        }
        if (from < heldLen) {
            int upTo = Math.min(to, heldLen);
            out.write(held, heldFrom + from, upTo - from);
            from = upTo;
        }
        if (from < to) {
            out.write(in, inOff + from - heldLen, to - from);
        }
    }

    /** Makes virtual positions [keepFrom, total) the new held bytes. */
    private void keep(int keepFrom) {
        int n = total - keepFrom;
        int fromHeld = Math.max(0, heldLen - keepFrom);
        int fromIn = n - fromHeld;
        int start = heldFrom + Math.min(keepFrom, heldLen);
        if (start + fromHeld + fromIn > held.length) {
            System.arraycopy(held, start, held, 0, fromHeld);
            start = 0;
        }
        System.arraycopy(in, inOff + Math.max(0, keepFrom - heldLen), held, start + fromHeld, fromIn);
        heldFrom = n == 0 ? 0 : start;
        heldLen = n;
    }

    @Override
    public String toString() {
        return "MaskingOutputStream[" + heldLen + " bytes held]";
    }
}
