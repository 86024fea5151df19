package io.jenkins.plugins.codebuildspec.parse;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;

/**
 * Remembers where the last event the composer took started. SnakeYAML's limit errors (aliases,
 * nesting depth) carry no mark; this gives them the position of the node that broke the limit.
 */
final class MarkingParser implements Parser {
    private final Parser delegate;
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
        }
        return e;
    }
}
