-- One owner of an agent's status (AgentStatusRules): the agentcall holding the agent and the agent's
-- wrap-up live on the agent row, so a stale call's event can be told from the current one.
alter table agent_agents
    add column status_call_id uuid,
    add column wrapup_until   timestamptz;
create index agent_agents_wrapup on agent_agents (wrapup_until) where wrapup_until is not null;

-- Carry over what is in flight: a live call holds its agent, an ended one in wrap-up holds it until then.
update agent_agents a set status_call_id = c.id
  from agent_calls c where c.agent_id = a.id and c.status in ('ringing', 'answered');
update agent_agents a set status_call_id = w.id, wrapup_until = w.wrapup_until
  from (select distinct on (agent_id) agent_id, id, wrapup_until from agent_calls
         where wrapup_until is not null order by agent_id, wrapup_until desc) w
 where w.agent_id = a.id and a.status = 'busy' and a.status_call_id is null;
alter table agent_calls drop column wrapup_until;

-- What an Idempotency-Key was first used for: the same key with another request is refused (422).
-- Linear ringing: how long each address rings before the next one is tried.
alter table agent_calls
    add column request_hash    varchar(64),
    add column address_timeout int;
