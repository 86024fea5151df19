package dev.codebuildspec.mask;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * Wu-Manber style skip with 3-byte blocks, for scans at the automaton's root when every pattern has at least
 * {@value #MIN_WINDOW} bytes: the hashed triple at the end of a window tells how far the window can move without
 * passing the start of any pattern. Pairs of letters are common in text and in token-like secrets alike, so a
 * 2-byte block often allows only a short move; a triple rarely occurs in any secret, so the window nearly always
 * moves by {@code window - 2}. A hash collision can only make a move shorter, never skip a possible start.
 *
 * <p>Collisions are what stops the skip on ordinary text: a triple the log repeats, hashed to the slot of some
 * secret's triple, costs a mispredicted branch and a short move on every window that ends with it. Which triples
 * collide depends on the hash, so there are {@value #HASHES} hash functions, each with its own table, and every
 * stream uses the one that stops least often on its own text ({@link Choice}). On bench P7's text (20 secrets)
 * they stop on 1.1% to 2.4% of the windows.
 */
final class TripleSkip {

    static final int MIN_WINDOW = 6;
    static final int HASHES = 4;

    private static final int BITS = 16;
    private static final int[] MULTIPLIERS = {0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F};

    private final List<byte[]> patterns;
    private final int window;
    /** One table per hash (64 KiB), built when a stream first moves to it: no stream moves before its first MiB. */
    private final byte[][] shifts = new byte[HASHES][];

    TripleSkip(List<byte[]> patterns, int window) {
        this.patterns = patterns;
        this.window = window;
    }

    private synchronized byte[] table(int which) {
        if (shifts[which] == null) {
            byte[] shift = new byte[1 << BITS];
            Arrays.fill(shift, (byte) (window - 2));
            for (byte[] p : patterns) {
                for (int j = 0; j + 2 < window; j++) {
                    int word = (p[j] & 0xff) << 8 | (p[j + 1] & 0xff) << 16 | (p[j + 2] & 0xff) << 24;
                    int h = hash(word, MULTIPLIERS[which]);
                    shift[h] = (byte) Math.min(shift[h], window - 3 - j);
                }
            }
            shifts[which] = shift;
        }
        return shifts[which];
    }

    /**
     * Reading the window's last bytes as one int made the skip 25-40% faster than three byte loads (bench P7). A
     * holder class: the VarHandle costs 8-16 ms at first use, so only a build that has secrets to mask pays it.
     */
    private static final class Words {
        static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    }

    /** Bytes 1 to 3 of a little-endian int (the window's last three bytes) into {@value #BITS} bits. */
    private static int hash(int word, int multiplier) {
        return ((word >>> 8) * multiplier) >>> (32 - BITS);
    }

    /**
     * Moves the window at {@code a[i]} while no pattern can start in it: returns the first position up to
     * {@code last} whose window's end fits the start of some pattern (move 0), or a position past {@code last}.
     */
    int skip(byte[] a, int i, int last, Choice choice) {
        final byte[] shift = choice.table;
        final int m = choice.multiplier;
        final int full = window - 2;
        final int lastBlock = last - 3 * full;
        final int at = window - 4;
        final int from = i;
        int stops = 0;
        while (i <= last) {
            // The usual move is a constant: adding it rather than the loaded value keeps the next load off this
            // one's result, so the CPU can run ahead.
            int sh = shift[hash((int) Words.INT.get(a, i + at), m)];
            if (sh == full && i <= lastBlock) {
                // Up to four windows per turn of the loop while they move the usual way: paying the loop's bound
                // check and safepoint poll once per four made the skip alone 30-40% faster (bench P7).
                i += full;
                sh = shift[hash((int) Words.INT.get(a, i + at), m)];
                if (sh == full) {
                    i += full;
                    sh = shift[hash((int) Words.INT.get(a, i + at), m)];
                    if (sh == full) {
                        i += full;
                        sh = shift[hash((int) Words.INT.get(a, i + at), m)];
                    }
                }
            }
            if (sh == full) {
                i += full;
            } else {
                stops++;
                if (sh == 0) {
                    break;
                }
                i += sh;
            }
        }
        choice.add(stops, i - from);
        return i;
    }

    /**
     * One stream's choice of hash. After each MiB a hash has skipped, it is scored by how many windows it
     * stopped on, and the stream moves to the hash with the lowest score: one not tried yet scores 0, so each
     * is tried in turn where the first stops at all, and a score is only renewed while its hash is in use, so
     * when the text changes and the chosen hash starts to stop more often than another did, that one is tried
     * again.
     */
    static final class Choice {
        private static final int PERIOD = 1 << 20;

        private final TripleSkip skip;
        private final int[] score = new int[HASHES];
        private int hash;
        private byte[] table;
        private int multiplier;
        private int stops;
        private int bytes;

        Choice(TripleSkip skip) {
            this(skip, 0);
        }

        /** Starting with the given hash; for tests. */
        Choice(TripleSkip skip, int hash) {
            this.skip = skip;
            use(hash);
        }

        private void use(int which) {
            hash = which;
            table = skip.table(which);
            multiplier = MULTIPLIERS[which];
        }

        /** What one skip call saw: its stops and the bytes it moved over. */
        void add(int stopped, int skipped) {
            stops += stopped;
            bytes += skipped;
        }

        /** {@link #add}, then {@link #review}: what one write amounts to; for tests. */
        void count(int stopped, int skipped) {
            add(stopped, skipped);
            review();
        }

        /**
         * Moves to another hash when a period has passed and another scores lower. Called once per write, not by
         * the skip: in the skip's method, the rarely taken call (table building included) slowed its loop by 7-12%.
         */
        void review() {
            if (bytes >= PERIOD) {
                score[hash] = stops;
                int best = hash;
                for (int k = 0; k < HASHES; k++) {
                    if (score[k] < score[best]) {
                        best = k;
                    }
                }
                if (best != hash) {
                    use(best);
                }
                stops = 0;
                bytes = 0;
            }
        }

        /** The hash in use; for tests. */
        int hash() {
            return hash;
        }
    }
}
