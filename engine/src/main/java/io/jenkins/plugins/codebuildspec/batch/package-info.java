/**
 * Batch builds: {@link io.jenkins.plugins.codebuildspec.batch.BatchPlanner} turns the buildspec's
 * {@code batch} section into child builds, {@link io.jenkins.plugins.codebuildspec.batch.BatchScheduler}
 * runs them (in parallel, in dependency order, with fast-fail) through a
 * {@link io.jenkins.plugins.codebuildspec.batch.ChildRunner}, and
 * {@link io.jenkins.plugins.codebuildspec.batch.BatchRecordJson} writes the batch record.
 * Plain Java: the CLI and the Jenkins plugin each supply the runner and the log streams.
 */
package io.jenkins.plugins.codebuildspec.batch;
