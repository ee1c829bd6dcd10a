package org.postdesk.config;

/**
 * One raw setting and where it came from, so an error can point at the line or variable to fix.
 * Secret values are described without their text.
 */
record ConfigValue(String key, String text, String source, boolean secret) {

    String describe() {
        String shown = secret ? "(hidden)" : "\"" + text + "\"";
        return key + " = " + shown + " (" + source + ")";
    }
}
