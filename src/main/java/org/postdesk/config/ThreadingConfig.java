package org.postdesk.config;

import java.time.Duration;

/** A follow-up to a ticket closed less than {@code reopenWindow} ago reopens it; later ones open a linked ticket. */
public record ThreadingConfig(Duration reopenWindow) {
}
