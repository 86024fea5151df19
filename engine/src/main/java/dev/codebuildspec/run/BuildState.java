package dev.codebuildspec.run;

import dev.codebuildspec.log.DriverOutputSplitter;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What a host keeps so that a {@link BuildMachine} can go on after the host itself was dropped (a
 * Jenkins controller restart): where the build stands, its identity (build id, driver marker, start),
 * its container, the driver's handle as the {@link DriverHost} saved it, and the {@link ProgressJournal}.
 * Never a secret value: those are resolved again by the host that resumes. A plain serializable class
 * (Pipeline's program.dat marshalling predates records); only the machine changes it.
 */
public final class BuildState implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Where a build stands between two calls into the machine. */
    public enum Stage { NEW, DRIVER_RUNNING, DRIVER_OVER, COMPLETE }

    Stage stage = Stage.NEW;
    String buildId;
    String markerNonce;
    long startMillis;
    String containerId;
    /** The commands runtime-versions put first in INSTALL, to number the commands the same way after a resume. */
    ArrayList<String> runtimeCommands = new ArrayList<>();
    long driverStartMillis;
    Serializable driver;
    /** What the driver's output splitter held back at the last saved poll (see {@link DriverOutputSplitter.Held}). */
    DriverOutputSplitter.Held splitterHeld;
    long doneSeenMillis;
    boolean stopRequested;
    boolean fault;
    final ProgressJournal journal = new ProgressJournal();
    private int changes;

    public Stage stage() {
        return stage;
    }

    public String buildId() {
        return buildId;
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    /** Grows whenever something a resume needs has changed: a host saves the state when this moved. */
    public int changes() {
        return changes + journal.size();
    }

    void changed() {
        changes++;
    }

    List<String> runtimeCommands() {
        return runtimeCommands;
    }
}
