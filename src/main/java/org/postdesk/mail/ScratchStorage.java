package org.postdesk.mail;

import java.io.IOException;
import org.apache.james.mime4j.storage.AbstractStorageProvider;
import org.apache.james.mime4j.storage.StorageOutputStream;
import org.apache.james.mime4j.storage.TempFileStorageProvider;

/**
 * mime4j's temporary-file storage in this process's scratch directory, looked up at each use: mime4j's own
 * provider fixes its directory when it is made (and makes a missing one with default permissions), so a parser
 * that outlived a cleaner's removal of the directory would write world-readable mail, or fail, from then on.
 */
final class ScratchStorage extends AbstractStorageProvider {
    @Override
    public StorageOutputStream createStorageOutputStream() throws IOException {
        return new TempFileStorageProvider("mime-", ".part", ScratchFiles.directory().toFile())
                .createStorageOutputStream();
    }
}
