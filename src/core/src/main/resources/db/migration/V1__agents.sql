-- Agents and their addresses. Uniqueness rules live here so that concurrent writers cannot both win.
create table agent_agents (
    id            uuid primary key,
    customer_id   uuid         not null,
    username      varchar(255) not null,
    password_hash varchar(255) not null,
    name          varchar(255) not null default '',
    detail        text         not null default '',
    ring_method   varchar(16)  not null,
    status        varchar(16)  not null,
    permission    bigint       not null default 0,
    tag_ids       uuid[]       not null default '{}',
    tm_create     timestamptz  not null,
    tm_update     timestamptz,
    tm_delete     timestamptz,
    constraint agent_agents_ring_method_check check (ring_method in ('ringall', 'linear')),
    constraint agent_agents_status_check check (status in ('available', 'away', 'busy', 'offline', 'ringing')),
    constraint agent_agents_permission_check check (permission between 0 and 65535)
);

-- Usernames are unique case-insensitively among live agents; a deleted agent frees its username.
create unique index agent_agents_username_live_key on agent_agents (lower(username)) where tm_delete is null;
-- The list query: one customer's live agents, newest first, keyset-paginated on (tm_create, id).
create index agent_agents_customer_list_idx on agent_agents (customer_id, tm_create desc, id desc) where tm_delete is null;
create index agent_agents_tag_ids_idx on agent_agents using gin (tag_ids);

create table agent_addresses (
    id          uuid primary key,
    agent_id    uuid         not null references agent_agents (id),
    customer_id uuid         not null,
    type        varchar(16)  not null,
    target      varchar(255) not null,
    target_name varchar(255) not null default '',
    name        varchar(255) not null default '',
    detail      text         not null default '',
    idx         int          not null,
    tm_create   timestamptz  not null
);

-- One address belongs to at most one agent of a customer. Deleting an agent deletes its address rows.
create unique index agent_addresses_owner_key on agent_addresses (customer_id, type, target);
create index agent_addresses_agent_idx on agent_addresses (agent_id, idx);
