package org.postdesk.app.sender;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One {@code Received} header split into its clauses (RFC 5321 §4.4: {@code from}, {@code by}, {@code via},
 * {@code with}, {@code id}, {@code for}, then {@code ;} and the date) and the comments written at its top level.
 *
 * <p>Servers copy into this header text the sender chose: the envelope sender ({@code (envelope-from <…>)}) and
 * the recipient ({@code for <…>}), whose quoted local parts may hold anything, parentheses included. Real Postfix
 * and Dovecot write {@code for <"support+(Authenticated sender: bob@example.com)"@example.com>} as they received
 * it. So what stands inside a quoted string or an angle-bracketed address is one opaque word here: it never opens
 * a comment or a clause, and a comment is kept whole only when it stands at the top level. A header whose quotes,
 * brackets or parentheses do not close is {@link #malformed()}: nothing in it is believed. Hand-written: no
 * maintained Java library reads Received headers.
 *
 * @param words    the top-level words before the date, comments removed, each quoted string or address one word
 * @param comments the top-level comments before the date, each with the clause it stands in
 */
record ReceivedFields(List<String> words, List<Comment> comments, boolean malformed) {

    /** A top-level comment's text (without its parentheses) and the clause keyword it follows ("" before any). */
    record Comment(String clause, String text) {
    }

    private static final List<String> CLAUSES = List.of("from", "by", "via", "with", "id", "for");

    ReceivedFields {
        words = List.copyOf(words);
        comments = List.copyOf(comments);
    }

    static ReceivedFields parse(String header) {
        List<String> words = new ArrayList<>();
        List<Comment> comments = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        String clause = "";
        int i = 0;
        while (i < header.length()) {
            char c = header.charAt(i);
            if (c == ';') {
                break; // the date follows: nothing after it says who sent the mail
            } else if (c == '"' || c == '<') {
                int end = c == '"' ? endOfQuoted(header, i) : endOfAddress(header, i);
                if (end < 0) {
                    return malformed(words, comments);
                }
                word.append(header, i, end + 1);
                i = end + 1;
                continue;
            } else if (c == '(') {
                int end = endOfComment(header, i);
                if (end < 0) {
                    return malformed(words, comments);
                }
                clause = flush(word, words, clause);
                comments.add(new Comment(clause, header.substring(i + 1, end).strip()));
                i = end + 1;
                continue;
            } else if (c == ')') {
                return malformed(words, comments);
            } else if (Character.isWhitespace(c)) {
                clause = flush(word, words, clause);
            } else {
                word.append(c);
            }
            i++;
        }
        flush(word, words, clause);
        return new ReceivedFields(words, comments, false);
    }

    /** The word after the top-level clause keyword {@code name} ("by" → the receiving host), if any. */
    Optional<String> clause(String name) {
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).equalsIgnoreCase(name)) {
                return Optional.of(words.get(i + 1));
            }
        }
        return Optional.empty();
    }

    /** The top-level comments written in clause {@code name}, in order. */
    List<String> commentsIn(String name) {
        return comments.stream().filter(c -> c.clause().equals(name)).map(Comment::text).toList();
    }

    private static ReceivedFields malformed(List<String> words, List<Comment> comments) {
        return new ReceivedFields(words, comments, true);
    }

    /** Ends the current word; returns the clause that follows when it was a clause keyword. */
    private static String flush(StringBuilder word, List<String> words, String clause) {
        if (word.length() == 0) {
            return clause;
        }
        String w = word.toString();
        words.add(w);
        word.setLength(0);
        String lower = w.toLowerCase(Locale.ROOT);
        return CLAUSES.contains(lower) ? lower : clause;
    }

    /** The index of the quote closing the quoted string opened at {@code start}, or -1. */
    private static int endOfQuoted(String s, int start) {
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    /** The index of the bracket closing the address opened at {@code start} (quotes inside it skipped), or -1. */
    private static int endOfAddress(String s, int start) {
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                i = endOfQuoted(s, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '>') {
                return i;
            } else if (c == '<') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * The index of the parenthesis closing the comment opened at {@code start}, or -1. Nested comments count
     * (Postfix writes {@code (using TLSv1.3 with cipher … (256/256 bits))}); a quoted string or an address inside
     * is skipped whole, so a parenthesis a sender wrote in it can neither close the comment early nor open one.
     */
    private static int endOfComment(String s, int start) {
        int depth = 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"' || c == '<') {
                i = c == '"' ? endOfQuoted(s, i) : endOfAddress(s, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
