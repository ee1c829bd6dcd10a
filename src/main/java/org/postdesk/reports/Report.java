package org.postdesk.reports;

import java.util.List;

/** One report's result: the records (written as they are for JSON) and the same as tables. */
public interface Report {
    /** What JSON shows: the report's records. */
    Object data();

    List<ReportTable> tables();
}
