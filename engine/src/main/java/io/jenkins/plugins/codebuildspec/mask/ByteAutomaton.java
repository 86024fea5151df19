package io.jenkins.plugins.codebuildspec.mask;

import java.util.ArrayList;
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

    private static final int DENSE_BUDGET = 1 << 20;

    private final int denseStates;
    private final int[] dense;
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

    /** Bytes that begin some pattern; anything else seen from the root state leads straight back to it. */
    final boolean[] startsPattern = new boolean[256];

    final int maxPatternLength;

    ByteAutomaton(List<byte[]> patterns) {
        Node root = new Node(0);
        int max = 0;
        for (byte[] p : patterns) {
            Node n = root;
            for (byte b : p) {
                n = n.childOrAdd(b);
            }
            n.terminal = true;
            max = Math.max(max, p.length);
        }
        maxPatternLength = max;

        List<Node> order = breadthFirst(root);
        int count = order.size();
        fail = new int[count];
        matchLength = new int[count];
        holdLength = new int[count];
        edgeStart = new int[count + 1];
        int edges = 0;
        for (Node n : order) {
            edges += n.size;
        }
        edgeByte = new byte[edges];
        edgeTarget = new int[edges];

        int e = 0;
        for (Node n : order) {
            int id = n.id;
            Node f = n.fail;
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
            startsPattern[root.labels[i] & 0xff] = true;
        }

        denseStates = Math.min(count, DENSE_BUDGET / 256);
        dense = new int[denseStates * 256];
        for (int s = 0; s < denseStates; s++) {
            Node n = order.get(s);
            int row = s << 8;
            int failRow = fail[s] << 8;
            for (int c = 0; c < 256; c++) {
                Node k = n.child((byte) c);
                dense[row + c] = k != null ? k.id : (s == ROOT ? ROOT : dense[failRow + c]);
            }
        }
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
        return dense[(s << 8) | c];
    }

    private static List<Node> breadthFirst(Node root) {
        List<Node> order = new ArrayList<>();
        order.add(root);
        for (int head = 0; head < order.size(); head++) {
            Node u = order.get(head);
            u.id = head;
            for (int i = 0; i < u.size; i++) {
                Node v = u.kids[i];
                byte b = u.labels[i];
                if (u == root) {
                    v.fail = root;
                } else {
                    Node f = u.fail;
                    while (f != root && f.child(b) == null) {
                        f = f.fail;
                    }
                    Node t = f.child(b);
                    v.fail = t != null ? t : root;
                }
                order.add(v);
            }
        }
        return order;
    }

    /** Build-time trie node; thrown away once the arrays exist. */
    private static final class Node {
        final int depth;
        byte[] labels = new byte[0];
        Node[] kids = new Node[0];
        int size;
        boolean terminal;
        Node fail;
        int id;

        Node(int depth) {
            this.depth = depth;
        }

        Node child(byte b) {
            for (int i = 0; i < size; i++) {
                if (labels[i] == b) {
                    return kids[i];
                }
            }
            return null;
        }

        Node childOrAdd(byte b) {
            Node k = child(b);
            if (k == null) {
                if (size == labels.length) {
                    int cap = Math.max(2, size * 2);
                    labels = Arrays.copyOf(labels, cap);
                    kids = Arrays.copyOf(kids, cap);
                }
                k = new Node(depth + 1);
                labels[size] = b;
                kids[size] = k;
                size++;
            }
            return k;
        }
    }
}
