package org.postdesk.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The child's append-only record of what it did, one line per fact, each forced to disk before the child
 * acts on it: a line that is in the file happened before anything the line allows (a flag on the server).
 */
final class Journal implements AutoCloseable {
    static final String READY = "ready";
    static final String STORED = "stored";

    private final FileChannel channel;

    private Journal(FileChannel channel) {
        this.channel = channel;
    }

    static Journal append(Path file) {
        try {
            return new Journal(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new UncheckedIOException("journal " + file + ": cannot open for appending", e);
        }
    }

    /** Appends {@code line} and returns once it is on disk (write, then fsync of the data). */
    synchronized void record(String line) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("journal: cannot record '" + line + "'", e);
        }
    }

    /** Every complete line (a line cut by the kill has no newline yet and is left out). */
    static List<String> read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            int end = text.lastIndexOf('\n');
            return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("journal " + file + ": cannot read", e);
        }
    }

    /** Counts the lines of a growing journal by kind, reading only what was appended since the last call. */
    static final class Tail {
        private final Path file;
        private final java.util.Map<String, Long> counts = new java.util.HashMap<>();
        private long offset;

        Tail(Path file) {
            this.file = file;
        }

        /** The complete lines so far that start with {@code kind}. */
        long count(String kind) {
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = in.size();
                if (size > offset) {
                    ByteBuffer buffer = ByteBuffer.allocate((int) (size - offset));
                    in.read(buffer, offset);
                    String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
                    int end = text.lastIndexOf('\n');
                    if (end >= 0) {
                        for (String line : text.substring(0, end).split("\n")) {
                            counts.merge(line.split(" ", 2)[0], 1L, Long::sum);
                        }
                        offset += end + 1;
                    }
                }
            } catch (NoSuchFileException e) {
                return 0;
            } catch (IOException e) {
                throw new UncheckedIOException("journal " + file + ": cannot read", e);
            }
            return counts.getOrDefault(kind, 0L);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("journal: cannot close", e);
        }
    }
}
