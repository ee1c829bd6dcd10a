package org.postdesk.outbound;

/**
 * An SMTP hand-over failed. {@link #permanent()} is true for a 5xx reply (the server refused for good);
 * connection failures and 4xx replies are temporary and retried.
 */
public class DeliveryException extends RuntimeException {
    private final boolean permanent;
    private final int smtpCode;

    public DeliveryException(String message, boolean permanent, int smtpCode, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
        this.smtpCode = smtpCode;
    }

    public boolean permanent() {
        return permanent;
    }

    /** The SMTP reply code, or -1 when the server never answered. */
    public int smtpCode() {
        return smtpCode;
    }
}
