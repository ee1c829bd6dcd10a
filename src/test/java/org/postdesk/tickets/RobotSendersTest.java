package org.postdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RobotSendersTest {
    private final RobotSenders robots = new RobotSenders(List.of(" Welcome@Papertrailapp.com ", "bounce-md_*@*",
            "*@mailer.shop.example"));
    private final LoopGuard guard = new LoopGuard(Set.of("support@postdesk.example"), "postdesk.example", robots);

    @Test
    void patternsMatchTheWholeAddressWithoutCaseAndStarIsAnyRun() {
        assertThat(robots.match("WELCOME@papertrailapp.com")).contains("welcome@papertrailapp.com");
        assertThat(robots.match("Papertrail <welcome@papertrailapp.com>")).contains("welcome@papertrailapp.com");
        assertThat(robots.match("bounce-md_30850198.5ba1@mandrillapp.com")).contains("bounce-md_*@*");
        assertThat(robots.match("orders@mailer.shop.example")).contains("*@mailer.shop.example");
        assertThat(robots.match("orders@shop.example")).isEmpty();
        assertThat(robots.match("xwelcome@papertrailapp.com")).as("anchored at the start").isEmpty();
        assertThat(robots.match("welcome@papertrailapp.com.evil.example")).as("anchored at the end").isEmpty();
        assertThat(robots.match("a@mailerXshop.example")).as("a dot is a dot").isEmpty();
        assertThat(robots.match("")).isEmpty();
        assertThat(robots.match(null)).isEmpty();
    }

    @Test
    void aNamedFromOrReturnPathIsARobotAndSaysWhichPatternMatched() {
        AutomationVerdict byFrom = guard.check(Map.of("subject", List.of("Welcome to Papertrail")),
                "welcome@papertrailapp.com");
        assertThat(byFrom.automated()).isTrue();
        assertThat(byFrom.reason()).isEqualTo(
                "sender welcome@papertrailapp.com matches ingest.robot-senders welcome@papertrailapp.com");

        AutomationVerdict byEnvelope = guard.check(Map.of("return-path",
                List.of("<bounce-md_30850198.5ba1@mandrillapp.com>")), "team@example.org");
        assertThat(byEnvelope.automated()).isTrue();
        assertThat(byEnvelope.reason()).startsWith("Return-Path bounce-md_30850198.5ba1@mandrillapp.com matches");
    }

    @Test
    void withoutAListTheSameMailIsAPersonsMail() {
        LoopGuard plain = new LoopGuard(Set.of("support@postdesk.example"), "postdesk.example");
        assertThat(plain.check(Map.of("return-path", List.of("<bounce-md_1@mandrillapp.com>")),
                "welcome@papertrailapp.com").automated()).isFalse();
        assertThat(guard.check(Map.of("return-path", List.of("<ann@example.org>")), "ann@example.org").automated())
                .isFalse();
    }

    @Test
    void aPatternWithoutAnAtIsRefusedWithTheFix() {
        assertThatThrownBy(() -> new RobotSenders(List.of("mandrillapp.com")))
                .hasMessageContaining("'mandrillapp.com' has no @")
                .hasMessageContaining("*@mandrillapp.com");
    }
}
