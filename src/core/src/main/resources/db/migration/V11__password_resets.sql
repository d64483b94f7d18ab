-- One-time password reset links. Only the SHA-256 of a token is kept (the token itself is 32 random
-- bytes, so a plain hash cannot be reversed by guessing); a reset spends its row. Rows past expires_at
-- answer like unknown ones and are purged by later requests.
create table auth_password_resets (
    token_hash char(64)    primary key,
    agent_id   uuid        not null references agent_agents (id),
    expires_at timestamptz not null,
    created_at timestamptz not null default now()
);
create index auth_password_resets_agent on auth_password_resets (agent_id);
create index auth_password_resets_expires on auth_password_resets (expires_at);
