/**
 * The {@code postdesk} command line: Picocli commands that parse, call and print, nothing more.
 * {@link org.postdesk.cli.Main} maps failures to exit codes ({@link org.postdesk.cli.ExitCodes});
 * {@link org.postdesk.cli.CliContext} holds the configuration and database of one invocation.
 * May use every other package. Passwords are never taken as arguments and never printed.
 */
package org.postdesk.cli;
