package org.postdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** "Fails the same way": the exception classes and the throw site, not the message text (docs/ARCHITECTURE.md, "Bad mail"). */
class QuarantineSignatureTest {

    @Test
    void theSameBugWithAnotherMessageTextFailsTheSameWay() {
        assertThat(Quarantine.signature(bug("uid 7"))).isEqualTo(Quarantine.signature(bug("uid 8")))
                .contains(IllegalStateException.class.getName()).contains("QuarantineSignatureTest.bug");
    }

    @Test
    void anotherExceptionOrAnotherCauseIsAnotherWay() {
        assertThat(Quarantine.signature(new IllegalArgumentException("x")))
                .isNotEqualTo(Quarantine.signature(new IllegalStateException("x")));
        assertThat(Quarantine.signature(new RuntimeException("x", new NullPointerException())))
                .isNotEqualTo(Quarantine.signature(new RuntimeException("x", new ArithmeticException())));
    }

    @Test
    void outagesAreNeverCountedAgainstAMessageButAStackOverflowIs() {
        assertThat(Quarantine.isOutage(new OutOfMemoryError("heap"))).isTrue();
        assertThat(Quarantine.isOutage(new RuntimeException("wrapped", new OutOfMemoryError()))).isTrue();
        assertThat(Quarantine.isOutage(new NoClassDefFoundError("x/Y"))).isTrue();
        assertThat(Quarantine.isOutage(new StackOverflowError())).isFalse();
        assertThat(Quarantine.isOutage(new AssertionError("bug"))).isFalse();
        assertThat(Quarantine.isOutage(new IllegalArgumentException("bad header"))).isFalse();
    }

    private static IllegalStateException bug(String text) {
        return new IllegalStateException("cannot thread " + text);
    }
}
