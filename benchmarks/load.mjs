#!/usr/bin/env node
// Mixed-load benchmark against a running agentbin (the README's local run by default).
//
//   node benchmarks/load.mjs [--base http://localhost:8080] [--requests 2000] [--concurrency 32]
//                            [--username admin@example.com] [--password change-me-now]
//
// Logs in as the admin, creates a small pool of agents, then sends a bounded number of mixed requests
// (lists, reads, status and profile writes, address replacement, a few refused requests, a few logins)
// from a fixed number of concurrent workers, and prints throughput, latency percentiles and the count of
// each status. It exits non-zero when any answer is a 5xx. Only loopback addresses are accepted as targets.

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
    arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const base = args.base ?? 'http://localhost:8080';
const total = Number(args.requests ?? 2000);
const concurrency = Number(args.concurrency ?? 32);
const username = args.username ?? 'admin@example.com';
const password = args.password ?? 'change-me-now';

const host = new URL(base).hostname;
if (!['localhost', '127.0.0.1', '[::1]', '::1'].includes(host) && !host.startsWith('127.')) {
  console.error(`refusing to load ${base}: only loopback targets are allowed`);
  process.exit(2);
}

async function call(method, path, body, token) {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const started = process.hrtime.bigint();
  const response = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const millis = Number(process.hrtime.bigint() - started) / 1e6;
  return { status: response.status, text, millis };
}

const login = await call('POST', '/auth/login', { username, password });
if (login.status !== 200) {
  console.error(`login as ${username} failed: ${login.status} ${login.text}`);
  process.exit(2);
}
const token = JSON.parse(login.text).token;

const run = Date.now().toString(36);
const agents = [];
for (let i = 0; i < 8; i++) {
  const created = await call('POST', '/v1.0/agents', {
    username: `load-${run}-${i}@example.com`, password: 'load-test-password', name: `load ${i}`, permission: 16,
  }, token);
  if (created.status !== 200) {
    console.error(`creating agent ${i} failed: ${created.status} ${created.text}`);
    process.exit(2);
  }
  agents.push(JSON.parse(created.text).id);
}

const statuses = ['available', 'away', 'offline'];
const mix = [
  [25, i => ['GET', '/v1.0/agents?page_size=20']],
  [20, i => ['GET', `/v1.0/agents/${agents[i % agents.length]}`]],
  [10, i => ['GET', '/v1.0/me']],
  [15, i => ['PUT', `/v1.0/agents/${agents[i % agents.length]}/status`, { status: statuses[i % statuses.length] }]],
  [10, i => ['PUT', `/v1.0/agents/${agents[i % agents.length]}`, { name: `load ${i}`, detail: 'benchmark', ring_method: 'ringall' }]],
  [8, i => ['PUT', `/v1.0/agents/${agents[i % agents.length]}/addresses`,
    { addresses: [{ type: 'sip', target: `load-${run}-${i % agents.length}@pbx.example.com`, detail: 'sim:no-answer' }] }]],
  [7, i => ['PUT', `/v1.0/agents/${agents[i % agents.length]}/status`, { status: 'ringing' }]],
  [3, i => ['GET', `/v1.0/agents/not-a-uuid`]],
  [2, i => ['POST', '/auth/login', { username: `load-${run}-${i % agents.length}@example.com`, password: 'load-test-password' }, null]],
];
const weights = mix.reduce((sum, [weight]) => sum + weight, 0);
function pick(i) {
  let slot = (i * 7919) % weights;
  for (const [weight, make] of mix) {
    if (slot < weight) return make(i);
    slot -= weight;
  }
  throw new Error('unreachable');
}

const latencies = [];
const counts = {};
let next = 0;
const started = process.hrtime.bigint();
async function worker() {
  while (next < total) {
    const i = next++;
    const [method, path, body, override] = pick(i);
    try {
      const answer = await call(method, path, body, override === null ? undefined : token);
      latencies.push(answer.millis);
      counts[answer.status] = (counts[answer.status] ?? 0) + 1;
    } catch (error) {
      counts.network_error = (counts.network_error ?? 0) + 1;
    }
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

latencies.sort((a, b) => a - b);
const percentile = p => latencies[Math.min(latencies.length - 1, Math.ceil(p / 100 * latencies.length) - 1)].toFixed(1);
const fiveHundreds = Object.entries(counts).filter(([status]) => Number(status) >= 500 && Number(status) < 600)
    .reduce((sum, [, n]) => sum + n, 0);

console.log(`requests ${total}, concurrency ${concurrency}, target ${base}`);
console.log(`throughput ${(total / seconds).toFixed(1)} req/s over ${seconds.toFixed(1)} s`);
console.log(`latency ms: p50 ${percentile(50)}, p95 ${percentile(95)}, p99 ${percentile(99)}, max ${latencies.at(-1).toFixed(1)}`);
console.log(`statuses ${JSON.stringify(counts)}; 5xx ${fiveHundreds}`);
process.exit(fiveHundreds > 0 || counts.network_error ? 1 : 0);
