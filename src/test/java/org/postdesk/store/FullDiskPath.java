package org.postdesk.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.store.fs.FileBaseDefault;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@code jdbc:h2:fulldisk:/dir/name}) over the real one whose writes fail with "No space left
 * on device" while a file {@code full} exists beside the database, as a full disk fails them. The state is that
 * marker file, not a field: H2 makes a new instance of this class for every path.
 */
public final class FullDiskPath extends FilePathWrapper {
    static final String SCHEME = "fulldisk";

    static void register() {
        FilePath.register(new FullDiskPath());
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        FileChannel real = getBase().open(mode);
        Path marker = Path.of(getBase().getParent().toString(), "full");
        return new FileBaseDefault() {
            @Override
            public int read(ByteBuffer dst, long position) throws IOException {
                return real.read(dst, position);
            }

            @Override
            public int write(ByteBuffer src, long position) throws IOException {
                if (Files.exists(marker)) {
                    throw new IOException("No space left on device");
                }
                return real.write(src, position);
            }

            @Override
            public long size() throws IOException {
                return real.size();
            }

            @Override
            protected void implTruncate(long newLength) throws IOException {
                real.truncate(newLength);
            }

            @Override
            public void force(boolean metaData) throws IOException {
                real.force(metaData);
            }

            @Override
            public java.nio.channels.FileLock tryLock(long position, long size, boolean shared) throws IOException {
                return real.tryLock(position, size, shared);
            }

            @Override
            protected void implCloseChannel() throws IOException {
                real.close();
            }
        };
    }
}
