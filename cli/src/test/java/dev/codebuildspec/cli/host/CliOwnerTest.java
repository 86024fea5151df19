package dev.codebuildspec.cli.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Owner labels {@code cli:<host>:<pid>:<start>} and telling a dead owner from a live one. */
class CliOwnerTest {
    private static final String HOST = "build-host-1";

    private static long selfStart() {
        return ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
    }

    /** The pid of a process that has ended and been reaped. */
    private static long deadPid() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("true").start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long pid = p.pid();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        return pid;
    }

    @Test
    void currentNamesTheHostThePidAndTheStartTime() {
        String owner = CliOwner.current(HOST);
        assertThat(owner).isEqualTo("cli:" + HOST + ":" + ProcessHandle.current().pid() + ":" + selfStart());
        assertThat(owner.split(":")).hasSize(4);
    }

    @Test
    void theCurrentProcessIsNotGone() {
        assertThat(CliOwner.isGone(CliOwner.current(HOST), HOST)).isFalse();
    }

    @Test
    void aProcessThatEndedIsGone() throws Exception {
        assertThat(CliOwner.isGone("cli:" + HOST + ":" + deadPid() + ":1706702400000", HOST)).isTrue();
    }

    @Test
    void anOwnerOnAnotherHostIsNeverGone() throws Exception {
        assertThat(CliOwner.isGone("cli:other-host:" + deadPid() + ":1706702400000", HOST)).isFalse();
        assertThat(CliOwner.isGone(CliOwner.current("other-host"), HOST)).isFalse();
    }

    @Test
    void aReusedPidWithAnotherStartTimeIsGone() {
        long pid = ProcessHandle.current().pid();
        assertThat(CliOwner.isGone("cli:" + HOST + ":" + pid + ":" + (selfStart() + 1), HOST)).isTrue();
    }

    @Test
    void ownersThatAreNotCliOwnersAreNeverGone() throws Exception {
        long dead = deadPid();
        assertThat(CliOwner.isGone("jenkins:" + HOST + ":" + dead + ":0", HOST)).isFalse();
        assertThat(CliOwner.isGone("", HOST)).isFalse();
        assertThat(CliOwner.isGone("CLI:" + HOST + ":" + dead + ":0", HOST)).isFalse();
    }

    @Test
    void malformedCliOwnersAreNeverGone() throws Exception {
        long dead = deadPid();
        assertThat(CliOwner.isGone("cli:" + HOST + ":" + dead, HOST)).isFalse();
        assertThat(CliOwner.isGone("cli:" + HOST + ":" + dead + ":0:extra", HOST)).isFalse();
        assertThat(CliOwner.isGone("cli:" + HOST + ":not-a-pid:0", HOST)).isFalse();
        assertThat(CliOwner.isGone("cli:" + HOST + ":" + dead + ":yesterday", HOST)).isFalse();
    }
}
