package dev.codebuildspec.mask;

import java.util.Arrays;
import java.util.List;

/**
 * Aho-Corasick automaton over bytes: one transition per input byte finds every pattern that ends there.
 *
 * <p>States are numbered breadth-first, so shallow states (where a scan spends nearly all its time) get the
 * low numbers. Those get a full 256-entry transition row; deeper states, which only exist for long patterns,
 * keep their few trie edges and fall back along failure links into the dense rows. That keeps memory
 * bounded (at most {@value #DENSE_BUDGET} table entries) even for a 100 KB secret.
 */
final class ByteAutomaton {

    static final int ROOT = 0;

    static final int FLAG = 0x80000000;

    private static final int DENSE_BUDGET = 1 << 20;

    /** States below this number have a row in {@link #table}. */
    final int denseStates;

    /**
     * Rows of 256 entries for the dense states. An entry is the target's row offset (target &lt;&lt; 8), with
     * the sign bit set when the target needs attention: a pattern ends there, or it has no row. So the hot
     * loop is one load and one rarely taken branch per byte.
     */
    final int[] table;
    private final int[] edgeStart;
    private final byte[] edgeByte;
    private final int[] edgeTarget;
    private final int[] fail;

    /** Per state: length of the longest pattern that ends here, 0 if none. The longest one starts earliest. */
    final int[] matchLength;

    /**
     * Per state: length of the longest suffix of the scanned input that is a proper prefix of some pattern,
     * i.e. how many trailing bytes could still grow into a match and must not be released yet.
     */
    final int[] holdLength;

    /**
     * Bit set over byte pairs (first &lt;&lt; 8 | second): set when, starting from the root, the first byte is
     * a whole pattern or the pair begins one. When it is clear, reading the first byte from the root leads to
     * a state from which the second byte behaves as if read from the root, so a scan at the root can skip the
     * first byte. Unlike stepping the automaton, these tests do not depend on each other, so the CPU can run
     * them in parallel; that is what makes ordinary text fast.
     */
    private final long[] pairs = new long[1 << 10];

    final int maxPatternLength;

    /**
     * Wu-Manber style skip for scans at the root, used when every pattern has at least 4 bytes: for a window
     * of {@link #window} bytes, the byte pair at its end tells how far the window can move without passing
     * the start of any pattern (no pattern has that pair where it would have to). On ordinary text this
     * looks at a fraction of the bytes. {@code null} when patterns are too short for it to pay.
     */
    private final byte[] windowShift;
    final int window;

    /** The same skip with hashed 3-byte blocks, when every pattern is long enough for it; else {@code null}. */
    private final TripleSkip triples;

    ByteAutomaton(List<byte[]> patterns) {
        TrieNode root = new TrieNode(0);
        int max = 0;
        for (byte[] p : patterns) {
            TrieNode n = root;
            for (byte b : p) {
                n = n.childOrAdd(b);
            }
            n.terminal = true;
            max = Math.max(max, p.length);
        }
        maxPatternLength = max;
        int min = patterns.stream().mapToInt(p -> p.length).min().orElse(0);
        window = Math.min(min, 64);
        windowShift = window >= 4 ? windowShifts(patterns, window) : null;
        triples = window >= TripleSkip.MIN_WINDOW ? new TripleSkip(patterns, window) : null;

        List<TrieNode> order = TrieNode.breadthFirst(root);
        int count = order.size();
        fail = new int[count];
        matchLength = new int[count];
        holdLength = new int[count];
        edgeStart = new int[count + 1];
        int edges = 0;
        for (TrieNode n : order) {
            edges += n.size;
        }
        edgeByte = new byte[edges];
        edgeTarget = new int[edges];

        int e = 0;
        for (TrieNode n : order) {
            int id = n.id;
            TrieNode f = n.fail;
            fail[id] = f == null ? ROOT : f.id;
            // A failure target is shallower, hence numbered lower and already filled in.
            matchLength[id] = n.terminal ? n.depth : (f == null ? 0 : matchLength[f.id]);
            holdLength[id] = n.size > 0 ? n.depth : (f == null ? 0 : holdLength[f.id]);
            edgeStart[id] = e;
            for (int i = 0; i < n.size; i++) {
                edgeByte[e] = n.labels[i];
                edgeTarget[e] = n.kids[i].id;
                e++;
            }
        }
        edgeStart[count] = e;
        for (int i = 0; i < root.size; i++) {
            TrieNode first = root.kids[i];
            int high = (root.labels[i] & 0xff) << 8;
            for (int c = 0; c < 256; c++) {
                if (first.terminal || first.child((byte) c) != null) {
                    pairs[(high | c) >>> 6] |= 1L << c;
                }
            }
        }

        denseStates = Math.min(count, DENSE_BUDGET / 256);
        table = new int[denseStates * 256];
        for (int s = 0; s < denseStates; s++) {
            TrieNode n = order.get(s);
            int row = s << 8;
            // A byte with no trie edge leads where it leads from the failure state, whose row (a lower number) is
            // done; from the root it stays at the root (0). So: one copy per row, then the few edges. Filled byte
            // by byte, a 20-secret automaton took 20-21 ms to build in a fresh JVM; this way 12-15 ms.
            if (s != ROOT) {
                System.arraycopy(table, fail[s] << 8, table, row, 256);
            }
            for (int i = 0; i < n.size; i++) {
                TrieNode k = n.kids[i];
                boolean special = matchLength[k.id] != 0 || k.id >= denseStates;
                table[row + (n.labels[i] & 0xff)] = (k.id << 8) | (special ? FLAG : 0);
            }
        }
    }

    /** A new stream's own choice of triple hash; {@code null} when patterns are too short for the triple skip. */
    TripleSkip.Choice newHashChoice() {
        return triples == null ? null : new TripleSkip.Choice(triples);
    }

    /** The state after reading byte {@code c} (0..255) in state {@code s}. */
    int next(int s, int c) {
        while (s >= denseStates) {
            for (int e = edgeStart[s], end = edgeStart[s + 1]; e < end; e++) {
                if ((edgeByte[e] & 0xff) == c) {
                    return edgeTarget[e];
                }
            }
            s = fail[s];
        }
        return stateOf(table[(s << 8) | c]);
    }

    /** Whether a scan at the root must step into bytes {@code a[i]}, {@code a[i + 1]} (see {@link #pairs}). */
    boolean pairMayMatch(byte[] a, int i) {
        int pair = (a[i] & 0xff) << 8 | (a[i + 1] & 0xff);
        return (pairs[pair >>> 6] & (1L << pair)) != 0;
    }

    /** The state a {@link #table} entry leads to. */
    static int stateOf(int entry) {
        return (entry & ~FLAG) >>> 8;
    }

    private static byte[] windowShifts(List<byte[]> patterns, int window) {
        byte[] shift = new byte[1 << 16];
        Arrays.fill(shift, (byte) (window - 1));
        for (byte[] p : patterns) {
            for (int j = 0; j + 1 < window; j++) {
                int pair = (p[j] & 0xff) << 8 | (p[j + 1] & 0xff);
                shift[pair] = (byte) Math.min(shift[pair], window - 2 - j);
            }
        }
        return shift;
    }

    /**
     * From the root at {@code a[i]}, the first position in [i, end) where a pattern may start, or a position
     * at most {@code window} before {@code end} from which the caller must look byte by byte.
     */
    int skip(byte[] a, int i, int end, TripleSkip.Choice hashes) {
        if (triples != null) {
            final int last = end - window;
            while (i <= last) {
                i = triples.skip(a, i, last, hashes);
                if (i > last) {
                    break;
                }
                if (pairMayMatch(a, i)) {
                    return i;
                }
                // The window's end fits some pattern, but none starts here: move one byte and skip on
                // (walking byte by byte from here would crawl until the next possible pair).
                i++;
            }
        } else if (windowShift != null) {
            final int full = window - 1;
            final int last = end - window;
            while (i <= last) {
                int at = i + window - 2;
                int sh = windowShift[(a[at] & 0xff) << 8 | (a[at + 1] & 0xff)];
                if (sh == full) {
                    i += full;
                } else if (sh != 0) {
                    i += sh;
                } else if (pairMayMatch(a, i)) {
                    return i;
                } else {
                    i++;
                }
            }
        }
        int last = end - 1;
        while (i < last && !pairMayMatch(a, i)) {
            i++;
        }
        return i;
    }
}
