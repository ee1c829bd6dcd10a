-- OAuth2 (XOAUTH2) sign-in for a mailbox's IMAP and SMTP (issue 13). Tokens are encrypted with the secret key,
-- like passwords. One row per mailbox that signs in with OAuth2; a mailbox without one uses its password.
CREATE TABLE mailbox_oauth (
    mailbox_id          BIGINT        NOT NULL,
    provider            VARCHAR(16)   NOT NULL,
    client_id           VARCHAR(500)  NOT NULL,
    client_secret_enc   TEXT,
    token_endpoint      VARCHAR(2000) NOT NULL,
    scope               VARCHAR(2000) NOT NULL,
    refresh_token_enc   TEXT          NOT NULL,
    access_token_enc    TEXT,
    access_expires_at   TIMESTAMP WITH TIME ZONE,
    -- OK, or FAILED once the provider refused the refresh token for good (revoked, expired): a person must sign in again.
    status              VARCHAR(16)   DEFAULT 'OK' NOT NULL,
    failure             TEXT,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT mailbox_oauth_pk PRIMARY KEY (mailbox_id),
    CONSTRAINT mailbox_oauth_mailbox_fk FOREIGN KEY (mailbox_id) REFERENCES mailbox (id) ON DELETE CASCADE,
    CONSTRAINT mailbox_oauth_status_ck CHECK (status IN ('OK', 'FAILED'))
);
