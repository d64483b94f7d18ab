-- Events (agent_*, agentcall_*): written to the outbox in the same transaction as the change that
-- causes them, then relayed to the delivery queue and the event bus. A rolled-back change leaves no
-- row; a crash after the commit leaves the row for the next relay.
create table event_outbox (
    id           uuid primary key,
    customer_id  uuid        not null,
    agent_id     uuid        not null,
    seq          bigint      not null,
    type         varchar(32) not null,
    -- The exact body every delivery sends (and signs): rendered once, so retries are byte-identical.
    body         text        not null,
    tm_create    timestamptz not null,
    -- Set once the event is on the delivery queue (or the customer had no webhook to deliver to).
    tm_queued    timestamptz,
    -- Set once the event is on the event bus.
    tm_published timestamptz,
    constraint event_outbox_agent_seq unique (agent_id, seq)
);
create index event_outbox_pending on event_outbox (tm_create) where tm_queued is null or tm_published is null;
create index event_outbox_relayed on event_outbox (tm_create) where tm_queued is not null and tm_published is not null;

-- Per-agent event counter. Taking the next number locks the agent's row until commit, so numbers are
-- handed out in commit order: a receiver may order one agent's events by it and drop repeats.
create table agent_event_sequences (
    agent_id uuid   primary key,
    last_seq bigint not null
);

-- A customer's webhook (the reference's webhook_uri and webhook_method) and the secret its deliveries
-- are signed with. After a rotation the previous secret signs too until previous_secret_until, so
-- receivers can switch without losing events.
create table customer_webhooks (
    customer_id           uuid          primary key,
    webhook_uri           varchar(2048) not null,
    webhook_method        varchar(8)    not null,
    signing_secret        varchar(64)   not null,
    previous_secret       varchar(64),
    previous_secret_until timestamptz,
    tm_create             timestamptz   not null,
    tm_update             timestamptz,
    constraint customer_webhooks_method_check check (webhook_method in ('POST', 'PUT'))
);
