/**
 * The team's numbers: a per-ticket fact table kept current from the audit trail ({@link org.postdesk.reports.FactRefresher}, run by each report command
 * before it reads, not by the daemon),
 * read-only queries over it that return records ({@link org.postdesk.reports.SummaryQuery} and the other
 * {@code *Query} classes), the staffing model ({@link org.postdesk.reports.ErlangC}), and the output formats
 * (table, CSV, JSON, a self-contained HTML page with charts). May use {@code store} and the JDK; the pure parts
 * ({@link org.postdesk.reports.FactCalculator}, {@link org.postdesk.reports.ErlangC},
 * {@link org.postdesk.reports.StaffingPlan}, {@link org.postdesk.reports.SimilarSubjects}) use the JDK only.
 */
package org.postdesk.reports;
