package org.postdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found with kill -9 during a burst: H2 writes commits to its file up to 500 ms late by default, so a
 * killed daemon forgot tickets whose acknowledgement had already been sent, and numbered them again.
 */
class DatabaseUrlTest {

    @Test
    void fileDatabasesWriteEveryCommit() {
        String url = Database.jdbcUrl(new DbSettings("jdbc:h2:file:./data/postdesk", "sa", "", 2));
        assertThat(url).contains(";AUTO_SERVER=TRUE").contains(";WRITE_DELAY=0");
    }

    @Test
    void closingAFileDatabaseDoesNotCompactItAndAnExplicitSettingIsKept() {
        assertThat(Database.jdbcUrl(new DbSettings("jdbc:h2:file:./d", "sa", "", 2))).contains(";MAX_COMPACT_TIME=0");
        assertThat(Database.jdbcUrl(new DbSettings("jdbc:h2:file:./d;MAX_COMPACT_TIME=500", "sa", "", 2)))
                .doesNotContain("MAX_COMPACT_TIME=0");
        assertThat(Database.jdbcUrl(new DbSettings("jdbc:h2:mem:x", "sa", "", 2))).doesNotContain("MAX_COMPACT_TIME");
    }

    @Test
    void anExplicitWriteDelayIsKeptAndMemoryDatabasesAreLeftAlone() {
        assertThat(Database.jdbcUrl(new DbSettings("jdbc:h2:file:./d;WRITE_DELAY=100", "sa", "", 2)))
                .doesNotContain("WRITE_DELAY=0");
        assertThat(Database.jdbcUrl(new DbSettings("jdbc:h2:mem:x", "sa", "", 2))).doesNotContain("WRITE_DELAY");
    }

    @Test
    void theOpenedFileDatabaseHasNoWriteDelay(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("pd").toAbsolutePath();
        try (Database db = Database.open(new DbSettings(url, "sa", "", 2))) {
            Object delay = db.dsl().fetchValue(
                    "select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'");
            assertThat(String.valueOf(delay)).isEqualTo("0");
        }
    }
}
