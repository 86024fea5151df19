package dev.codebuildspec.mask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A node of the patterns' trie while {@link ByteAutomaton} is built; thrown away once its arrays exist. */
final class TrieNode {
    final int depth;
    byte[] labels = new byte[0];
    TrieNode[] kids = new TrieNode[0];
    int size;
    boolean terminal;
    TrieNode fail;
    int id;

    TrieNode(int depth) {
        this.depth = depth;
    }

    TrieNode child(byte b) {
        for (int i = 0; i < size; i++) {
            if (labels[i] == b) {
                return kids[i];
            }
        }
        return null;
    }

    TrieNode childOrAdd(byte b) {
        TrieNode k = child(b);
        if (k == null) {
            if (size == labels.length) {
                int cap = Math.max(2, size * 2);
                labels = Arrays.copyOf(labels, cap);
                kids = Arrays.copyOf(kids, cap);
            }
            k = new TrieNode(depth + 1);
            labels[size] = b;
            kids[size] = k;
            size++;
        }
        return k;
    }

    /** The nodes in breadth-first order, numbered so, with their failure links set (Aho-Corasick). */
    static List<TrieNode> breadthFirst(TrieNode root) {
        List<TrieNode> order = new ArrayList<>();
        order.add(root);
        for (int head = 0; head < order.size(); head++) {
            TrieNode u = order.get(head);
            u.id = head;
            for (int i = 0; i < u.size; i++) {
                TrieNode v = u.kids[i];
                byte b = u.labels[i];
                if (u == root) {
                    v.fail = root;
                } else {
                    TrieNode f = u.fail;
                    while (f != root && f.child(b) == null) {
                        f = f.fail;
                    }
                    TrieNode t = f.child(b);
                    v.fail = t != null ? t : root;
                }
                order.add(v);
            }
        }
        return order;
    }
}
