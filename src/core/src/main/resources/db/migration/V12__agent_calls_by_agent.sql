-- An agent's recent agentcalls (GET /v1.0/agentcalls?agent_id=, the console's call history), newest
-- first, and their legs, without scanning every call and leg.
create index agent_calls_agent_recent on agent_calls (agent_id, tm_create desc, id desc);
create index agent_call_legs_call on agent_call_legs (agent_call_id, idx);
