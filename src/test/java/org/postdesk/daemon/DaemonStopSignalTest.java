package org.postdesk.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The daemon's main thread waits for a stop signal, and only a signal ends the wait. */
class DaemonStopSignalTest {

    @Test
    void anInterruptDoesNotStopTheDaemonOnlyTheSignalDoes() throws Exception {
        CountDownLatch signal = new CountDownLatch(1);
        CountDownLatch returned = new CountDownLatch(1);
        Thread main = new Thread(() -> {
            DaemonLauncher.awaitStopSignal(signal);
            returned.countDown();
        }, "daemon-main");
        main.start();
        // Interrupt it repeatedly until it has certainly been waiting: every interrupt must be survived.
        for (int i = 0; i < 20; i++) {
            main.interrupt();
            assertThat(returned.await(10, TimeUnit.MILLISECONDS)).as("returned after an interrupt").isFalse();
        }
        assertThat(main.isAlive()).isTrue();
        signal.countDown();
        assertThat(returned.await(10, TimeUnit.SECONDS)).as("returned after the signal").isTrue();
        main.join(10_000);
    }
}
