-- Status history (GET /v1.0/agents/{id}/status_history, docs/status-history.md): one row per change of an
-- agent's status, with its cause, so a supervisor can tell how long an agent was away and why it went
-- away (itself, a supervisor, a ring, max_no_answer). Written by the one status owner
-- (agent/AgentStatusOwner) in the change's own transaction, so a rolled-back change leaves no row. Rows
-- are kept for agentbin.status-history.retention (90 days by default) and deleted in batches by
-- ringall-sweeper: the table grows with every ring and must not grow for ever.
create table agent_status_changes (
    id                 uuid        primary key,
    customer_id        uuid        not null,
    -- No foreign key: a deleted agent's rows stay readable (GET /v1.0/agents/{id} shows it too) until retention.
    agent_id           uuid        not null,
    previous_status    varchar(16) not null,
    status             varchar(16) not null,
    cause_type         varchar(16) not null,
    -- Who chose the status (cause agent or supervisor): an agent, or an access key acting as a supervisor.
    cause_agent_id     uuid,
    cause_accesskey_id uuid,
    -- The agentcall a ring-driven change comes from (claim, answer, end, wrap-up over, misses, sweeper).
    cause_agentcall_id uuid,
    -- The database's clock when the change was written: one agent's changes are serialized by its row lock,
    -- so their times follow the order they were made in, whatever a provider's (second-precision) clock says.
    tm_create          timestamptz not null,
    constraint agent_status_changes_status_check check (
        previous_status in ('available', 'away', 'busy', 'offline', 'ringing')
        and status in ('available', 'away', 'busy', 'offline', 'ringing')),
    constraint agent_status_changes_cause_check check (cause_type in ('agent', 'supervisor', 'claim', 'answer', 'end',
        'wrapup_over', 'no_answer', 'max_no_answer', 'canceled', 'failed', 'sweeper'))
);

-- One agent's history, newest first, keyset-paginated on (tm_create, id) within a time window.
create index agent_status_changes_agent_recent on agent_status_changes (agent_id, tm_create desc, id desc);
-- Retention: the oldest rows first, a batch at a time.
create index agent_status_changes_age on agent_status_changes (tm_create);
