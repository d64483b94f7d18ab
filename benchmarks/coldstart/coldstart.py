#!/usr/bin/env python3
"""Cold-start harness: runs Lambda function.zip files under AWS's runtime interface client (RIC) against a
loopback mock of the Lambda Runtime API, one fresh JVM per trial, and reports medians and ratios.

Each trial: start `java ... AWSLambda <handler>` with AWS_LAMBDA_RUNTIME_API pointing at a mock served
here; time process start -> the RIC asking for its first event ("init") -> the first response ("cold");
read the process's RSS; then send warm requests and time each (mock hands the event out -> response
back). Subjects are interleaved trial by trial so machine noise hits them alike; ratios are taken
against the framework floor measured in the same run.

Called by benchmarks/coldstart.sh, which builds the zips and the RIC's jars (the aot images' ric/), prepares
the database and the JWT key pair; see docs/benchmarks.md.
"""
import argparse
import base64
import http.server
import json
import os
import queue
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
import zipfile
from collections import Counter

HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest"
RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda"
# What AWS's java17/java21 runtimes set by default (tiered compilation stopped at C1, serial GC) plus a
# heap bound like a 512 MB function's; JAVA_TOOL_OPTIONS carries them as it would in Lambda.
LAMBDA_JVM_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx435m -Xshare:auto"
# Lambda binds org.crac to its runtime's implementation, the one the RIC calls before a snapshot.
CRAC_OF_THE_RIC = "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac"

CUSTOMER = "00000000-0000-4000-8000-0000000000c1"
ADMIN = "00000000-0000-4000-8000-0000000000a1"
# Every dispatch of a trial rings an agent of its own (the first and each warm one), all available again
# before the next trial's process starts: resetting one agent under a live process would race its timers.
DISPATCH_AGENTS = [f"00000000-0000-4000-8000-0000000d{n:04d}" for n in range(64)]
NEXT_DISPATCH = [0]


# ---------------------------------------------------------------- mock Lambda Runtime API

class MockRuntime:
    """The Runtime API endpoints the RIC uses: next, response, error, init error."""

    def __init__(self):
        self.events = queue.Queue()
        self.results = queue.Queue()
        self.handed_out = {}
        self.first_next_at = None
        self.restored_at = None
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self):
                super().setup()
                # Headers and body go out as two writes: without this, Nagle holds the body back for a
                # delayed ACK (~40 ms) and every warm request looks 40 ms slower than it is.
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def log_message(self, *args):
                pass

            def do_GET(self):
                if self.path.endswith("/runtime/restore/next"):
                    # SnapStart: the RIC ran the beforeCheckpoint hooks (priming); "restore" at once.
                    outer.restored_at = time.monotonic()
                    return self._reply(200, b"")
                if not self.path.endswith("/runtime/invocation/next"):
                    return self._reply(404, b"{}")
                if outer.first_next_at is None:
                    outer.first_next_at = time.monotonic()
                event = outer.events.get()
                request_id = str(uuid.uuid4())
                outer.handed_out[request_id] = time.monotonic()
                body = event.encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Lambda-Runtime-Aws-Request-Id", request_id)
                self.send_header("Lambda-Runtime-Deadline-Ms", str(int(time.time() * 1000) + 30000))
                self.send_header("Lambda-Runtime-Invoked-Function-Arn",
                                 "arn:aws:lambda:us-east-1:123456789012:function:bench")
                self.send_header("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000")
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                now = time.monotonic()
                m = re.search(r"/runtime/invocation/([^/]+)/(response|error)$", self.path)
                if m:
                    started = outer.handed_out.get(m.group(1), now)
                    outer.results.put((m.group(2), now, now - started, body))
                elif self.path.endswith("/runtime/init/error") or self.path.endswith("/runtime/restore/error"):
                    outer.results.put(("init-error", now, 0.0, body))
                self._reply(202, b"{}")

            def _reply(self, status, body):
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        class Server(http.server.ThreadingHTTPServer):
            def handle_error(self, request, client_address):
                pass  # the RIC's connection is reset when a trial kills its process: expected

        self.server = Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def invoke(self, event, timeout=60):
        self.events.put(event)
        return self.results.get(timeout=timeout)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


# ---------------------------------------------------------------- events

def jwt(private_key, agent_id, customer_id):
    def b64(data):
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()
    now = int(time.time())
    header = b64(json.dumps({"alg": "RS256", "typ": "JWT"}).encode())
    claims = b64(json.dumps({"iss": "agentbin", "aud": "agentbin-api", "sub": agent_id, "customer_id": customer_id,
                             "type": "agent", "iat": now, "exp": now + 86400}).encode())
    signing_input = f"{header}.{claims}".encode()
    signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign", private_key], input=signing_input,
                               capture_output=True, check=True).stdout
    return f"{header}.{claims}.{b64(signature)}"


def http_event(method, path, query="", token=None, body=None):
    params = dict(p.split("=", 1) for p in query.split("&") if p)
    event = {
        "version": "2.0", "routeKey": "$default", "rawPath": path, "rawQueryString": query,
        "headers": {"host": "bench.example.com", "accept": "application/json", "user-agent": "coldstart-bench"},
        "requestContext": {
            "accountId": "123456789012", "apiId": "bench", "domainName": "bench.example.com",
            "domainPrefix": "bench", "requestId": str(uuid.uuid4()), "routeKey": "$default", "stage": "$default",
            "time": time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime()), "timeEpoch": int(time.time() * 1000),
            "http": {"method": method, "path": path, "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1",
                     "userAgent": "coldstart-bench"}},
        "isBase64Encoded": False,
    }
    if params:
        event["queryStringParameters"] = params
    if token:
        event["cookies"] = [f"token={token}"]
    if body is not None:
        event["headers"]["content-type"] = "application/json"
        event["body"] = json.dumps(body)
    return json.dumps(event)


def sqs_event(body):
    message_id = str(uuid.uuid4())
    return json.dumps({"Records": [{
        "messageId": message_id, "receiptHandle": "bench-" + message_id, "body": json.dumps(body),
        "attributes": {"ApproximateReceiveCount": "1", "SentTimestamp": str(int(time.time() * 1000))},
        "messageAttributes": {}, "md5OfBody": "", "eventSource": "aws:sqs",
        "eventSourceARN": "arn:aws:sqs:us-east-1:123456789012:ring-requests", "awsRegion": "us-east-1"}]})


def ring_request():
    agent = DISPATCH_AGENTS[NEXT_DISPATCH[0] % len(DISPATCH_AGENTS)]
    NEXT_DISPATCH[0] += 1
    return sqs_event({"agent_id": agent, "customer_id": CUSTOMER, "source": "+15550100000",
                      "ring_timeout": 30})


def check_http(body, expect=200):
    answer = json.loads(body)
    if answer.get("statusCode") != expect:
        raise RuntimeError(f"expected HTTP {expect}, got {answer.get('statusCode')}: {answer.get('body')}")


def check_dispatch(body):
    answer = json.loads(body)
    if answer.get("batchItemFailures"):
        raise RuntimeError(f"dispatch reported failures: {body!r}")


# ---------------------------------------------------------------- database

def psql(sql):
    env = dict(os.environ, PGPASSWORD="agentbin")
    result = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "agentbin", "-d", ARGS.database, "-v", "ON_ERROR_STOP=1",
                             "-qtAc", sql], env=env, capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(result.stderr)
    return result.stdout.strip()


def seed():
    """The list request's caller and 50 agents with 3 addresses and 2 tags; one agent for dispatch."""
    psql(f"""
    delete from agent_call_legs; delete from agent_calls; delete from agent_addresses; delete from agent_agents;
    insert into agent_agents (id, customer_id, username, password_hash, name, ring_method, status, permission, tm_create)
      values ('{ADMIN}', '{CUSTOMER}', 'admin@bench.example.com', 'x', 'Admin', 'ringall', 'available', 32, now());
    insert into agent_agents (id, customer_id, username, password_hash, name, detail, ring_method, status, permission,
                              tag_ids, tm_create)
      select gen_random_uuid(), '{CUSTOMER}', 'agent' || i || '@bench.example.com', 'x', 'Agent ' || i, 'bench',
             'ringall', 'available', 16,
             array['5e4a0680-804e-11ec-8477-2fea5968d85b'::uuid, gen_random_uuid()],
             now() - make_interval(secs => i)
        from generate_series(1, 50) i;
    insert into agent_agents (id, customer_id, username, password_hash, name, ring_method, status, permission, tm_create)
      select a::uuid, '{CUSTOMER}', 'dispatch-' || a || '@bench.example.com', 'x', 'Dispatch', 'ringall', 'available',
             16, now() - interval '1 day'
        from unnest(array{DISPATCH_AGENTS}) a;
    insert into agent_addresses (id, agent_id, customer_id, type, target, detail, idx, tm_create)
      select gen_random_uuid(), a.id, a.customer_id, 'tel', '+1555' || lpad((row_number() over ())::text, 7, '0'),
             'sim:no-answer', n, now()
        from agent_agents a, generate_series(0, 2) n;
    """)


def reset_dispatch_agents():
    NEXT_DISPATCH[0] = 0
    psql(f"""
    delete from agent_call_legs; delete from agent_calls;
    update agent_agents set status = 'available', status_call_id = null, wrapup_until = null, missed_rings = 0
     where id = any (array{DISPATCH_AGENTS}::uuid[]);
    """)


# ---------------------------------------------------------------- trials

def extract(zip_path, into):
    if os.path.isdir(into):
        shutil.rmtree(into)
    with zipfile.ZipFile(zip_path) as z:
        z.extractall(into)
    return into


def cpu_ms(pid):
    """User + system CPU time of every thread of the process so far: less sensitive than wall time to what
    else the machine runs, though JIT and GC threads count in it too."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        fields = dict(line.split(":", 1) for line in f if ":" in line)
    return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])


class Subject:
    def __init__(self, name, task_dir, env, first_event, warm_event, check, reset=None, classpath=None,
                 jvm_options=None):
        self.name, self.task_dir, self.env = name, task_dir, env
        self.first_event, self.warm_event, self.check, self.reset = first_event, warm_event, check, reset
        # Set for AOT subjects: an ordered list of jars (a cache records its classpath) and the image's options.
        self.classpath, self.jvm_options = classpath, jvm_options


def start_under_ric(subject, java_home, jvm_options, mock, extra_env, log):
    classpath = ":".join(subject.classpath or [subject.task_dir, os.path.join(subject.task_dir, "lib", "*"),
                                               os.path.join(ARGS.ric, "*")])
    env = dict(os.environ)
    env.update({
        "AWS_LAMBDA_RUNTIME_API": f"127.0.0.1:{mock.port}", "LAMBDA_TASK_ROOT": subject.task_dir,
        "AWS_LAMBDA_FUNCTION_NAME": "bench-" + subject.name, "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "512",
        "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST", "AWS_REGION": "us-east-1", "_HANDLER": HANDLER,
        "JAVA_TOOL_OPTIONS": subject.jvm_options or jvm_options + " " + CRAC_OF_THE_RIC, "TZ": "UTC",
    })
    env.update(subject.env)
    env.update(extra_env or {})
    return subprocess.Popen([os.path.join(java_home, "bin", "java"), "-cp", classpath, RIC_MAIN, HANDLER],
                            env=env, stdout=log, stderr=subprocess.STDOUT, cwd=subject.task_dir)


def run_trial(subject, java_home, jvm_options, warm, extra_env=None, log_path=None):
    if subject.reset:
        subject.reset()
    mock = MockRuntime()
    log = open(log_path or os.path.join(ARGS.work, f"last-{subject.name}.log"), "w")
    started = time.monotonic()
    process = start_under_ric(subject, java_home, jvm_options, mock, extra_env, log)
    try:
        kind, at, latency, body = mock.invoke(subject.first_event())
        if kind != "response":
            raise RuntimeError(f"{subject.name}: {kind}: {body[:2000]!r}")
        subject.check(body)
        result = {"cold_ms": (at - started) * 1000,
                  "init_ms": ((mock.first_next_at or at) - started) * 1000,
                  "first_ms": latency * 1000}
        result["rss_kb"], _ = rss_kb(process.pid)
        result["cpu_ms"] = cpu_ms(process.pid)
        if mock.restored_at:
            # What Lambda reports as Restore Duration besides the snapshot load: the afterRestore hooks.
            result["restore_ms"] = (mock.first_next_at - mock.restored_at) * 1000
        latencies = []
        for _ in range(warm):
            kind, _, latency, body = mock.invoke(subject.warm_event())
            if kind != "response":
                raise RuntimeError(f"{subject.name} warm: {kind}: {body[:2000]!r}")
            latencies.append(latency * 1000)
        if latencies:
            result["warm_p50_ms"] = statistics.median(latencies)
            result["rss_after_warm_kb"], _ = rss_kb(process.pid)
        return result
    finally:
        process.kill()
        process.wait()
        log.close()
        mock.close()


# ---------------------------------------------------------------- AOT caches (the aot flavour's images)

TRAINING_MAIN = "dev.agentbin.snapstart.AotCacheTraining"
# Where the image build trains: no database (infra/aot/Dockerfile); a refused port fails fast.
NO_DATABASE = "jdbc:postgresql://127.0.0.1:9/aot-training"


def image_jvm_options():
    """The image's JVM options (its JAVA_TOOL_OPTIONS line) with this machine standing in for a 512 MB function,
    as the image's training does with the same MaxRAM: its heap is then 85% of 512 MB, like -Xmx435m above."""
    with open(ARGS.dockerfile) as f:
        m = re.search(r'^ENV JAVA_TOOL_OPTIONS="([^"]*)"', f.read(), re.M)
    if not m:
        raise RuntimeError(f"no ENV JAVA_TOOL_OPTIONS line in {ARGS.dockerfile}")
    return m.group(1) + " -XX:MaxRAM=512m"


def jars(directory):
    return sorted(os.path.join(directory, n) for n in os.listdir(directory) if n.endswith(".jar"))


def image_classpath(image_dir):
    """The image's order (its classpath.argfile): the runner jar, then lib/, then the runtime interface client."""
    app = os.path.join(image_dir, "app")
    if not os.path.isdir(app):
        raise RuntimeError(f"{image_dir} is missing: build with -Daot (./mvnw -B verify -DskipTests -Daot)")
    return jars(app) + jars(os.path.join(app, "lib")) + jars(os.path.join(image_dir, "ric"))


def floor_classpath():
    """The floor has no image: its function.zip's root classes packed into a jar, as the images hold them."""
    root_jar = os.path.join(ARGS.work, "floor-aot", "floor-root.jar")
    os.makedirs(os.path.dirname(root_jar), exist_ok=True)
    with zipfile.ZipFile(root_jar, "w") as z:
        for folder, _, files in os.walk(ARGS.floor_dir):
            for name in files:
                path = os.path.join(folder, name)
                entry = os.path.relpath(path, ARGS.floor_dir)
                if not entry.startswith("lib" + os.sep):
                    z.write(path, entry)
    return [root_jar] + jars(os.path.join(ARGS.floor_dir, "lib")) + jars(ARGS.ric)


def train_with_entry_point(subject, java_home, options, cache):
    """What the image build runs: the training main on the image's classpath and options, no database."""
    env = dict(os.environ, **subject.env)
    env.update({"JAVA_TOOL_OPTIONS": options, "TZ": "UTC"})
    if not ARGS.aot_train_with_database:
        env["QUARKUS_DATASOURCE_JDBC_URL"] = NO_DATABASE
    with open(os.path.join(ARGS.work, f"train-{subject.name}.log"), "w") as log:
        subprocess.run([os.path.join(java_home, "bin", "java"), "-XX:AOTCacheOutput=" + cache,
                        "-cp", ":".join(subject.classpath), TRAINING_MAIN],
                       env=env, stdout=log, stderr=subprocess.STDOUT, cwd=subject.task_dir, check=True, timeout=900)


def train_under_ric(subject, java_home, options, cache, requests=20):
    """The floor has no training main: serve some requests under the RIC, then stop it as Lambda would (SIGTERM),
    which is a normal exit: the JVM writes the cache before it ends."""
    mock = MockRuntime()
    training = Subject(subject.name, subject.task_dir, subject.env, subject.first_event, subject.warm_event,
                       subject.check, classpath=subject.classpath,
                       jvm_options=options + " -XX:AOTCacheOutput=" + cache)
    with open(os.path.join(ARGS.work, f"train-{subject.name}.log"), "w") as log:
        process = start_under_ric(training, java_home, None, mock, None, log)
        try:
            for _ in range(requests):
                kind, _, _, body = mock.invoke(subject.warm_event())
                if kind != "response":
                    raise RuntimeError(f"{subject.name} training: {kind}: {body[:2000]!r}")
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=900)
        finally:
            if process.poll() is None:
                process.kill()
            mock.close()


def aot_subjects(chosen, java_home):
    """For each chosen subject, its `-aot` twin: trained once here, then every trial starts with the cache."""
    options = image_jvm_options()
    twins = []
    for subject in chosen:
        if subject.name not in ("floor", "api", "dispatch"):
            continue
        cache = os.path.join(ARGS.work, f"{subject.name}.aot")
        if os.path.exists(cache):
            os.remove(cache)
        if subject.name == "floor":
            twin = Subject("floor-aot", subject.task_dir, subject.env, subject.first_event, subject.warm_event,
                           subject.check, subject.reset, classpath=floor_classpath())
            started = time.monotonic()
            train_under_ric(twin, java_home, options, cache)
        else:
            image = ARGS.api_image if subject.name == "api" else ARGS.events_image
            twin = Subject(subject.name + "-aot", os.path.join(image, "app"), subject.env, subject.first_event,
                           subject.warm_event, subject.check, subject.reset, classpath=image_classpath(image))
            started = time.monotonic()
            train_with_entry_point(twin, java_home, options, cache)
        if not os.path.exists(cache):
            raise RuntimeError(f"{twin.name}: the training run wrote no cache (see train-{subject.name}.log)")
        # AOTMode=on: a cache the JVM cannot use fails the trial instead of being measured as a start without it.
        twin.jvm_options = f"{options} -XX:AOTCache={cache} -XX:AOTMode=on"
        twin.cache_mb = os.path.getsize(cache) / 1024 / 1024
        print(f"trained {twin.name}: {twin.cache_mb:.0f} MB cache in {time.monotonic() - started:.0f} s", flush=True)
        twins.append(twin)
    return twins


# ---------------------------------------------------------------- reports

def summary(rows, key):
    values = [r[key] for r in rows if key in r]
    return statistics.median(values) if values else float("nan")


def ratio(value, base_rows, key):
    """value against the median of base_rows[key], as the tables print it; "-" without a base."""
    return f"{value / summary(base_rows, key):.2f}x" if base_rows else "-"


def report(results, runs):
    """results: {(jvm, subject): [trial dicts]}"""
    lines = []
    jvms = sorted({j for j, _ in results})
    for jvm in jvms:
        floor = results.get((jvm, "floor"))
        lines.append(f"\n### {jvm}: medians of {runs} fresh processes\n")
        lines.append("| subject | cold start ms | init ms | first request ms | CPU to first response ms "
                     "| RSS after first MB | warm p50 ms | first / warm | cold / floor | CPU / floor | RSS / floor |")
        lines.append("|---|---|---|---|---|---|---|---|---|---|---|")
        for (j, name), rows in sorted(results.items()):
            if j != jvm or name.endswith("-aot"):
                continue
            cold, rss = summary(rows, "cold_ms"), summary(rows, "rss_kb") / 1024
            first, warm = summary(rows, 'first_ms'), summary(rows, 'warm_p50_ms')
            cpu = summary(rows, "cpu_ms")
            lines.append(f"| {name} | {cold:.0f} | {summary(rows, 'init_ms'):.0f} | {first:.0f} | {cpu:.0f} "
                         f"| {rss:.0f} | {warm:.1f} | {first / warm:.1f}x | {ratio(cold, floor, 'cold_ms')} "
                         f"| {ratio(cpu, floor, 'cpu_ms')} | {ratio(rss * 1024, floor, 'rss_kb')} |")
    return "\n".join(lines)


def restore_report(results):
    """SnapStart rows: a restored instance's caller waits for the afterRestore hooks and the first request."""
    lines = ["\n| subject | afterRestore ms | first request ms | restore + first ms | warm p50 ms | first / warm "
             "| (restore + first) / warm |", "|---|---|---|---|---|---|---|"]
    for (jvm, name), rows in sorted(results.items()):
        if not all("restore_ms" in r for r in rows):
            continue
        both = statistics.median(r["restore_ms"] + r["first_ms"] for r in rows)
        first, warm = summary(rows, "first_ms"), summary(rows, "warm_p50_ms")
        lines.append(f"| {jvm} {name} | {summary(rows, 'restore_ms'):.0f} | {first:.0f} | {both:.0f} | {warm:.1f} "
                     f"| {first / warm:.1f}x | {both / warm:.1f}x |")
    return "\n".join(lines) if len(lines) > 2 else ""


def aot_report(results, runs, caches):
    """The -aot subjects of the AOT JVM, against the floor with its own cache and the plain floor."""
    jvm = ARGS.aot_jvm
    floor, floor_aot = results.get((jvm, "floor")), results.get((jvm, "floor-aot"))
    trained = ("api and dispatch trained with the database reachable, unlike the image build"
               if ARGS.aot_train_with_database else "trained as the image build trains them, without a database")
    lines = [f"\n### {jvm} with AOT caches ({trained}): medians of {runs} fresh processes\n",
             "| subject | cache MB | cold start ms | init ms | first request ms | RSS after first MB | warm p50 ms "
             "| cold / floor-aot | cold / floor | RSS / floor-aot | RSS / floor |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for (j, name), rows in sorted(results.items()):
        if j != jvm or not name.endswith("-aot"):
            continue
        cold, rss = summary(rows, "cold_ms"), summary(rows, "rss_kb")
        lines.append(f"| {name} | {caches[name]:.0f} | {cold:.0f} | {summary(rows, 'init_ms'):.0f} "
                     f"| {summary(rows, 'first_ms'):.0f} | {rss / 1024:.0f} | {summary(rows, 'warm_p50_ms'):.1f} "
                     f"| {ratio(cold, floor_aot, 'cold_ms')} | {ratio(cold, floor, 'cold_ms')} "
                     f"| {ratio(rss, floor_aot, 'rss_kb')} | {ratio(rss, floor, 'rss_kb')} |")
    return "\n".join(lines)


def class_profile(log_path, first_request_at_s):
    """Counts the classes a JVM loaded, by package, before init ended and during the first request."""
    before, during = Counter(), Counter()
    pattern = re.compile(r"^\[(\d+\.\d+)s\] (\S+) source: (.*)$")
    with open(log_path) as f:
        for line in f:
            m = pattern.match(line)
            if not m:
                continue
            parts = m.group(2).split(".")
            package = ".".join(parts[:3] if parts[0] in ("org", "com", "io", "jakarta", "dev") else parts[:2])
            (before if float(m.group(1)) < first_request_at_s else during)[package] += 1
    return before, during


# ---------------------------------------------------------------- main

def subjects():
    key = ARGS.private_key
    token = jwt(key, ADMIN, CUSTOMER)
    with open(ARGS.public_key) as f:
        public_pem = f.read()
    db = {"QUARKUS_DATASOURCE_JDBC_URL": f"jdbc:postgresql://127.0.0.1:5432/{ARGS.database}",
          "QUARKUS_DATASOURCE_USERNAME": "agentbin", "QUARKUS_DATASOURCE_PASSWORD": "agentbin",
          "QUARKUS_DATASOURCE_JDBC_MAX_SIZE": "2", "QUARKUS_FLYWAY_MIGRATE_AT_START": "false"}
    listing = lambda: http_event("GET", "/v1.0/agents", "page_size=10", token)
    available = {
        "floor": Subject("floor", ARGS.floor_dir, {}, listing, listing, check_http),
        "api": Subject("api", ARGS.api_dir, dict(db, AGENTBIN_JWT_PUBLIC_KEY=public_pem), listing, listing, check_http),
        # Outside dev and test the simulator needs its own webhook key, as a deployment's telephony secret gives it.
        "dispatch": Subject("dispatch", ARGS.events_dir, dict(db, QUARKUS_LAMBDA_HANDLER="ringall-dispatch",
                                                              AGENTBIN_TELEPHONY_SIMULATOR_SECRET="bench-simulator-key"),
                            ring_request, ring_request, check_dispatch, reset_dispatch_agents),
    }
    return [available[name] for name in ARGS.subjects.split(",")]


def migrate():
    """Runs the db-migrate function once under the same harness, as a deploy would."""
    subject = Subject("migrate", ARGS.events_dir,
                      {"QUARKUS_DATASOURCE_JDBC_URL": f"jdbc:postgresql://127.0.0.1:5432/{ARGS.database}",
                       "QUARKUS_DATASOURCE_USERNAME": "agentbin", "QUARKUS_DATASOURCE_PASSWORD": "agentbin",
                       "QUARKUS_FLYWAY_MIGRATE_AT_START": "true", "QUARKUS_LAMBDA_HANDLER": "migrate"},
                      lambda: "{}", lambda: "{}", lambda body: print("  migrate:", body.decode()))
    run_trial(subject, ARGS.jvms.split(",")[0].split("=", 1)[1], LAMBDA_JVM_OPTIONS, 0)


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warm", type=int, default=20)
    parser.add_argument("--subjects", default="floor,api,dispatch")
    parser.add_argument("--jvms", required=True, help="name=JAVA_HOME,...")
    parser.add_argument("--jvm-options", default=LAMBDA_JVM_OPTIONS)
    parser.add_argument("--database", required=True)
    parser.add_argument("--ric", required=True)
    parser.add_argument("--api-zip", required=True)
    parser.add_argument("--events-zip", required=True)
    parser.add_argument("--floor-zip", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--private-key", required=True)
    parser.add_argument("--public-key", required=True)
    parser.add_argument("--profile", action="store_true", help="one class-loading profile per subject instead of timings")
    parser.add_argument("--snapstart", action="store_true",
                        help="also run api and dispatch through SnapStart's hooks (priming before the snapshot)")
    parser.add_argument("--baseline-api-zip",
                        help="also api-baseline (and with --snapstart api-baseline-snapstart) from this older zip")
    parser.add_argument("--baseline-events-zip",
                        help="also dispatch-baseline (and dispatch-baseline-snapstart) from this older zip")
    parser.add_argument("--aot", action="store_true",
                        help="also run floor, api and dispatch with a JDK AOT cache, trained as the aot flavour's "
                             "image build trains it (java25 only)")
    parser.add_argument("--aot-train-with-database", action="store_true",
                        help="train api and dispatch with the database reachable, unlike the image build: what the "
                             "database half of priming would add to the cache")
    parser.add_argument("--aot-jvm", default="java25", help="the --jvms entry the AOT subjects run on")
    parser.add_argument("--api-image", help="src/api/target/aot-image (built with -Daot)")
    parser.add_argument("--events-image", help="src/events/target/aot-image (built with -Daot)")
    parser.add_argument("--dockerfile", help="infra/aot/Dockerfile: its JVM options")
    ARGS = parser.parse_args()
    ARGS.api_dir = extract(ARGS.api_zip, os.path.join(ARGS.work, "api"))
    ARGS.events_dir = extract(ARGS.events_zip, os.path.join(ARGS.work, "events"))
    ARGS.floor_dir = extract(ARGS.floor_zip, os.path.join(ARGS.work, "floor"))
    jvms = [tuple(j.split("=", 1)) for j in ARGS.jvms.split(",")]
    ARGS.ric = os.path.abspath(ARGS.ric)
    if ARGS.aot:
        ARGS.api_image, ARGS.events_image = os.path.abspath(ARGS.api_image), os.path.abspath(ARGS.events_image)

    migrate()
    seed()
    chosen = subjects()
    # An older build's zips beside the current ones, trial by trial, to compare a change.
    for subject in [s for s in chosen if s.name in ("api", "dispatch")]:
        baseline = {"api": ARGS.baseline_api_zip, "dispatch": ARGS.baseline_events_zip}[subject.name]
        if baseline:
            task_dir = extract(baseline, os.path.join(ARGS.work, subject.name + "-baseline"))
            chosen.append(Subject(subject.name + "-baseline", task_dir, subject.env,
                                  subject.first_event, subject.warm_event, subject.check, subject.reset))
    if ARGS.snapstart:
        # SnapStart's hooks as Lambda runs them: the RIC calls the org.crac beforeCheckpoint hooks (priming)
        # after init, asks for restore/next, calls afterRestore, then takes events. No snapshot is taken here:
        # "first request" is the first request after a primed init, what a restored instance would serve.
        snap = {"AWS_LAMBDA_INITIALIZATION_TYPE": "snap-start"}
        for subject in [s for s in chosen if s.name.split("-")[0] in ("api", "dispatch")]:
            chosen.append(Subject(subject.name + "-snapstart", subject.task_dir, dict(subject.env, **snap),
                                  subject.first_event, subject.warm_event, subject.check, subject.reset))
    aot = []
    if ARGS.aot:
        homes = dict(jvms)
        if ARGS.aot_jvm not in homes:
            raise SystemExit(f"--aot runs on {ARGS.aot_jvm}, which --jvms does not name")
        aot = aot_subjects(chosen, homes[ARGS.aot_jvm])
    if ARGS.profile:
        for subject in chosen:
            jvm_name, home = jvms[0]
            log = os.path.join(ARGS.work, f"profile-{subject.name}.log")
            out = os.path.join(ARGS.work, f"profile-{subject.name}.out")
            result = run_trial(subject, home, ARGS.jvm_options + f" -Xlog:class+load:file={log}:uptime"
                               " -Dquarkus.debug.print-startup-times=true", 0,
                               log_path=out)
            before, during = class_profile(log, result["init_ms"] / 1000)
            print(f"\n#### {subject.name} ({jvm_name}): cold {result['cold_ms']:.0f} ms, init {result['init_ms']:.0f} ms,"
                  f" first request {result['first_ms']:.0f} ms; classes loaded: {sum(before.values())} before the"
                  f" first request, {sum(during.values())} during it")
            print("| package | during init | during first request |\n|---|---|---|")
            for package, _ in (before + during).most_common(25):
                print(f"| {package} | {before[package]} | {during[package]} |")
        return

    results = {}
    for run in range(ARGS.runs):
        for jvm_name, home in jvms:
            for subject in chosen + (aot if jvm_name == ARGS.aot_jvm else []):
                r = run_trial(subject, home, ARGS.jvm_options, ARGS.warm)
                results.setdefault((jvm_name, subject.name), []).append(r)
                print(f"run {run + 1} {jvm_name:>6} {subject.name:>15}: cold {r['cold_ms']:6.0f} ms"
                      f"  init {r['init_ms']:6.0f}  first {r['first_ms']:6.1f}  cpu {r['cpu_ms']:6.0f}"
                      f"  rss {r['rss_kb'] / 1024:5.0f} MB"
                      f"  warm p50 {r.get('warm_p50_ms', float('nan')):5.1f} ms", flush=True)
    print(report(results, ARGS.runs))
    print(restore_report(results))
    if aot:
        print(aot_report(results, ARGS.runs, {s.name: s.cache_mb for s in aot}))
    with open(os.path.join(ARGS.work, "coldstart-results.json"), "w") as f:
        json.dump({f"{j}/{s}": rows for (j, s), rows in results.items()}, f, indent=1)


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    main()
