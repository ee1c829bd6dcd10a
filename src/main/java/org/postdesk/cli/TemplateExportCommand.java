package org.postdesk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.postdesk.outbound.TemplateDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk template export DIR}: the current version of every template, as files. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the current version of every template to a new directory, in the layout"
            + " <locale>/<name>.ftl, <locale>/<name>.html.ftl and answers/<locale>/<name>.ftl that import reads.",
            "DIR must not exist yet (or be empty); it is written completely or not at all."},
        footer = {"", "Examples:", "  postdesk template export /tmp/templates",
            "  postdesk template export backup && postdesk template import backup"})
final class TemplateExportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "A directory that does not exist yet, or an empty one.")
    private Path dir;

    @Override
    public Integer call() {
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target) && !isEmptyDirectory(target)) {
            throw new UsageException("export directory " + dir + " exists and is not empty: give a new directory,"
                    + " so no file of yours is overwritten");
        }
        var templates = TemplateSupport.admin(spec).current();
        Path staging = staging(target);
        try {
            List<Path> written = TemplateDirectory.write(staging, templates);
            Files.deleteIfExists(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            spec.commandLine().getOut().println(templates.size() + " template(s), " + written.size()
                    + " file(s) written to " + target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the export into " + target + ": " + e.getMessage(), e);
        } finally {
            deleteTree(staging);
        }
        return ExitCodes.OK;
    }

    private static boolean isEmptyDirectory(Path p) {
        try (Stream<Path> entries = Files.list(p)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static Path staging(Path target) {
        try {
            Path parent = target.getParent();
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
        } catch (IOException e) {
            throw new UsageException("cannot create " + target + " (" + e.getMessage() + "): check that its parent"
                    + " directory is writable");
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // only the staging copy of a failed export is left behind
        }
    }
}
