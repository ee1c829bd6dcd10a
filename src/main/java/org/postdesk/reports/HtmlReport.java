package org.postdesk.reports;

import java.util.List;

/** The HTML format: one self-contained page. */
public final class HtmlReport {
    private HtmlReport() {
    }

    /** A page with the report's tables and no charts. */
    public static String tablesOnly(List<ReportTable> tables) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Postdesk report</title><style>" + HtmlTables.CSS + "</style></head><body>\n");
        tables.forEach(t -> b.append(HtmlTables.table(t)));
        return b.append("</body></html>\n").toString();
    }
}
