/**
 * Batch builds: {@link dev.codebuildspec.batch.BatchPlanner} turns the buildspec's {@code batch} section into child
 * builds, and {@link dev.codebuildspec.batch.BatchMachine}, the one batch runner, runs them by
 * {@link dev.codebuildspec.batch.BatchRules} (in parallel, in dependency order, with fast-fail) from polls, resumable
 * from a {@link dev.codebuildspec.batch.BatchState}. Each host gives it its children's sources, hosts and logs
 * ({@link dev.codebuildspec.batch.ChildHosts}): the CLI's {@code BatchBuild} on this machine,
 * the Jenkins plugin on an agent. {@link dev.codebuildspec.batch.BatchRecordJson} writes the batch record.
 */
package dev.codebuildspec.batch;
