// Every request to agentbin goes through here. The token is never seen by this script: login sets it
// as an HttpOnly cookie, and the browser sends it with every same-origin request.

/** A failed request: the HTTP status (0 when agentbin could not be reached) and the API's error envelope. */
export class ApiError extends Error {
  constructor(status, reason, message, requestId, retryAfter) {
    super(message);
    this.status = status;
    this.reason = reason;
    this.requestId = requestId;
    this.retryAfter = retryAfter;
  }
}

export async function request(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'CONNECTION_LOST', 'agentbin could not be reached.');
  }
  if (response.ok) {
    return response.status === 204 ? null : response.json();
  }
  const retryAfter = Number(response.headers.get('Retry-After')) || undefined;
  let error = {};
  try {
    error = (await response.json()).error || {};
  } catch (e) {
    // A gateway's own answer (a 502 from the load balancer, a throttled 429) has no envelope.
  }
  throw new ApiError(response.status, error.reason || `HTTP_${response.status}`,
    error.message || response.statusText || 'The request failed.', error.request_id, retryAfter);
}

export const api = {
  // The body holds the token too; it is dropped unread, the cookie is what the page uses.
  login: (username, password) => request('POST', '/auth/login', { username, password }).then(() => undefined),
  logout: () => request('POST', '/auth/logout'),
  me: () => request('GET', '/v1.0/me'),
  setMyStatus: (status) => request('PUT', '/v1.0/service_agents/me/status', { status }),
  recentCalls: (agentId) => request('GET', `/v1.0/agentcalls?agent_id=${encodeURIComponent(agentId)}&page_size=10`),
  agents: (query) => request('GET', `/v1.0/agents?${query}`),
  agent: (id) => request('GET', `/v1.0/agents/${encodeURIComponent(id)}`),
  setStatus: (id, status) => request('PUT', `/v1.0/agents/${encodeURIComponent(id)}/status`, { status }),
  setAddresses: (id, addresses) => request('PUT', `/v1.0/agents/${encodeURIComponent(id)}/addresses`, { addresses }),
  setTags: (id, tagIds) => request('PUT', `/v1.0/agents/${encodeURIComponent(id)}/tag_ids`, { tag_ids: tagIds }),
  tags: (query) => request('GET', `/v1.0/tags?${query}`),
  setPermission: (id, permission) => request('PUT', `/v1.0/agents/${encodeURIComponent(id)}/permission`, { permission }),
  // Statistics: days are UTC dates (YYYY-MM-DD), today when omitted; the query is built by the caller.
  statistics: (query) => request('GET', `/v1.0/agent_statistics?${query}`),
  statusNow: () => request('GET', '/v1.0/agent_statistics/now'),
  agentStatistics: (id, query) => request('GET', `/v1.0/agents/${encodeURIComponent(id)}/statistics?${query}`),
  statusHistory: (id, query) => request('GET', `/v1.0/agents/${encodeURIComponent(id)}/status_history?${query}`),
};

export const PERMISSION = { SUPERADMIN: 1, AGENT: 16, ADMIN: 32, MANAGER: 64 };

export function isSupervisor(agent) {
  return (agent.permission & (PERMISSION.SUPERADMIN | PERMISSION.ADMIN | PERMISSION.MANAGER)) !== 0;
}

/** The bits a caller may hand out, as the API's policy allows them. */
export function grantable(agent) {
  if (agent.permission & PERMISSION.SUPERADMIN) return PERMISSION.AGENT | PERMISSION.ADMIN | PERMISSION.MANAGER;
  let bits = 0;
  if (agent.permission & PERMISSION.ADMIN) bits |= PERMISSION.AGENT | PERMISSION.ADMIN | PERMISSION.MANAGER;
  if (agent.permission & PERMISSION.MANAGER) bits |= PERMISSION.AGENT | PERMISSION.MANAGER;
  return bits;
}
