package dev.codebuildspec.batch;

import dev.codebuildspec.run.BuildState;
import java.io.Serializable;
import java.util.LinkedHashMap;

/**
 * What a host keeps so that a {@link BatchMachine} can go on after the host was dropped (a Jenkins
 * controller restart): each child that started or ended, with its own {@link BuildState}, and whether the
 * batch was halted. The plan itself is not kept: it is made again from the same buildspec. Never a secret
 * value. A plain serializable class, for Pipeline's marshalling; only the machine changes it.
 */
public final class BatchState implements Serializable {
    private static final long serialVersionUID = 1L;

    final LinkedHashMap<String, Child> children = new LinkedHashMap<>();
    String haltReason;
    boolean stopRequested;
    private int changes;

    /** Grows whenever something a resume needs has changed, a child's state included: save when it moved. */
    public int changes() {
        int sum = changes;
        for (Child c : children.values()) {
            sum += c.build == null ? 0 : c.build.changes();
        }
        return sum;
    }

    void changed() {
        changes++;
    }

    /** One child: where its source copy is, its build's state, and once it ended, how. */
    static final class Child implements Serializable {
        private static final long serialVersionUID = 1L;
        String source;
        BuildState build;
        long startMillis;
        long endMillis;
        boolean ended;
        String status;
        String reason;
    }
}
