-- Large raw messages and attachments are stored in chunks of 1 MiB (issue 15): one 40 MB value in one row
-- made H2 build a single 60 MB write buffer and run out of memory (after which it closes the database).
-- message.raw / attachment.content are NULL for such rows; the chunks, in seq order, are the value.
CREATE TABLE message_raw_chunk (
    message_id      BIGINT  NOT NULL,
    seq             INTEGER NOT NULL,
    bytes           BYTEA   NOT NULL,
    CONSTRAINT message_raw_chunk_pk PRIMARY KEY (message_id, seq),
    CONSTRAINT message_raw_chunk_message_fk FOREIGN KEY (message_id) REFERENCES message (id) ON DELETE CASCADE
);

CREATE TABLE attachment_chunk (
    attachment_id   BIGINT  NOT NULL,
    seq             INTEGER NOT NULL,
    bytes           BYTEA   NOT NULL,
    CONSTRAINT attachment_chunk_pk PRIMARY KEY (attachment_id, seq),
    CONSTRAINT attachment_chunk_attachment_fk FOREIGN KEY (attachment_id) REFERENCES attachment (id) ON DELETE CASCADE
);
