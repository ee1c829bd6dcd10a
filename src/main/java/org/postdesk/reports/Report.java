package org.postdesk.reports;

import java.util.List;

/** One report's result: the records (written as they are for JSON) and the same as tables. */
public interface Report {
    /** What JSON shows: the report's records. */
    Object data();

    List<ReportTable> tables();

    /** The charts of its HTML page. */
    default List<Chart> charts() {
        return List.of();
    }

    /** The title of its HTML page. */
    default String title() {
        return tables().isEmpty() ? "Postdesk report" : "Postdesk: " + tables().get(0).title();
    }
}
