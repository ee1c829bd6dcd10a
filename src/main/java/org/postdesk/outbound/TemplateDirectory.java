package org.postdesk.outbound;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The file layout of templates, shared by the shipped defaults, {@code template export} and {@code import}:
 * {@code <locale>/<name>.ftl} with an optional {@code <locale>/<name>.html.ftl} beside it, and canned
 * answers as {@code answers/<locale>/<name>.ftl}. Files are UTF-8; files not ending in {@code .ftl} are ignored.
 */
public final class TemplateDirectory {
    private static final String TEXT = ".ftl";
    private static final String HTML = ".html.ftl";

    private TemplateDirectory() {
    }

    /**
     * Every template under {@code root}.
     *
     * @throws IllegalArgumentException naming a file that does not fit the layout or an HTML part without text
     * @throws UncheckedIOException when the directory cannot be read
     */
    public static SortedMap<TemplateKey, TemplateSource> read(Path root) {
        Map<TemplateKey, String> texts = new TreeMap<>();
        Map<TemplateKey, String> htmls = new TreeMap<>();
        for (Path file : files(root)) {
            String rel = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            TemplateKey key = keyOf(rel);
            (rel.endsWith(HTML) ? htmls : texts).put(key, readString(file));
        }
        SortedMap<TemplateKey, TemplateSource> all = new TreeMap<>();
        for (Map.Entry<TemplateKey, String> html : htmls.entrySet()) {
            if (!texts.containsKey(html.getKey())) {
                throw new IllegalArgumentException(root.resolve(path(html.getKey(), true)) + ": an HTML part needs"
                        + " the text part " + path(html.getKey(), false) + " beside it (the subject is taken from it)");
            }
        }
        texts.forEach((key, text) -> all.put(key, new TemplateSource(text, htmls.get(key))));
        return all;
    }

    /** Writes every template under {@code root}, creating directories; returns the files written. */
    public static List<Path> write(Path root, Map<TemplateKey, TemplateSource> templates) {
        List<Path> written = new ArrayList<>();
        templates.forEach((key, source) -> {
            written.add(writeString(root.resolve(path(key, false)), source.text()));
            if (source.html() != null) {
                written.add(writeString(root.resolve(path(key, true)), source.html()));
            }
        });
        return written;
    }

    /** The relative path of a template's text or HTML part. */
    public static String path(TemplateKey key, boolean html) {
        String dir = key.isAnswer() ? "answers/" + key.locale() : key.locale();
        return dir + "/" + key.shortName() + (html ? HTML : TEXT);
    }

    static TemplateKey keyOf(String relative) {
        String[] parts = relative.split("/");
        boolean answer = parts.length == 3 && parts[0].equals("answers");
        if (!(parts.length == 2 || answer) || !relative.endsWith(TEXT)) {
            throw new IllegalArgumentException(relative + " does not fit the layout: expected <locale>/<name>.ftl,"
                    + " <locale>/<name>.html.ftl or answers/<locale>/<name>.ftl");
        }
        String file = parts[parts.length - 1];
        String base = file.substring(0, file.length() - (file.endsWith(HTML) ? HTML.length() : TEXT.length()));
        try {
            return new TemplateKey((answer ? TemplateKey.ANSWERS : "") + base, parts[parts.length - 2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(relative + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> files(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(root + " is not a directory: give the directory that holds"
                    + " en/, ru/, … (as written by 'postdesk template export')");
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(TEXT))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template directory " + root + ": " + e.getMessage(), e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " as UTF-8: " + e.getMessage(), e);
        }
    }

    private static Path writeString(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
