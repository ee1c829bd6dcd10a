package org.postdesk.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Durations typed on the command line: 30m, 4h, 7d (as in the configuration file). */
final class CliDurations {
    private static final Pattern FORM = Pattern.compile("(\\d{1,6})(m|h|d)");

    private CliDurations() {
    }

    static Duration parse(CommandSpec spec, String option, String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new ParameterException(spec.commandLine(), option + " '" + text + "' is not a duration: use e.g. 30m,"
                    + " 4h or 7d");
        }
        long n = Long.parseLong(m.group(1));
        return m.group(2).equals("m") ? Duration.ofMinutes(n) : m.group(2).equals("h") ? Duration.ofHours(n) : Duration.ofDays(n);
    }
}
