#!/usr/bin/env python3
"""Scale benchmark: the agent list queries over 100,000 agents of one customer among 10 customers.

Builds the schema from the project's Flyway migrations (src/core/src/main/resources/db/migration, applied in
version order with psql), seeds it, then times the exact statements Hibernate sends for GET /v1.0/agents
(captured with quarkus.hibernate-orm.log.sql) as server-side prepared statements, as pgJDBC runs them
after its prepareThreshold: p50 of RUNS executions after warm-up, plus EXPLAIN (ANALYZE, BUFFERS) of each.
Called by benchmarks/scale.sh.
"""
import argparse
import os
import re
import statistics
import subprocess

BIG = "00000000-0000-4000-8000-00000000b100"
TAG = "00000000-0000-4000-8000-0000000007a0"
COLUMNS = ("id, answer_confirmation, customer_id, detail, max_no_answer, missed_rings, name, password_hash, permission, ring_method, "
           "status, status_call_id, tag_ids, tm_create, tm_delete, tm_update, token_epoch, username, wrapup_seconds, wrapup_until")
LIST = f"select {COLUMNS} from agent_agents where customer_id=$1 and tm_delete is null"
KEYSET = "(tm_create,id)<($T,$I)"
ORDER = "order by tm_create desc, id desc offset 0 rows fetch first $N rows only"


def psql(database, sql, capture=True):
    env = dict(os.environ, PGPASSWORD="agentbin")
    result = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "agentbin", "-d", database, "-v", "ON_ERROR_STOP=1",
                             "-qX", "-f", "-"], input=sql, env=env, capture_output=capture, text=True)
    if result.returncode:
        raise RuntimeError(result.stderr)
    return result.stdout


def migrate(database, migrations):
    files = sorted((f for f in os.listdir(migrations) if re.match(r"V\d+__.*\.sql$", f)),
                   key=lambda f: int(re.match(r"V(\d+)__", f).group(1)))
    for name in files:
        with open(os.path.join(migrations, name)) as f:
            psql(database, f.read())
    return files


def seed(database, agents, others, customers):
    """One customer with `agents` agents, customers-1 with `others` each; 3 addresses each; statuses and tags
    spread so that status=available and one tag select about a quarter of a customer."""
    psql(database, f"""
    create temporary table c as
      select (case when n = 0 then '{BIG}'::uuid else gen_random_uuid() end) as id,
             (case when n = 0 then {agents} else {others} end) as size
        from generate_series(0, {customers - 1}) n;
    insert into agent_agents (id, customer_id, username, password_hash, name, detail, ring_method, status, permission,
                              tag_ids, tm_create)
      select gen_random_uuid(), c.id, 'a' || i || '-' || c.id || '@scale.example.com', 'x', 'Agent ' || i, '',
             'ringall', (array['available','available','away','busy','offline'])[1 + (i * 7) % 5], 16,
             (array['{TAG}'::uuid, gen_random_uuid(), gen_random_uuid()])[1 + i % 3 : 2 + i % 3],
             timestamptz '2026-01-01' + make_interval(secs => i * 30 + (hashtext(c.id::text) & 15))
        from c, generate_series(1, c.size) i;
    insert into agent_addresses (id, agent_id, customer_id, type, target, detail, idx, tm_create)
      select gen_random_uuid(), a.id, a.customer_id, 'tel', '+1' || (2000000000 + row_number() over ())::text, '', n,
             a.tm_create
        from agent_agents a, generate_series(0, 2) n;
    vacuum analyze;
    """)


def cursor(database, status_and_tag, offset):
    """The (tm_create, id) of the row a client holding page offset/size's token would continue after."""
    where = " and status = 'available' and tag_ids && array['%s']::uuid[]" % TAG if status_and_tag else ""
    row = psql(database, f"\\pset format unaligned\n\\pset tuples_only on\n"
                         f"select tm_create, id from agent_agents where customer_id = '{BIG}' and tm_delete is null{where}"
                         f" order by tm_create desc, id desc offset {offset - 1} limit 1;").strip()
    return row.split("|")


def case(name, filtered, page_size, deep_pages):
    sql = LIST + (" and status=$2 and tag_ids&&$3" if filtered else "")
    types = ["uuid"] + (["varchar", "uuid[]"] if filtered else [])
    args = [f"'{BIG}'"] + (["'available'", f"array['{TAG}']::uuid[]"] if filtered else [])
    if deep_pages:
        t, i = len(types) + 1, len(types) + 2
        sql += " and " + KEYSET.replace("$T", f"${t}").replace("$I", f"${i}")
        types += ["timestamptz", "uuid"]
        args += ["$CURSOR_T", "$CURSOR_I"]
    n = len(types) + 1
    sql += " " + ORDER.replace("$N", f"${n}")
    types.append("int")
    args.append(str(page_size))
    return {"name": name, "sql": sql, "types": types, "args": args, "filtered": filtered, "deep": deep_pages,
            "page_size": page_size}


def run_case(database, c, runs):
    args = list(c["args"])
    if c["deep"]:
        t, i = cursor(database, c["filtered"], c["deep"] * c["page_size"])
        args = [a.replace("$CURSOR_T", f"'{t}'").replace("$CURSOR_I", f"'{i}'") for a in args]
    execute = f"execute q({', '.join(args)});"
    script = [f"prepare q({', '.join(c['types'])}) as {c['sql']};", "\\o /dev/null"]
    script += [execute] * 10  # past pgJDBC's prepareThreshold and PostgreSQL's custom-plan trials
    script += ["\\timing on"] + [execute] * runs + ["\\timing off", "\\o"]
    script += [f"explain (analyze, buffers, costs off) {execute}"]
    out = psql(database, "\n".join(script))
    times = [float(m) for m in re.findall(r"^Time: ([\d.]+) ms", out, re.M)]
    plan = "\n".join(line for line in out.splitlines() if not line.startswith("Time:")).strip()
    return statistics.median(times), plan


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", required=True)
    parser.add_argument("--migrations", required=True)
    parser.add_argument("--agents", type=int, default=100_000)
    parser.add_argument("--others", type=int, default=10_000)
    parser.add_argument("--customers", type=int, default=10)
    parser.add_argument("--runs", type=int, default=51)
    parser.add_argument("--skip-seed", action="store_true")
    args = parser.parse_args()
    if not args.skip_seed:
        applied = migrate(args.database, args.migrations)
        print("migrations:", ", ".join(applied))
        seed(args.database, args.agents, args.others, args.customers)
    counts = psql(args.database, "\\pset format unaligned\n\\pset tuples_only on\nselect count(*), "
                  f"count(*) filter (where customer_id = '{BIG}'), count(distinct customer_id) from agent_agents;")
    total, big, customers = counts.strip().split("|")
    print(f"agents: {total} in {customers} customers, {big} in the measured one; p50 of {args.runs} executions\n")
    cases = [case("list, first page", False, 10, 0), case("list, first page", False, 100, 0),
             case("list, 500 pages deep", False, 10, 500), case("list, 500 pages deep", False, 100, 500),
             case("status + tag, first page", True, 10, 0), case("status + tag, first page", True, 100, 0),
             case("status + tag, 500 pages deep", True, 10, 500)]
    plans = []
    print("| query | page_size | p50 ms |\n|---|---|---|")
    for c in cases:
        p50, plan = run_case(args.database, c, args.runs)
        print(f"| {c['name']} | {c['page_size']} | {p50:.2f} |", flush=True)
        plans.append((f"{c['name']}, page_size {c['page_size']}", c["sql"], plan))
    for title, sql, plan in plans:
        print(f"\n#### {title}\n\n```\n{sql}\n\n{plan}\n```")


if __name__ == "__main__":
    main()
