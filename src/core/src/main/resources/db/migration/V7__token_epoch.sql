-- Tokens carry the epoch they were issued in; a password change moves the epoch on, so every token
-- issued before it is refused.
alter table agent_agents add column token_epoch bigint not null default 0;
