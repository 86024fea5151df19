/**
 * Reading the files of a buildspec's {@code reports} groups into test and coverage summaries.
 * {@link dev.codebuildspec.reports.ReportParser} reads one file,
 * {@link dev.codebuildspec.reports.ReportGroupSummary} sums a group. JDK and Gson
 * only; XML is streamed with DTDs and external entities off.
 */
package dev.codebuildspec.reports;
