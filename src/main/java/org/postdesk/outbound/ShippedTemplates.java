package org.postdesk.outbound;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The default templates shipped in the jar (from the project's top-level {@code templates/} directory),
 * optionally overlaid by a directory of the same layout. They seed the store on first start and are the
 * last resort when every stored version of a template fails.
 */
public final class ShippedTemplates {
    private static final String ROOT = "/templates";

    private ShippedTemplates() {
    }

    /** The shipped defaults, with the files in {@code overrideDirOrNull} (if it exists) taking precedence. */
    public static SortedMap<TemplateKey, TemplateSource> load(Path overrideDirOrNull) {
        SortedMap<TemplateKey, TemplateSource> all = new TreeMap<>(fromClassPath());
        if (overrideDirOrNull != null && Files.isDirectory(overrideDirOrNull)) {
            all.putAll(TemplateDirectory.read(overrideDirOrNull));
        }
        return Collections.unmodifiableSortedMap(all);
    }

    static SortedMap<TemplateKey, TemplateSource> fromClassPath() {
        URL url = ShippedTemplates.class.getResource(ROOT);
        if (url == null) {
            return new TreeMap<>();
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return TemplateDirectory.read(Path.of(uri));
            }
            FileSystem jar = jarFileSystem(uri);
            return TemplateDirectory.read(jar.getPath(ROOT));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("shipped templates at " + url + " cannot be located: " + e.getMessage(), e);
        }
    }

    private static FileSystem jarFileSystem(URI uri) {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(uri);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the jar to read the shipped templates: " + e.getMessage(), e);
        }
    }
}
