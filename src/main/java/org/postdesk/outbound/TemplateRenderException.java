package org.postdesk.outbound;

/** A template could not be found, parsed or rendered; the message names the template and the place. */
public class TemplateRenderException extends RuntimeException {
    public TemplateRenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
