package org.postdesk.reports;

import java.util.List;

/** The figures of {@code postdesk report summary} for one group of tickets (or all). */
public record Summary(String group, long opened, long closed, long reopened, long backlogStart, long backlogEnd,
                      Percentiles firstResponse, Percentiles resolution, long fcr, Double fcrRate,
                      Double repliesPerTicket, List<SlaAttainment> sla, Satisfaction satisfaction) {
    public Summary {
        sla = List.copyOf(sla);
    }
}
