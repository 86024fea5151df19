/**
 * Batch builds: {@link dev.codebuildspec.batch.BatchPlanner} turns the buildspec's
 * {@code batch} section into child builds, {@link dev.codebuildspec.batch.BatchScheduler}
 * runs them (in parallel, in dependency order, with fast-fail) through a
 * {@link dev.codebuildspec.batch.ChildRunner}, and
 * {@link dev.codebuildspec.batch.BatchRecordJson} writes the batch record. {@link dev.codebuildspec.batch.BatchMachine}
 * runs the same plan by the same {@link dev.codebuildspec.batch.BatchRules} from polls, resumable from a
 * {@link dev.codebuildspec.batch.BatchState}, for a host that must survive a restart (Jenkins).
 * Plain Java: the CLI and the Jenkins plugin each supply the runner and the log streams.
 */
package dev.codebuildspec.batch;
