-- Ring-all: per-agent ring settings, agentcalls and their legs.
alter table agent_agents
    add column wrapup_seconds int not null default 0,
    add column max_no_answer  int not null default 3,
    add column missed_rings   int not null default 0,
    add constraint agent_agents_wrapup_check check (wrapup_seconds between 0 and 3600),
    add constraint agent_agents_max_no_answer_check check (max_no_answer between 0 and 100);

create table agent_calls (
    id              uuid primary key,
    customer_id     uuid         not null,
    agent_id        uuid         not null references agent_agents (id),
    -- Who asked for this ring (an SQS message id, an Idempotency-Key): a redelivery resumes this row.
    dispatch_key    varchar(255) not null,
    source          varchar(255) not null,
    reference_id    varchar(255) not null default '',
    join_target     varchar(255) not null default '',
    ring_method     varchar(16)  not null,
    status          varchar(16)  not null,
    ring_timeout    int          not null,
    deadline        timestamptz  not null,
    answered_leg_id uuid,
    end_reason      varchar(255),
    wrapup_until    timestamptz,
    tm_create       timestamptz  not null,
    tm_answer       timestamptz,
    tm_end          timestamptz,
    constraint agent_calls_status_check check (status in ('ringing', 'answered', 'completed', 'no_answer', 'canceled', 'failed'))
);

create unique index agent_calls_dispatch_key on agent_calls (dispatch_key);
-- An agent is in at most one live call: the second claim loses here even if a status write let it through.
create unique index agent_calls_one_live_per_agent on agent_calls (agent_id) where status in ('ringing', 'answered');
create index agent_calls_ringing_deadline on agent_calls (deadline) where status = 'ringing';
create index agent_calls_wrapup on agent_calls (wrapup_until) where wrapup_until is not null;

create table agent_call_legs (
    id               uuid primary key,
    agent_call_id    uuid         not null references agent_calls (id),
    idx              int          not null,
    provider         varchar(32)  not null,
    address_type     varchar(16)  not null,
    target           varchar(255) not null,
    address_detail   text         not null default '',
    provider_call_id varchar(255),
    status           varchar(16)  not null,
    end_reason       varchar(255),
    tm_create        timestamptz  not null,
    tm_originate     timestamptz,
    tm_ringing       timestamptz,
    tm_answer        timestamptz,
    tm_end           timestamptz,
    constraint agent_call_legs_status_check check (status in ('pending', 'originating', 'ringing', 'answered', 'completed', 'ended', 'failed', 'canceled')),
    constraint agent_call_legs_order unique (agent_call_id, idx)
);
