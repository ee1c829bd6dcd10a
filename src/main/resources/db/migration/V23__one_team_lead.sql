-- One team lead per mailbox (issue 12). Issue 11 gave each mailbox a team lead as an agent
-- (mailbox.team_lead_agent_id, set by `agent set --lead-of` and `mailbox set --team-lead`); issue 12 added
-- mailbox.team_lead, an address that nothing ever set or read. The agent is the one kept: it is what the command
-- line sets, and a lead must be an agent to answer the notices they get. An address that names an agent becomes
-- that agent where the mailbox has no lead yet; then the address column goes.
UPDATE mailbox SET team_lead_agent_id = (SELECT a.agent_id FROM agent_address a
                                         WHERE LOWER(a.address) = LOWER(TRIM(mailbox.team_lead)))
WHERE team_lead_agent_id IS NULL AND team_lead IS NOT NULL;

ALTER TABLE mailbox DROP COLUMN team_lead;
