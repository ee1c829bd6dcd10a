package org.postdesk.reports;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Subject similarity for the problems report: a subject becomes its set of normalised tokens (no ticket tag,
 * no Re:/Fwd: prefixes, lower case, no stop words or numbers, words of 3+ letters), and two subjects are
 * similar when the Jaccard index of their sets reaches a threshold. Hand-written: token Jaccard is a few lines,
 * and the text libraries at hand (Commons Text) compare characters, not word sets.
 */
public final class SimilarSubjects {
    private static final Pattern TAG = Pattern.compile("\\[[^\\]]*#\\d+\\]");
    private static final Pattern PREFIX = Pattern.compile("(?iu)^\\s*((re|fwd?|aw|wg|sv|отв|ответ|вiдп|відп|пересл)\\s*(\\[\\d+\\])?\\s*:\\s*)+");
    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> STOP = new HashSet<>(Arrays.asList(
            "the", "and", "for", "with", "not", "but", "you", "your", "our", "are", "was", "can", "cannot", "does",
            "have", "has", "from", "this", "that", "please", "help", "hello", "thanks", "again", "any", "all", "how",
            "what", "why", "when", "where", "who", "there", "into", "about", "still", "just", "need", "get",
            "для", "как", "что", "это", "при", "нет", "мне", "вас", "нас", "или", "уже", "все", "всё", "помогите",
            "пожалуйста", "здравствуйте", "спасибо", "вопрос", "проблема",
            "або", "але", "мені", "вас", "нас", "все", "вже", "будь", "ласка", "дякую", "допоможіть", "питання"));

    private SimilarSubjects() {
    }

    /** The normalised tokens of a subject. */
    public static Set<String> tokens(String subject) {
        String s = PREFIX.matcher(TAG.matcher(subject == null ? "" : subject).replaceAll(" ")).replaceFirst("");
        return Arrays.stream(SPLIT.split(s.toLowerCase(Locale.ROOT)))
                .filter(t -> t.length() >= 3 && !STOP.contains(t) && !t.chars().allMatch(Character::isDigit))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** |a ∩ b| / |a ∪ b|; 0 when both are empty. */
    public static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        long common = a.stream().filter(b::contains).count();
        return common / (double) (a.size() + b.size() - common);
    }
}
