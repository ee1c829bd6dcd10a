-- `postdesk ticket list --status S` asks for the newest tickets in one status. With ticket_status_ix (status)
-- the store read every ticket in that status and sorted them: at 1,000,000 tickets, 100,000 pending ones and
-- 11.6 s on H2 for the first 100. With (status, id DESC), and the query ordered by (status, id DESC), both H2 and
-- PostgreSQL read the first 100 entries of the index in order (H2: 85 ms, "index sorted", 100 rows scanned).
-- The new index leads with status, so it serves every lookup by status alone as well; the old one goes, or H2
-- (which weighs the two as equal without statistics) keeps choosing it and sorting.
CREATE INDEX ticket_status_id_ix ON ticket (status, id DESC);
DROP INDEX IF EXISTS ticket_status_ix;
