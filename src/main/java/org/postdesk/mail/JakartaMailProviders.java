package org.postdesk.mail;

/**
 * Names Angus Mail's stream provider to Jakarta Mail once per JVM. Without it, Jakarta Mail 2.1 finds
 * the provider with a {@link java.util.ServiceLoader} scan of every jar on the class path each time it
 * encodes, decodes or parses headers (some ten times per message): a measured 6 % of the CPU spent
 * storing a message. With the system property set, the lookup is one reflective instantiation.
 */
public final class JakartaMailProviders {
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    private JakartaMailProviders() {
    }

    /** Sets the provider unless the JVM was started with another one (-D wins). */
    public static void register() {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        }
    }
}
