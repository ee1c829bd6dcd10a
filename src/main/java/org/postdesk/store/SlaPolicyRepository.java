package org.postdesk.store;

import static org.postdesk.store.Timestamps.toDb;
import static org.postdesk.store.db.Tables.SLA_POLICY;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SelectSeekStep2;
import org.jooq.SelectOrderByStep;
import org.postdesk.sla.ScopedPolicy;
import org.postdesk.sla.SlaPolicy;
import org.postdesk.sla.SlaTarget;
import org.postdesk.store.db.tables.records.SlaPolicyRecord;

/** The SLA policies of each mailbox: a default and any per priority and category. */
public final class SlaPolicyRepository {
    private final DSLContext dsl;

    public SlaPolicyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * The mailbox's policies, the default first; from the daemon's {@link ConfigCache} while
     * {@code config_generation} stands (issue 16: the SLA sweeper reads them for every ticket it replays).
     */
    public List<ScopedPolicy> forMailbox(long mailboxId) {
        ConfigSnapshot s = ConfigCache.current(dsl);
        if (s != null) {
            return s.policies().getOrDefault(mailboxId, List.of());
        }
        return ordered(dsl.selectFrom(SLA_POLICY).where(SLA_POLICY.MAILBOX_ID.eq(mailboxId)))
                .fetch(SlaPolicyRepository::toPolicy);
    }

    /** The order {@link ScopedPolicy#select} is given the policies in, the default first. */
    static SelectSeekStep2<SlaPolicyRecord, String, String> ordered(SelectOrderByStep<SlaPolicyRecord> policies) {
        return policies.orderBy(SLA_POLICY.PRIORITY.nullsFirst(), SLA_POLICY.CATEGORY.nullsFirst());
    }

    /** Stores the policy for its scope, replacing the one there. */
    public void put(long mailboxId, ScopedPolicy p, Instant now) {
        SlaPolicy policy = p.policy();
        String scope = scope(p.priority(), p.category());
        dsl.deleteFrom(SLA_POLICY).where(SLA_POLICY.MAILBOX_ID.eq(mailboxId), SLA_POLICY.SCOPE.eq(scope)).execute();
        dsl.insertInto(SLA_POLICY).set(SLA_POLICY.MAILBOX_ID, mailboxId).set(SLA_POLICY.SCOPE, scope)
                .set(SLA_POLICY.PRIORITY, p.priority()).set(SLA_POLICY.CATEGORY, p.category())
                .set(SLA_POLICY.FIRST_RESPONSE_MIN, minutes(policy, SlaTarget.FIRST_RESPONSE))
                .set(SLA_POLICY.NEXT_RESPONSE_MIN, minutes(policy, SlaTarget.NEXT_RESPONSE))
                .set(SLA_POLICY.RESOLUTION_MIN, minutes(policy, SlaTarget.RESOLUTION))
                .set(SLA_POLICY.WARN_AT_PERCENT, policy.warnAtPercent())
                .set(SLA_POLICY.ESCALATE_PRIORITY, policy.escalatePriority().orElse(null))
                .set(SLA_POLICY.UPDATED_AT, toDb(now)).execute();
    }

    /** @return false when there was no policy for that scope */
    public boolean remove(long mailboxId, String priority, String category) {
        ScopedPolicy probe = new ScopedPolicy(priority, category, SlaPolicy.none());
        return dsl.deleteFrom(SLA_POLICY).where(SLA_POLICY.MAILBOX_ID.eq(mailboxId),
                SLA_POLICY.SCOPE.eq(scope(probe.priority(), probe.category()))).execute() == 1;
    }

    private static String scope(String priority, String category) {
        return (priority == null ? "*" : priority.toLowerCase(Locale.ROOT)) + "|"
                + (category == null ? "*" : category.toLowerCase(Locale.ROOT));
    }

    private static Integer minutes(SlaPolicy p, SlaTarget t) {
        return p.target(t).map(d -> Math.toIntExact(d.toMinutes())).orElse(null);
    }

    static ScopedPolicy toPolicy(SlaPolicyRecord r) {
        Map<SlaTarget, Duration> targets = new EnumMap<>(SlaTarget.class);
        put(targets, SlaTarget.FIRST_RESPONSE, r, SLA_POLICY.FIRST_RESPONSE_MIN);
        put(targets, SlaTarget.NEXT_RESPONSE, r, SLA_POLICY.NEXT_RESPONSE_MIN);
        put(targets, SlaTarget.RESOLUTION, r, SLA_POLICY.RESOLUTION_MIN);
        return new ScopedPolicy(r.getPriority(), r.getCategory(),
                new SlaPolicy(targets, r.getWarnAtPercent(), Optional.ofNullable(r.getEscalatePriority())));
    }

    private static void put(Map<SlaTarget, Duration> targets, SlaTarget t, SlaPolicyRecord r, Field<Integer> f) {
        Integer m = r.get(f);
        if (m != null) {
            targets.put(t, Duration.ofMinutes(m));
        }
    }
}
