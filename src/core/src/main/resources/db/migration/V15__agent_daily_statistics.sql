-- Agent statistics (docs/statistics.md): one row per agent and UTC day, added to as rings and status
-- changes happen, so a month of a customer's figures reads a few rows per agent instead of every
-- agentcall. Every writer adds to its own agent's row (insert ... on conflict do update set x = x + ...).
create table agent_stat_days (
    agent_id         uuid    not null,
    day              date    not null,
    customer_id      uuid    not null,
    -- Rings by the day they started (agentcall tm_create), whenever they were answered or ended.
    offered          int     not null default 0,
    answered         int     not null default 0,
    missed           int     not null default 0,
    canceled         int     not null default 0,
    failed           int     not null default 0,
    -- Time to answer (tm_create -> tm_answer): the sum for the mean, counts per bucket for p50/p90
    -- (stats/AnswerHistogram: 1 s wide below 60 s, 10 s wide to 600 s, then one bucket). Only as long as
    -- the highest bucket used; a missing or null element is 0. Never empty: an element assigned past the
    -- end of '{0}' pads the array from subscript 1, in an empty one it would become the lower bound.
    answer_ms_sum    bigint  not null default 0,
    answer_histogram int[]   not null default '{0}',
    -- Answered rings that ended, and their talk time (tm_answer -> tm_end).
    talked           int     not null default 0,
    talk_ms_sum      bigint  not null default 0,
    -- Time in each status within the day (wrap-up apart from busy); the current status's open interval
    -- is added when read.
    available_ms     bigint  not null default 0,
    ringing_ms       bigint  not null default 0,
    busy_ms          bigint  not null default 0,
    wrapup_ms        bigint  not null default 0,
    away_ms          bigint  not null default 0,
    offline_ms       bigint  not null default 0,
    primary key (agent_id, day)
);
-- The customer-wide read: every agent's days in the window.
create index agent_stat_days_customer_day on agent_stat_days (customer_id, day);

-- When the agent's current status began (wrap-up counting as a status of its own): the open interval
-- statistics add at read time, and what a status change closes. Existing agents start from their last
-- update, the best the rows know.
alter table agent_agents add column status_since timestamptz;
update agent_agents set status_since = coalesce(tm_update, tm_create);
alter table agent_agents alter column status_since set not null,
                         alter column status_since set default now();

-- The rings already made, counted as the writers count them from now on: on the day each started, the
-- answer, outcome and talk time as far as each has got (a ring still live gets the rest from the writers).
-- Time in a status before this migration is not known and not counted.
insert into agent_stat_days (agent_id, day, customer_id, offered, answered, missed, canceled, failed, answer_ms_sum, talked, talk_ms_sum)
select agent_id, (tm_create at time zone 'UTC')::date, customer_id, count(*), count(tm_answer),
       count(*) filter (where status = 'no_answer'), count(*) filter (where status = 'canceled'),
       count(*) filter (where status = 'failed'),
       coalesce(sum(greatest(0, floor(extract(epoch from tm_answer - tm_create) * 1000))), 0),
       count(*) filter (where status = 'completed'),
       coalesce(sum(greatest(0, floor(extract(epoch from tm_end - tm_answer) * 1000))) filter (where status = 'completed'), 0)
  from agent_calls group by agent_id, (tm_create at time zone 'UTC')::date, customer_id;

-- Their answer histograms, with stats/AnswerHistogram's buckets (0-based: 1 s wide below 60 s, 10 s wide
-- to 600 s, then 114), as arrays from subscript 1 up to the highest bucket used.
with answers as (
    select agent_id, (tm_create at time zone 'UTC')::date as day,
           greatest(0, floor(extract(epoch from tm_answer - tm_create) * 1000)) as ms
      from agent_calls where tm_answer is not null),
buckets as (
    select agent_id, day, case when ms < 60000 then floor(ms / 1000)::int
                               when ms < 600000 then 60 + floor((ms - 60000) / 10000)::int
                               else 114 end as bucket
      from answers),
counts as (
    select agent_id, day, bucket, count(*)::int as n from buckets group by agent_id, day, bucket),
histograms as (
    select t.agent_id, t.day, array_agg(coalesce(c.n, 0) order by g.i) as histogram
      from (select agent_id, day, max(bucket) as top from counts group by agent_id, day) t
           cross join lateral generate_series(0, t.top) as g(i)
           left join counts c on c.agent_id = t.agent_id and c.day = t.day and c.bucket = g.i
     group by t.agent_id, t.day)
update agent_stat_days d set answer_histogram = h.histogram
  from histograms h where d.agent_id = h.agent_id and d.day = h.day;
