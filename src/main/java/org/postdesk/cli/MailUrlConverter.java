package org.postdesk.cli;

import org.postdesk.config.ConfigException;
import org.postdesk.config.MailboxUrl;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses {@code --imap}/{@code --smtp}. Throwing {@link TypeConversionException} makes picocli
 * print our message (which hides any password) instead of echoing the raw argument.
 */
abstract class MailUrlConverter implements ITypeConverter<MailboxUrl> {

    abstract MailboxUrl parse(String text);

    @Override
    public MailboxUrl convert(String text) {
        try {
            return parse(text);
        } catch (ConfigException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    static final class Imap extends MailUrlConverter {
        @Override
        MailboxUrl parse(String text) {
            return MailboxUrl.parseImap(text);
        }
    }

    static final class Smtp extends MailUrlConverter {
        @Override
        MailboxUrl parse(String text) {
            return MailboxUrl.parseSmtp(text);
        }
    }
}
