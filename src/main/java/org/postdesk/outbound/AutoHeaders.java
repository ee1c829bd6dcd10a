package org.postdesk.outbound;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every automatic mail carries, so other robots (and our own loop guard) do not answer it:
 * RFC 3834 {@code Auto-Submitted}, our {@code X-Loop}, and Exchange's suppression header.
 */
public record AutoHeaders(String loopMarker) {

    public Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Auto-Submitted", "auto-replied");
        h.put("X-Loop", loopMarker);
        h.put("X-Auto-Response-Suppress", "All");
        h.put("Precedence", "bulk");
        return h;
    }
}
