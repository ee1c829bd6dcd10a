package org.postdesk.mail;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decodes HTML character references: numeric ones, and the named ones mail actually uses. */
final class HtmlEntities {

    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});?");

    /** HTML 4 Latin-1 names, code points 160-255 in order. */
    private static final String[] LATIN1 = ("nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy"
            + " reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34"
            + " iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute"
            + " Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute"
            + " THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave"
            + " iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml"
            + " yacute thorn yuml").split(" ");

    private static final Map<String, String> NAMED = named();

    private HtmlEntities() {
    }

    static String decode(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String entity(String body, String whole) {
        if (body.charAt(0) != '#') {
            String exact = NAMED.get(body);
            return exact != null ? exact : NAMED.getOrDefault(body.toLowerCase(Locale.ROOT), whole);
        }
        boolean hex = body.length() > 1 && (body.charAt(1) == 'x' || body.charAt(1) == 'X');
        int codePoint = Integer.parseInt(body.substring(hex ? 2 : 1), hex ? 16 : 10);
        if (codePoint == 0 || codePoint > Character.MAX_CODE_POINT || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
            return "\uFFFD";
        }
        return codePoint == 0xA0 ? " " : new String(Character.toChars(codePoint));
    }

    private static Map<String, String> named() {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < LATIN1.length; i++) {
            map.put(LATIN1[i], String.valueOf((char) (160 + i)));
        }
        // A non-breaking space is a plain space to a reader (and to reply trimming).
        map.putAll(Map.of("nbsp", " ", "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'",
                "shy", "", "zwnj", "", "zwj", ""));
        map.putAll(Map.of("trade", "™", "hellip", "…", "mdash", "—", "ndash", "–", "lsquo", "‘", "rsquo", "’",
                "ldquo", "“", "rdquo", "”", "bull", "•", "euro", "€"));
        return Map.copyOf(map);
    }
}
