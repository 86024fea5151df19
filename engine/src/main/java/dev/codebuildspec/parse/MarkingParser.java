package dev.codebuildspec.parse;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;

/**
 * Remembers where the last event the composer took started. SnakeYAML's limit errors (aliases,
 * nesting depth) carry no mark; this gives them the position of the node that broke the limit.
 */
final class MarkingParser implements Parser {
    private final Parser delegate;
    private final java.util.Deque<String> openAnchors = new java.util.ArrayDeque<>();
    private Mark lastMark;

    MarkingParser(Parser delegate) {
        this.delegate = delegate;
    }

    Mark lastMark() {
        return lastMark;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return delegate.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return delegate.peekEvent();
    }

    @Override
    public Event getEvent() {
        Event e = delegate.getEvent();
        if (e != null) {
            lastMark = e.getStartMark();
            track(e);
        }
        return e;
    }

    /**
     * An alias to an anchor whose collection is still open makes a recursive structure; with
     * merge keys SnakeYAML then loops forever ({@code m: &m {<<: [*m]}}, found by the fuzzer).
     * A buildspec never needs one, so it is refused where the alias stands.
     */
    private void track(Event e) {
        if (e instanceof CollectionStartEvent c) {
            openAnchors.push(c.getAnchor() == null ? "" : c.getAnchor());
        } else if (e instanceof CollectionEndEvent) {
            openAnchors.poll();
        } else if (e instanceof AliasEvent a && openAnchors.contains(a.getAnchor())) {
            throw new RecursiveAlias(a);
        }
    }

    /** A positioned error, like SnakeYAML's own. */
    static final class RecursiveAlias extends MarkedYAMLException {
        private static final long serialVersionUID = 1L;

        RecursiveAlias(AliasEvent a) {
            super(null, null, "the alias *" + a.getAnchor() + " is used inside its own anchor (a recursive structure)",
                    a.getStartMark());
        }
    }
}
