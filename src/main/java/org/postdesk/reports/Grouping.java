package org.postdesk.reports;

/** What {@code --by} splits a report into. */
public enum Grouping { DAY, WEEK, MONTH, AGENT, CATEGORY, MAILBOX, PRIORITY }
