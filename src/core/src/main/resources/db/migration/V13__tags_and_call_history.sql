-- Tags (VoIPBIN's Tag API): a customer's named labels, carried by agents in agent_agents.tag_ids.
create table tag_tags (
    id          uuid primary key,
    customer_id uuid         not null,
    name        varchar(255) not null,
    detail      text         not null default '',
    tm_create   timestamptz  not null,
    tm_update   timestamptz,
    -- Soft delete, as the reference: the row stays (GET shows it with tm_delete), agents keep its id.
    tm_delete   timestamptz
);

-- One live tag per name and customer, ignoring case (the reference's MySQL collation compares names so);
-- a deleted tag frees its name.
create unique index tag_tags_customer_name_key on tag_tags (customer_id, lower(name)) where tm_delete is null;
-- The list: one customer's live tags, newest first, keyset-paginated on (tm_create, id).
create index tag_tags_customer_list_idx on tag_tags (customer_id, tm_create desc, id desc) where tm_delete is null;

-- Call history across a customer's agents (GET /v1.0/agentcalls without agent_id), newest first.
create index agent_calls_customer_recent on agent_calls (customer_id, tm_create desc, id desc);
