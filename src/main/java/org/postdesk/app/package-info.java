/**
 * The application layer: the help desk's use cases, each taking the caller's transaction, and the ticket
 * rules they share, written once. The adapters ({@code cli} for admins, {@code ingest} for mail) parse their
 * input, call one use case and report its result; they hold no rule of their own. See docs/ARCHITECTURE.md.
 */
package org.postdesk.app;
