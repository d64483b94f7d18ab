#!/usr/bin/env python3
"""Statistics benchmark (issue 20): agent statistics and status history over a month of a 1,000-agent customer.

Builds the schema from the project's Flyway migrations (as scale.py does), seeds 1,000 agents of one customer and
a few other customers' agents, 100 rings per agent per day over 31 days ending today (UTC): the agentcalls, the
status history the status owner would have written for them, and the daily rollups (agent_stat_days) counted from
those agentcalls by migration V15's own backfill statements plus the time in each status the history implies.
Then times the exact statements the statistics and status-history services send (captured with
quarkus.hibernate-orm.log.sql from the local app) as server-side prepared statements, as pgJDBC runs them after
its prepareThreshold: p50 and p95 of RUNS executions of each case after warm-up, plus EXPLAIN (ANALYZE, BUFFERS).
With --http BASE it also times the two statistics routes end to end (curl, a JWT of the customer's admin).
Called by benchmarks/statistics.sh.
"""
import argparse
import json
import math
import os
import re
import statistics
import subprocess
import time
import urllib.request

BIG = "00000000-0000-4000-8000-0000000057a7"
DAY_MS = 86_400_000
# An agent's working day: 100 rings in 360 s slots from its shift start, a 30-minute break (away) after the 50th.
SLOT_S = 360
BREAK_S = 1800
# The histogram has 115 buckets (stats/AnswerHistogram.BUCKETS); the status columns follow stats/StatusBucket.
BUCKETS = 115
STATUS_COLUMNS = ("available_ms", "ringing_ms", "busy_ms", "wrapup_ms", "away_ms", "offline_ms")
# The statements below are exactly those the app sends (checked against quarkus.hibernate-orm.log.sql), with $n
# where pgJDBC sends ?.
# stats/RollupReader.SUMS (by customer_id or agent_id).
SUMS = ("select agent_id, sum(offered), sum(answered), sum(missed), sum(canceled), sum(failed), sum(answer_ms_sum),\n"
        "       sum(talked), sum(talk_ms_sum), " + ", ".join(f"sum({c})" for c in STATUS_COLUMNS) + ", "
        + ", ".join(f"sum(answer_histogram[{i}])" for i in range(1, BUCKETS + 1)) + "\n"
        "  from agent_stat_days where {column} = $1 and day between $2 and $3 group by agent_id")
AGENT_COLUMNS = ("ae1_0.id,ae1_0.answer_confirmation,ae1_0.customer_id,ae1_0.detail,ae1_0.max_no_answer,ae1_0.missed_rings,"
                 "ae1_0.name,ae1_0.password_hash,ae1_0.permission,ae1_0.ring_method,ae1_0.status,ae1_0.status_call_id,"
                 "ae1_0.status_since,ae1_0.tag_ids,ae1_0.tm_create,ae1_0.tm_delete,ae1_0.tm_update,ae1_0.token_epoch,"
                 "ae1_0.username,ae1_0.wrapup_seconds,ae1_0.wrapup_until")
# AgentRepository.findByIdOptional (the agent the figures or the history are of).
AGENT_BY_ID = f"select {AGENT_COLUMNS} from agent_agents ae1_0 where ae1_0.id=$1"
# AgentRepository.liveStatusesOf: the customer's live agents, newest first, with what their open interval needs.
LIVE_STATUSES = ("select ae1_0.id,ae1_0.status,ae1_0.wrapup_until,ae1_0.status_since from agent_agents ae1_0 "
                 "where ae1_0.customer_id=$1 and ae1_0.tm_delete is null order by ae1_0.tm_create desc,ae1_0.id desc")
# AgentRepository.countByStatus.
COUNT_BY_STATUS = ("select ae1_0.status,count(*),count(ae1_0.wrapup_until) from agent_agents ae1_0 "
                   "where ae1_0.customer_id=$1 and ae1_0.tm_delete is null group by ae1_0.status")
# StatusChangeRepository.page: one page of an agent's history within [from, to), newest first, after a cursor.
HISTORY = ("select sce1_0.id,sce1_0.agent_id,sce1_0.cause_accesskey_id,sce1_0.cause_agentcall_id,sce1_0.cause_agent_id,"
           "sce1_0.cause_type,sce1_0.customer_id,sce1_0.previous_status,sce1_0.status,sce1_0.tm_create "
           "from agent_status_changes sce1_0 where sce1_0.agent_id=$1 and sce1_0.tm_create>=$2 and sce1_0.tm_create<$3{after} "
           "order by sce1_0.tm_create desc,sce1_0.id desc offset ${o} rows fetch first ${n} rows only")
HISTORY_AFTER = " and (sce1_0.tm_create,sce1_0.id)<($4,$5)"
# Requests to each route before the timed ones: the JIT compiles the request path first, as in a warm function.
HTTP_WARMUP = 20


def psql(database, sql, capture=True):
    env = dict(os.environ, PGPASSWORD="agentbin")
    result = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "agentbin", "-d", database, "-v", "ON_ERROR_STOP=1",
                             "-qX", "-f", "-"], input=sql, env=env, capture_output=capture, text=True)
    if result.returncode:
        raise RuntimeError(result.stderr)
    return result.stdout


def value(database, sql):
    return psql(database, "\\pset format unaligned\n\\pset tuples_only on\n" + sql).strip()


def migrate(database, migrations):
    files = sorted((f for f in os.listdir(migrations) if re.match(r"V\d+__.*\.sql$", f)),
                   key=lambda f: int(re.match(r"V(\d+)__", f).group(1)))
    for name in files:
        with open(os.path.join(migrations, name)) as f:
            psql(database, f.read())
    return files


def v15_backfill(migrations):
    """The statements of V15 that count the agentcalls already made into agent_stat_days (counters, then the
    answer histograms): the rollups then hold exactly what the migration (and so the writers) make of them."""
    with open(os.path.join(migrations, "V15__agent_daily_statistics.sql")) as f:
        text = re.sub(r"--[^\n]*", "", f.read())
    statements = [s.strip() for s in text.split(";")]
    chosen = [s for s in statements if s.startswith("insert into agent_stat_days") or s.startswith("with answers")]
    if len(chosen) != 2:
        raise RuntimeError("V15's backfill statements not found: expected an insert and a histogram update")
    return ";\n".join(chosen) + ";"


def without_keys(database, tables, load):
    """Runs `load` with the tables' indexes and key constraints dropped, then recreates them from their own
    definitions (as the migrations made them): a bulk load into ten million rows is far faster so."""
    names = ", ".join(f"'{t}'::regclass" for t in tables)
    constraints = value(database, f"""
        select conrelid::regclass::text || '|' || conname || '|' || contype::text || '|' || pg_get_constraintdef(oid)
          from pg_constraint
         where contype in ('p', 'u', 'f') and (conrelid in ({names}) or confrelid in ({names}))
         order by contype = 'f', conname;""").splitlines()
    indexes = value(database, f"""
        select indexname || '|' || indexdef from pg_indexes i
         where tablename in ({", ".join(f"'{t}'" for t in tables)})
           and not exists (select from pg_constraint c where c.conname = i.indexname);""").splitlines()
    drops = [f"alter table {c.split('|')[0]} drop constraint {c.split('|')[1]};" for c in reversed(constraints)]
    drops += [f"drop index {i.split('|')[0]};" for i in indexes]
    psql(database, "\n".join(drops))
    load()
    creates = [f"alter table {t} add constraint {n} {d};" for t, n, _, d in (c.split("|", 3) for c in constraints)]
    creates += [i.split("|", 1)[1] + ";" for i in indexes]
    psql(database, "set maintenance_work_mem = '512MB';\n" + "\n".join(creates))


def seed(database, migrations, agents, others, other_customers, days, rings):
    """One customer with `agents` agents, `other_customers` with `others` each; every agent rings `rings` times
    a day for `days` days ending today (UTC). Ring mix: 80% answered (1-21 s to answer for most, up to 58 s for
    15%; 30-240 s of talk; the agent's 10-30 s wrap-up, released up to 1 s later as the local sweeper does),
    12% no answer (the 60 s ring timeout), 5% canceled by the caller, 3% failed."""
    t0 = time.time()
    psql(database, f"""
    set work_mem = '256MB';
    create table bench_agents as
      select c.id as customer_id, gen_random_uuid() as id, n,
             7 * 3600 + (n % 5) * 1800 as shift_start, 10 + n % 21 as wrapup_seconds
        from (select i, case when i = 0 then '{BIG}'::uuid else gen_random_uuid() end as id
                from generate_series(0, {other_customers}) i) c,
             lateral generate_series(1, case when c.i = 0 then {agents} else {others} end) n;
    create table bench_days as
      select (now() at time zone 'UTC')::date - i as day from generate_series(0, {days - 1}) i;
    -- Agents' current status, for the counts now: 40% available, 10% ringing, 25% busy (a fifth of them
    -- wrapping up), 10% away, 15% offline, each since a few minutes ago.
    insert into agent_agents (id, customer_id, username, password_hash, name, detail, ring_method, status, permission,
                              tag_ids, tm_create, wrapup_seconds, max_no_answer, status_since, wrapup_until)
      select id, customer_id, 'a' || n || '-' || customer_id || '@stats.example.com', 'x', 'Agent ' || n, '', 'ringall',
             s.status, 16, '{{}}',
             (select min(day) from bench_days)::timestamp at time zone 'UTC' - interval '1 day' + n * interval '1 s',
             wrapup_seconds, 3, now() - (n % 30) * interval '1 minute',
             case when s.status = 'busy' and n % 5 = 0 then now() + interval '10 s' end
        from bench_agents,
             lateral (select case when n % 20 < 8 then 'available' when n % 20 < 10 then 'ringing'
                                  when n % 20 < 15 then 'busy' when n % 20 < 17 then 'away' else 'offline' end as status) s;
    -- Every ring, with what became of it; released is when its wrap-up ended (answered rings only).
    create table bench_rings as
      select gen_random_uuid() as id, agent_id, customer_id, day, status, tm_create, tm_answer, tm_end,
             case when status = 'completed' then tm_end + wrapup_seconds * interval '1 s' + x * interval '1 s' end as released
        from (select *, case when status = 'completed' then tm_create + tta end as tm_answer,
                     case status when 'completed' then tm_create + tta + talk
                                 when 'no_answer' then tm_create + interval '60 s' + w * interval '1 s'
                                 when 'canceled' then tm_create + interval '2 s' + w * interval '25 s'
                                 else tm_create + interval '200 ms' + w * interval '1 s' end as tm_end
                from (select *, case when u < 0.80 then 'completed' when u < 0.92 then 'no_answer'
                                     when u < 0.97 then 'canceled' else 'failed' end as status,
                             case when v < 0.85 then interval '1 s' + v / 0.85 * interval '20 s'
                                  else interval '20 s' + (v - 0.85) / 0.15 * interval '38 s' end as tta,
                             interval '30 s' + w * interval '210 s' as talk
                        from (select a.id as agent_id, a.customer_id, a.wrapup_seconds, d.day,
                                     d.day::timestamp at time zone 'UTC'
                                       + (a.shift_start + k * {SLOT_S}
                                          + case when k >= {rings // 2} then {BREAK_S} else 0 end) * interval '1 s'
                                       + random() * interval '20 s' as tm_create,
                                     random() as u, random() as v, random() as w, random() as x
                                from bench_agents a, bench_days d, generate_series(0, {rings - 1}) k) r) r) r;
    """)
    print(f"seed: agents and rings in {time.time() - t0:.0f} s", flush=True)

    def load():
        t = time.time()
        psql(database, """
        set work_mem = '256MB';
        insert into agent_calls (id, customer_id, agent_id, dispatch_key, source, ring_method, status, ring_timeout, deadline,
                                 answered_leg_id, end_reason, tm_create, tm_answer, tm_end)
          select id, customer_id, agent_id, 'bench-' || id, '+15550001000', 'ringall', status, 60, tm_create + interval '60 s',
                 case when status = 'completed' then gen_random_uuid() end,
                 case status when 'completed' then 'hangup' when 'no_answer' then 'ring timeout'
                             when 'canceled' then 'caller hung up' else 'no leg could be placed' end,
                 tm_create, tm_answer, tm_end
            from bench_rings order by tm_create;
        """)
        print(f"seed: agent_calls in {time.time() - t:.0f} s", flush=True)
        t = time.time()
        # What the status owner writes for each ring (claim; answer and wrap-up over, or the unanswered end) and
        # for each working day (the agent goes available, away for its break and back, offline at the end), in
        # the order they happened, as the rows would lie in the table.
        psql(database, f"""
        set work_mem = '256MB';
        insert into agent_status_changes (id, customer_id, agent_id, previous_status, status, cause_type, cause_agent_id,
                                          cause_agentcall_id, tm_create)
          select gen_random_uuid(), customer_id, agent_id, previous, status, cause, cause_agent, call, at from (
            select r.customer_id, r.agent_id, c.*, null::uuid as cause_agent
              from bench_rings r, lateral (values
                ('available', 'ringing', 'claim', r.id, r.tm_create),
                ('ringing', case when r.status = 'completed' then 'busy' else 'available' end,
                 case r.status when 'completed' then 'answer' else r.status end, r.id, coalesce(r.tm_answer, r.tm_end)),
                ('busy', 'available', 'wrapup_over', r.id, r.released)) c(previous, status, cause, call, at)
             where c.at is not null
            union all
            select a.customer_id, a.id, c.*, a.id
              from bench_agents a, bench_days d,
                   lateral (select d.day::timestamp at time zone 'UTC' + a.shift_start * interval '1 s' as start) s,
                   lateral (values
                ('offline', 'available', 'agent', null::uuid, s.start),
                ('available', 'away', 'agent', null, s.start + {rings // 2 * SLOT_S} * interval '1 s'),
                ('away', 'available', 'agent', null, s.start + {rings // 2 * SLOT_S + BREAK_S} * interval '1 s'),
                ('available', 'offline', 'agent', null, s.start + {rings * SLOT_S + BREAK_S} * interval '1 s'))
                c(previous, status, cause, call, at)) t
           order by at;
        """)
        print(f"seed: agent_status_changes in {time.time() - t:.0f} s", flush=True)

    t = time.time()
    without_keys(database, ["agent_calls", "agent_status_changes"], load)
    print(f"seed: load and indexes in {time.time() - t:.0f} s", flush=True)
    t = time.time()
    # The rollups: the ring counters and answer histograms as V15 counts them from the agentcalls, then the time
    # in each status that the history above implies (a day: offline until the shift, the break away, ringing,
    # talking and wrapping up as each ring did, available the rest; 86,400,000 ms in all).
    psql(database, "set work_mem = '256MB';\n" + v15_backfill(migrations) + f"""
    insert into agent_stat_days (agent_id, day, customer_id, available_ms, ringing_ms, busy_ms, wrapup_ms, away_ms, offline_ms)
      select agent_id, day, customer_id, {(rings * SLOT_S) * 1000} - ringing - busy - wrapup, ringing, busy, wrapup,
             {BREAK_S * 1000}, {DAY_MS - (rings * SLOT_S + BREAK_S) * 1000}
        from (select agent_id, day, customer_id,
                     sum(floor(extract(epoch from coalesce(tm_answer, tm_end) - tm_create) * 1000))::bigint as ringing,
                     coalesce(sum(floor(extract(epoch from tm_end - tm_answer) * 1000)), 0)::bigint as busy,
                     coalesce(sum(floor(extract(epoch from released - tm_end) * 1000)), 0)::bigint as wrapup
                from bench_rings group by agent_id, day, customer_id) s
    on conflict (agent_id, day) do update set available_ms = excluded.available_ms, ringing_ms = excluded.ringing_ms,
        busy_ms = excluded.busy_ms, wrapup_ms = excluded.wrapup_ms, away_ms = excluded.away_ms, offline_ms = excluded.offline_ms;
    drop table bench_rings;
    drop table bench_agents;
    drop table bench_days;
    """)
    print(f"seed: agent_stat_days in {time.time() - t:.0f} s", flush=True)
    t = time.time()
    psql(database, "vacuum analyze;")
    print(f"seed: vacuum analyze in {time.time() - t:.0f} s; seeded in {time.time() - t0:.0f} s", flush=True)


def nearest_rank(times, p):
    ordered = sorted(times)
    return ordered[max(0, math.ceil(p * len(ordered)) - 1)]


def run_case(database, statements, runs):
    """statements: (sql with $n, [types], [argument literals]). Each run executes them in order; the case's time
    is the sum of its statements' times in that run."""
    script = []
    for i, (sql, types, _) in enumerate(statements):
        script.append(f"prepare q{i}({', '.join(types)}) as {sql};")
    executes = [f"execute q{i}({', '.join(args)});" for i, (_, _, args) in enumerate(statements)]
    script.append("\\o /dev/null")
    script += executes * 10  # past pgJDBC's prepareThreshold and PostgreSQL's custom-plan trials
    script += ["\\timing on"] + executes * runs + ["\\timing off", "\\o"]
    script += [f"explain (analyze, buffers, costs off) {e}" for e in executes]
    out = psql(database, "\n".join(script))
    times = [float(m) for m in re.findall(r"^Time: ([\d.]+) ms", out, re.M)]
    n = len(statements)
    totals = [sum(times[r * n:(r + 1) * n]) for r in range(runs)]
    each = [[times[r * n + i] for r in range(runs)] for i in range(n)]
    plans = [p.strip() for p in re.split(r"(?m)^(?=\s*QUERY PLAN)", "\n".join(
        line for line in out.splitlines() if not line.startswith("Time:"))) if p.strip()]
    return totals, each, plans


def http_times(base, path, token, runs):
    times = []
    for i in range(HTTP_WARMUP + runs):
        out = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{time_total}", "-H",
                              f"Authorization: Bearer {token}", base + path], capture_output=True, text=True, check=True).stdout
        code, seconds = out.split()
        if code != "200":
            raise RuntimeError(f"GET {path}: {code}")
        if i >= HTTP_WARMUP:
            times.append(float(seconds) * 1000)
    return times


def time_routes(base, username, password, agent, first, last, runs):
    token = login(base, username, password)
    print(f"\nHTTP end to end at {base}: curl's time_total of {runs} requests after {HTTP_WARMUP}, "
          f"with a JWT of the customer's admin; load: {os.getloadavg()}\n")
    print("| route | p50 ms | p95 ms | max ms |\n|---|---|---|---|")
    for path in (f"/v1.0/agent_statistics?from={first}&to={last}", f"/v1.0/agents/{agent}/statistics?from={first}&to={last}",
                 f"/v1.0/agent_statistics?from={last}&to={last}", f"/v1.0/agents/{agent}/statistics?from={last}&to={last}"):
        t = http_times(base, path, token, runs)
        print(f"| GET {path.replace(agent, '{id}')} | {statistics.median(t):.1f} | {nearest_rank(t, 0.95):.1f} | {max(t):.1f} |",
              flush=True)
    print(f"load after: {os.getloadavg()}")


def login(base, username, password):
    request = urllib.request.Request(base + "/auth/login", method="POST", headers={"Content-Type": "application/json"},
                                     data=json.dumps({"username": username, "password": password}).encode())
    with urllib.request.urlopen(request) as response:
        return json.load(response)["token"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", required=True)
    parser.add_argument("--migrations", required=True)
    parser.add_argument("--agents", type=int, default=1_000)
    parser.add_argument("--others", type=int, default=50, help="agents of each other customer")
    parser.add_argument("--other-customers", type=int, default=4)
    parser.add_argument("--days", type=int, default=31)
    parser.add_argument("--rings", type=int, default=100, help="rings per agent per day")
    parser.add_argument("--runs", type=int, default=51)
    parser.add_argument("--skip-seed", action="store_true")
    parser.add_argument("--http", metavar="BASE", help="time the two statistics routes at BASE (the local app on this database)")
    parser.add_argument("--http-only", action="store_true", help="with --http: only the routes, not the statements")
    parser.add_argument("--username", default="admin@stats.example.com")
    parser.add_argument("--password", default="change-me-now")
    args = parser.parse_args()
    if not args.skip_seed:
        applied = migrate(args.database, args.migrations)
        print("migrations:", ", ".join(applied))
        seed(args.database, args.migrations, args.agents, args.others, args.other_customers, args.days, args.rings)
    print(value(args.database, f"""\\pset format aligned
        \\pset tuples_only off
        select (select count(*) from agent_agents) as agents,
               (select count(*) from agent_agents where customer_id = '{BIG}') as in_measured,
               (select count(distinct customer_id) from agent_agents) as customers,
               (select count(*) from agent_calls) as agent_calls, (select count(*) from agent_status_changes) as status_changes,
               (select count(*) from agent_stat_days) as stat_days,
               pg_size_pretty(pg_total_relation_size('agent_stat_days')) as stat_days_size,
               pg_size_pretty(pg_total_relation_size('agent_status_changes')) as history_size;"""))
    last = value(args.database, "select max(day) from agent_stat_days;")
    first = value(args.database, f"select date '{last}' - 30;")
    # One agent from the middle of the customer's seeded ones (the admin the local app adds has a real password hash).
    seeded = f"agent_agents where customer_id = '{BIG}' and password_hash = 'x'"
    agent = value(args.database, f"select id from {seeded} order by tm_create desc, id desc "
                                 f"offset (select count(*) / 2 from {seeded}) limit 1;")
    # The history window: the month up to the end of the last day, as a client paging through it would give it.
    h_from, h_to = f"'{first} 00:00:00+00'", f"'{last}'::date + 1"
    window_rows = (f"agent_status_changes where agent_id = '{agent}' "
                   f"and tm_create >= {h_from} and tm_create < ({h_to})::timestamptz")
    history_rows = int(value(args.database, f"select count(*) from {window_rows};"))
    # The cursor a client holds after 50 pages of 100 (or the oldest row, when the window holds fewer).
    deep = value(args.database, f"""select tm_create || '|' || id from {window_rows}
        order by tm_create desc, id desc offset {min(50 * 100, history_rows) - 1} limit 1;""").split("|")
    sums = lambda column, frm, to: (SUMS.format(column=column), ["uuid", "date", "date"],
                                    [f"'{BIG if column == 'customer_id' else agent}'", f"'{frm}'", f"'{to}'"])
    by_id = (AGENT_BY_ID, ["uuid"], [f"'{agent}'"])
    history_types = ["uuid", "timestamptz", "timestamptz"]
    history_args = [f"'{agent}'", f"{h_from}::timestamptz", f"({h_to})::timestamptz"]
    cases = [
        ("(a) customer, 31 days", [sums("customer_id", first, last), (LIVE_STATUSES, ["uuid"], [f"'{BIG}'"])]),
        ("(b) customer, today", [sums("customer_id", last, last), (LIVE_STATUSES, ["uuid"], [f"'{BIG}'"])]),
        ("(c) one agent, 31 days", [by_id, sums("agent_id", first, last)]),
        ("(d) one agent, today", [by_id, sums("agent_id", last, last)]),
        ("(e) counts by status now", [(COUNT_BY_STATUS, ["uuid"], [f"'{BIG}'"])]),
        ("(f) status history, first page (100)",
         [by_id, (HISTORY.format(after="", o=4, n=5), history_types + ["int", "int"], history_args + ["0", "100"])]),
        ("(f) status history, 50 pages deep (100)",
         [by_id, (HISTORY.format(after=HISTORY_AFTER, o=6, n=7), history_types + ["timestamptz", "uuid", "int", "int"],
                  history_args + [f"'{deep[0]}'", f"'{deep[1]}'", "0", "100"])]),
    ]
    print(f"\nwindow {first} to {last} (today: {last}); one agent: {agent}, {history_rows} history rows in the window; "
          f"load: {os.getloadavg()}")
    if not args.http_only:
        time_statements(args.database, cases, args.runs)
    if args.http:
        time_routes(args.http, args.username, args.password, agent, first, last, args.runs)


def time_statements(database, cases, runs):
    print(f"p50 and p95 of {runs} runs of each case's statements (the sum of a run's statements), ms\n")
    print("| case | statements | p50 ms | p95 ms | max ms | per statement p50 / p95 ms |\n|---|---|---|---|---|---|")
    plans = []
    for name, statements in cases:
        totals, each, case_plans = run_case(database, statements, runs)
        per = "; ".join(f"{statistics.median(t):.2f} / {nearest_rank(t, 0.95):.2f}" for t in each)
        print(f"| {name} | {len(statements)} | {statistics.median(totals):.2f} | {nearest_rank(totals, 0.95):.2f} | "
              f"{max(totals):.2f} | {per} |", flush=True)
        plans.append((name, statements, case_plans))
    print(f"load after: {os.getloadavg()}")
    for name, statements, case_plans in plans:
        print(f"\n#### {name}\n")
        for (sql, _, _), plan in zip(statements, case_plans):
            shown = re.sub(r"sum\(answer_histogram\[2\]\).*sum\(answer_histogram\[114\]\), ",
                           "... (one sum per bucket) ..., ", sql)
            print(f"```\n{shown}\n\n{plan}\n```")


if __name__ == "__main__":
    main()
