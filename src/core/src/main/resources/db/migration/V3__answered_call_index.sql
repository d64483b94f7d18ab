-- The sweeper ends answered calls that outlived the maximum call duration (a lost "ended" callback
-- must not keep an agent busy forever).
create index agent_calls_answered on agent_calls (tm_answer) where status = 'answered';
