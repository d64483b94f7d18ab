-- Answer confirmation (voicemail must never win a ring-all): per agent, overridable per address; each
-- leg keeps the mode it was rung with, and a leg that picked up waits in 'confirming' for the person.
alter table agent_agents
    add column answer_confirmation varchar(20) not null default 'none',
    add constraint agent_agents_answer_confirmation_check check (answer_confirmation in ('none', 'key', 'machine_detection'));
alter table agent_addresses
    add column answer_confirmation varchar(20),
    add constraint agent_addresses_answer_confirmation_check check (answer_confirmation in ('none', 'key', 'machine_detection'));
alter table agent_call_legs
    add column confirmation varchar(20) not null default 'none',
    add column tm_confirm   timestamptz,
    drop constraint agent_call_legs_status_check,
    add constraint agent_call_legs_status_check check (status in ('pending', 'originating', 'ringing', 'confirming', 'answered',
        'completed', 'ended', 'failed', 'canceled'));
