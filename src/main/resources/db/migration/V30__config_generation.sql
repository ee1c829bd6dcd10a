-- One row whose generation changes in the same transaction as every write to the configuration a daemon
-- keeps in memory (mailboxes, agents with their addresses and mailboxes, templates), so each daemon and
-- command line sharing the store sees a change at its next transaction (issue 16). The new value comes from
-- a sequence, never from generation + 1: a rolled-back change cannot leave its value for a later, different
-- change to reuse, so a value a cache once saw always names the same configuration.
CREATE SEQUENCE config_generation_seq START WITH 1;

CREATE TABLE config_generation (
    id         INTEGER NOT NULL,
    generation BIGINT  NOT NULL,
    CONSTRAINT config_generation_pk PRIMARY KEY (id),
    CONSTRAINT config_generation_one_row_ck CHECK (id = 1)
);

INSERT INTO config_generation (id, generation) VALUES (1, 0);
