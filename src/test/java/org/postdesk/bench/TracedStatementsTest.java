package org.postdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench-cli re-runs what H2's trace recorded: the values must land in the right places, quotes kept. */
class TracedStatementsTest {

    @Test
    void selectsAreKeptOncePerTextWithTheirFirstValuesInlined(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("db.trace.db");
        Files.write(trace, List.of(
                "/*SQL t:69*/create table t(id bigint);",
                "/*SQL l:89 t:5*/select * from t where id = ? and s = ? and note = '?' fetch next ? rows only"
                        + " {1: CAST(5 AS BIGINT), 2: 'it''s, a, b', 3: 3};",
                "/*SQL l:89 #:1*/select * from t where id = ? and s = ? and note = '?' fetch next ? rows only"
                        + " {1: CAST(6 AS BIGINT), 2: 'x', 3: 3};",
                "/*SQL #:1*/select count(*) from information_schema.tables;",
                "/*SQL #:1*/select \\\"ticket\\\".\\\"id\\\" from \\\"ticket\\\" where \\\"ticket\\\".\\\"id\\\" = ? {1: 7};",
                "/*SQL #:1*/SELECT USER();"));
        List<TracedStatements.Traced> found = TracedStatements.selects(trace);
        assertThat(found).hasSize(2);
        assertThat(found.get(0).inlined()).isEqualTo("select * from t where id = CAST(5 AS BIGINT) and s = 'it''s, a, b'"
                + " and note = '?' fetch next 3 rows only");
        assertThat(found.get(0).runs()).isEqualTo(2);
        assertThat(found.get(1).inlined()).isEqualTo("select \"ticket\".\"id\" from \"ticket\" where \"ticket\".\"id\" = 7");
    }

    @Test
    void updatesAndDeletesWithAWhereAreLookupsToo(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("db.trace.db");
        Files.write(trace, List.of(
                "/*SQL #:1*/update \\\"t\\\" set \\\"t\\\".\\\"a\\\" = ? where \\\"t\\\".\\\"id\\\" = ? {1: 'x', 2: 7};",
                "/*SQL #:1*/delete from t where id = ? {1: 8};",
                "/*SQL #:1*/delete from t;",
                "/*SQL #:1*/insert into t values (?) {1: 9};"));
        assertThat(TracedStatements.selects(trace)).isEmpty();
        List<TracedStatements.Traced> found = TracedStatements.lookups(trace);
        assertThat(found).extracting(TracedStatements.Traced::inlined).containsExactly(
                "update \"t\" set \"t\".\"a\" = 'x' where \"t\".\"id\" = 7", "delete from t where id = 8");
        assertThat(PlanCheck.forPostgres(found.get(0).inlined())).isEqualTo("update \"t\" set \"a\" = 'x' where \"t\".\"id\" = 7");
        assertThat(TracedStatements.isSelect(found.get(0).inlined())).isFalse();
    }
}
