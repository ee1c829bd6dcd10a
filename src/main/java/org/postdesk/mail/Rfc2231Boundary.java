package org.postdesk.mail;

import java.util.ArrayList;
import java.util.regex.Pattern;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.BodyDescriptorBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.RawField;

/**
 * Lets mime4j find a multipart boundary written in RFC 2231 form ({@code boundary*="us-ascii''abc"}, as mutt and
 * some list software wrote it): mime4j reads only a plain {@code boundary} parameter, so such a multipart was read
 * as one text part with every MIME header and boundary line in the ticket's body (Python's {@code email} splits
 * it). A Content-Type field with {@code boundary*} and no plain {@code boundary} gets the decoded value added as
 * a plain one before mime4j reads it; every other field passes unchanged. Hand-written because mime4j has no
 * option for it; the wrapped builder is mime4j's own.
 */
final class Rfc2231Boundary implements BodyDescriptorBuilder {

    private static final Pattern EXTENDED = Pattern.compile("(?i);\\s*boundary\\*");
    private static final Pattern PLAIN = Pattern.compile("(?i);\\s*boundary\\s*=");

    private final BodyDescriptorBuilder delegate;

    Rfc2231Boundary(DecodeMonitor monitor) {
        this(new DefaultBodyDescriptorBuilder(null, LenientFieldParser.getParser(), monitor));
    }

    private Rfc2231Boundary(BodyDescriptorBuilder delegate) {
        this.delegate = delegate;
    }

    @Override
    public void reset() {
        delegate.reset();
    }

    @Override
    public Field addField(RawField field) throws MimeException {
        return delegate.addField(field.getNameLowerCase().equals("content-type") ? repaired(field) : field);
    }

    @Override
    public BodyDescriptor build() {
        return delegate.build();
    }

    @Override
    public BodyDescriptorBuilder newChild() {
        return new Rfc2231Boundary(delegate.newChild());
    }

    static RawField repaired(RawField field) {
        String body = field.getBody();
        if (body == null || PLAIN.matcher(body).find() || !EXTENDED.matcher(body).find()) {
            return field;
        }
        // The project's own parameter reader decodes the extended value (charset, percent escapes, continuations).
        String boundary = HeaderParams.parse(body, new ArrayList<>()).param("boundary");
        return boundary == null || boundary.isEmpty() ? field
                : new RawField(field.getName(), body + ";\r\n boundary=\"" + boundary + "\"");
    }
}
