// Boot, routing (#/me, #/agents, #/agents/<id>), and the one polling loop. Polling re-reads the whole
// state each time, so a missed update is corrected by the next one.
import { api, isSupervisor } from './api.js';
import { $, describe, show } from './ui.js';
import { AgentView } from './agent-view.js';
import { AgentsTable, AgentDetail } from './supervisor-view.js';

const VIEWS = ['login-view', 'agent-view', 'supervisor-view', 'agent-detail', 'loading'];
const MAX_BACKOFF = 10000;

let me = null;
let current = null;
let timer = null;
let failures = 0;

const authLost = () => showLogin('Your session has ended. Log in again.');
const agentView = new AgentView(authLost);
const agentsTable = new AgentsTable(authLost);
const agentDetail = new AgentDetail(authLost);

function only(view) {
  for (const id of VIEWS) show(id, id === view);
}

function showLogin(reason) {
  stop();
  me = null;
  current = null;
  only('login-view');
  show('nav', false);
  show('logout', false);
  $('who').textContent = '';
  clearProblem();
  $('login-reason').textContent = reason || '';
  show('login-reason', Boolean(reason));
  $('username').focus();
}

function stop() {
  clearTimeout(timer);
  timer = null;
}

function clearProblem() {
  failures = 0;
  show('problem', false);
}

/** A poll failed: say so, and try again with a growing wait (or the one the API asked for). */
function pollFailed(error) {
  if (error.status === 401) return authLost();
  failures += 1;
  const wait = error.retryAfter ? error.retryAfter * 1000 : Math.min(MAX_BACKOFF, 1000 * 2 ** (failures - 1));
  $('problem-text').textContent = `${describe(error)} Retrying in ${Math.round(wait / 1000)} s.`;
  show('problem', true);
  schedule(wait);
}

function schedule(wait) {
  stop();
  timer = setTimeout(poll, wait);
}

async function poll() {
  if (!current) return;
  const view = current;
  try {
    await view.refresh();
    if (view !== current) return;
    clearProblem();
    schedule(view.interval());
  } catch (error) {
    if (view === current) pollFailed(error);
  }
}

async function route() {
  if (!me) return;
  const hash = location.hash || '#/me';
  const supervisor = isSupervisor(me);
  const detail = hash.match(/^#\/agents\/([0-9a-fA-F-]{36})$/);
  for (const link of document.querySelectorAll('#nav a')) {
    link.toggleAttribute('aria-current', false);
  }
  stop();
  if (supervisor && detail) {
    only('agent-detail');
    $('nav-agents').setAttribute('aria-current', 'page');
    current = agentDetail;
    try {
      await agentDetail.open(detail[1], me);
      schedule(agentDetail.interval());
    } catch (error) {
      pollFailed(error);
    }
  } else if (supervisor && hash.startsWith('#/agents')) {
    only('supervisor-view');
    $('nav-agents').setAttribute('aria-current', 'page');
    current = agentsTable;
    poll();
  } else {
    only('agent-view');
    $('nav-me').setAttribute('aria-current', 'page');
    current = agentView;
    poll();
  }
}

/** Who is logged in decides what is shown: supervisors get the Agents view besides their own. */
async function start() {
  try {
    me = await api.me();
  } catch (error) {
    if (error.status === 401) return showLogin();
    only('loading');
    $('loading').textContent = describe(error);
    failures += 1;
    timer = setTimeout(start, Math.min(MAX_BACKOFF, 1000 * 2 ** (failures - 1)));
    return;
  }
  failures = 0;
  $('who').textContent = me.name ? `${me.name} · ${me.username}` : me.username;
  show('nav', true);
  show('nav-agents', isSupervisor(me));
  show('logout', true);
  await route();
}

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = $('login-submit');
  show('login-error', false);
  button.disabled = true;
  try {
    await api.login($('username').value.trim(), $('password').value);
    $('password').value = '';
    show('login-reason', false);
    await start();
    $('main').focus();
  } catch (error) {
    $('login-error').textContent = error.status === 401 ? 'Wrong username or password.' : describe(error);
    show('login-error', true);
  } finally {
    button.disabled = false;
  }
});

$('logout').addEventListener('click', async () => {
  try {
    await api.logout();
    showLogin('You are logged out.');
  } catch (error) {
    $('problem-text').textContent = `Could not log out: ${describe(error)}`;
    show('problem', true);
  }
});

$('problem-retry').addEventListener('click', () => (me ? poll() : start()));
window.addEventListener('hashchange', route);
start();
