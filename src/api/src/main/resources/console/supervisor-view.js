// The supervisor's views: the customer's agents with live status and today's figures, and one agent to
// change, with its statistics and status history.
import { api, grantable, PERMISSION } from './api.js';
import { $, el, badge, changed, describe, fieldError } from './ui.js';
import { TagNames } from './tags.js';
import { AgentStats } from './agent-stats.js';
import { FIGURES_EVERY, STATUSES, count, duration } from './figures.js';

const ROLES = [[PERMISSION.SUPERADMIN, 'superadmin'], [PERMISSION.ADMIN, 'admin'], [PERMISSION.MANAGER, 'manager'], [PERMISSION.AGENT, 'agent']];

const PAGE_SIZE = 50;

function roles(permission) {
  const names = ROLES.filter(([bit]) => permission & bit).map(([, name]) => name);
  return names.length ? names.join(', ') : 'none';
}

/** One catalog for the table and the opened agent: both show and pick tags by name. */
const tags = new TagNames();

export class AgentsTable {
  constructor(onAuthLost) {
    this.onAuthLost = onAuthLost;
    this.pages = 1;
    this.figures = new CustomerFigures();
    $('filter-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.pages = 1;
      this.refresh().catch((error) => this.filterFailed(error));
    });
    $('agents-more').addEventListener('click', () => {
      this.pages += 1;
      this.refresh().catch((error) => this.filterFailed(error));
    });
  }

  interval() {
    return 3000;
  }

  filterFailed(error) {
    if (error.status === 401) return this.onAuthLost();
    fieldError('filter-tag-error', describe(error));
  }

  query(pageToken) {
    const params = new URLSearchParams({ page_size: String(PAGE_SIZE) });
    const status = $('filter-status').value;
    const tag = $('filter-tag').value.trim();
    if (status) params.set('status', status);
    if (tag) params.set('tag_ids', tag);
    if (pageToken) params.set('page_token', pageToken);
    return params.toString();
  }

  /**
   * The pages shown so far, re-read whole on each poll so the statuses (and tag names) are current, with
   * the counts by status now and (when due) today's figures beside them.
   */
  async refresh() {
    await tags.load();
    this.renderTagFilter();
    const [{ agents, more }] = await Promise.all([this.readAgents(), this.figures.refresh()]);
    fieldError('filter-tag-error', null);
    this.renderCounts();
    this.render(agents, more);
  }

  async readAgents() {
    const agents = [];
    let token = '';
    for (let page = 0; page < this.pages; page += 1) {
      const answer = await api.agents(this.query(token));
      agents.push(...answer.result);
      // The API hands out a token with every non-empty page; only a full page can have a next one.
      token = answer.result.length === PAGE_SIZE ? answer.next_page_token : '';
      if (!token) break;
    }
    return { agents, more: Boolean(token) };
  }

  /** The header: how many of the customer's agents are in each status now (all agents, whatever the filter). */
  renderCounts() {
    const now = this.figures.now;
    const box = $('status-now');
    if (!changed(box, now)) return;
    box.replaceChildren(...[...STATUSES, 'total'].map((status) => el('li', { 'data-status': status },
      el('span', { class: 'count', text: count(now?.[status]) }), ' ',
      status === 'total' ? el('span', { class: 'muted', text: 'agents' }) : badge(status))));
  }

  /** The tag filter lists the customer's tags by name; the one picked stays picked while it exists. */
  renderTagFilter() {
    const select = $('filter-tag');
    const options = tags.sorted().map((tag) => ({ id: tag.id, name: tag.name }));
    if (!changed(select, options)) return;
    const picked = select.value;
    select.replaceChildren(el('option', { value: '', text: 'Any' }), ...options.map((tag) => el('option', { value: tag.id, text: tag.name })));
    select.value = options.some((tag) => tag.id === picked) ? picked : '';
  }

  render(agents, more) {
    const filtered = $('filter-status').value || $('filter-tag').value;
    $('agents-summary').textContent = agents.length
      ? `${agents.length} agent${agents.length === 1 ? '' : 's'}${filtered ? ' match the filter' : ''}.`
      : (filtered ? 'No agent matches the filter.' : 'No agents yet.');
    $('agents-more').hidden = !more;
    const problem = this.figures.problem;
    fieldError('figures-error', problem && `Figures could not be read: ${describe(problem)}`);
    const today = this.figures.byAgent;
    // Redrawn only when something changed, so a focused row keeps its focus between polls.
    if (!changed($('agents-body'), { agents, tags: [...tags.byId.values()], today: agents.map((agent) => today.get(agent.id)) })) return;
    $('agents-body').replaceChildren(...agents.map((agent) => el('tr', { 'data-agent': agent.username },
      el('td', {}, el('a', { href: `#/agents/${agent.id}`, text: agent.name || agent.username }), el('div', { class: 'muted small', text: agent.username })),
      el('td', {}, badge(agent.status)),
      // An agent the day's figures do not list yet (made since they were read) shows dashes until the next read.
      el('td', { class: 'num', 'data-figure': 'answered', text: count(today.get(agent.id)?.answered) }),
      el('td', { class: 'num', 'data-figure': 'missed', text: count(today.get(agent.id)?.missed) }),
      el('td', { class: 'num', 'data-figure': 'answer-mean', text: duration(today.get(agent.id)?.time_to_answer_mean_ms) }),
      el('td', { text: roles(agent.permission) }),
      el('td', {}, agent.tag_ids.length ? agent.tag_ids.map((id) => tags.chip(id)) : el('span', { class: 'muted', text: '—' })),
      el('td', { text: String(agent.addresses.length) }))));
  }
}

/**
 * The customer's counts by status now (read on every poll: they are the header's live numbers) and today's
 * figures per agent (re-read when due). A failed read leaves the table working: the counts show dashes,
 * the figures keep their last values, and the note under the header says what failed.
 */
class CustomerFigures {
  constructor() {
    this.now = null;
    this.byAgent = new Map();
    this.todayAt = 0;
    this.nowProblem = null;
    this.todayProblem = null;
  }

  get problem() {
    return this.nowProblem || this.todayProblem;
  }

  refresh() {
    const jobs = [this.readNow()];
    if (Date.now() - this.todayAt >= FIGURES_EVERY) jobs.push(this.readToday());
    return Promise.all(jobs);
  }

  async readNow() {
    try {
      this.now = await api.statusNow();
      this.nowProblem = null;
    } catch (error) {
      if (error.status === 401) throw error;
      this.now = null;
      this.nowProblem = error;
    }
  }

  async readToday() {
    this.todayAt = Date.now();
    try {
      const today = await api.statistics('');
      this.byAgent = new Map(today.result.map((statistics) => [statistics.agent_id, statistics]));
      this.todayProblem = null;
    } catch (error) {
      if (error.status === 401) throw error;
      this.todayProblem = error;
    }
  }
}

export class AgentDetail {
  constructor(onAuthLost) {
    this.onAuthLost = onAuthLost;
    this.agent = null;
    this.caller = null;
    this.stats = new AgentStats(onAuthLost);
    $('detail-status-form').addEventListener('submit', (event) => this.save(event, 'detail-status-error',
      () => api.setStatus(this.agent.id, $('detail-status').value)));
    $('detail-tags-form').addEventListener('submit', (event) => this.save(event, 'detail-tags-error',
      () => api.setTags(this.agent.id, [...document.querySelectorAll('#detail-tags input[name=tag]:checked')].map((box) => box.value))));
    $('detail-permission-form').addEventListener('submit', (event) => this.save(event, 'detail-permission-error',
      () => api.setPermission(this.agent.id, [...document.querySelectorAll('#detail-permission-form input[name=bit]:checked')]
        .reduce((bits, box) => bits | Number(box.value), this.agent.permission & PERMISSION.SUPERADMIN))));
    $('detail-addresses-form').addEventListener('submit', (event) => this.save(event, 'detail-addresses-error',
      () => api.setAddresses(this.agent.id, [...document.querySelectorAll('#detail-addresses .addr-row')].map((row) => ({
        type: row.querySelector('select').value,
        target: row.querySelector('input[name=target]').value.trim(),
        detail: row.querySelector('input[name=detail]').value.trim(),
      })))));
    $('detail-address-add').addEventListener('click', () => {
      const row = addressRow({ type: 'tel', target: '', detail: '' });
      $('detail-addresses').append(row);
      row.querySelector('input').focus();
    });
  }

  interval() {
    return 3000;
  }

  /** Opens an agent: every field is filled from the API; afterwards only the live status is refreshed. */
  async open(id, caller) {
    this.caller = caller;
    this.agent = null;
    for (const id of ['detail-problem', 'detail-status-error', 'detail-addresses-error', 'detail-tags-error', 'detail-permission-error',
      'detail-stats-error', 'detail-history-error']) {
      fieldError(id, null);
    }
    $('detail-saved').textContent = '';
    try {
      [this.agent] = await Promise.all([api.agent(id), tags.load()]);
    } catch (error) {
      if (error.status === 401) return this.onAuthLost();
      $('detail-name').textContent = 'Agent';
      $('detail-username').textContent = '';
      fieldError('detail-problem', describe(error));
      this.showForms(false);
      if (error.status === 0 || error.status >= 500 || error.status === 429) throw error;
      return;
    }
    this.showForms(true);
    this.fill();
    await this.stats.open(this.agent);
  }

  showForms(visible) {
    for (const id of ['detail-status-form', 'detail-stats', 'detail-history', 'detail-addresses-form', 'detail-tags-form', 'detail-permission-form']) {
      $(id).hidden = !visible;
    }
  }

  fill() {
    const agent = this.agent;
    $('detail-name').textContent = agent.name || agent.username;
    $('detail-username').textContent = agent.username;
    this.renderStatus();
    $('detail-status').value = ['available', 'away', 'offline'].includes(agent.status) ? agent.status : 'available';
    $('detail-addresses').replaceChildren(...agent.addresses.map(addressRow));
    this.fillTags();
    const mine = grantable(this.caller);
    for (const box of document.querySelectorAll('#detail-permission-form input[name=bit]')) {
      const bit = Number(box.value);
      box.checked = (agent.permission & bit) !== 0;
      box.disabled = (mine & bit) === 0;
    }
  }

  /**
   * A box per tag of the customer, by name, ticked when the agent carries it. Ids the agent carries that
   * name no live tag are listed too (ticked), so saving keeps them unless the supervisor unticks them.
   */
  fillTags() {
    const carried = this.agent.tag_ids;
    const ids = [...tags.sorted().map((tag) => tag.id), ...carried.filter((id) => !tags.byId.has(id))];
    $('detail-tags').replaceChildren(...(ids.length
      ? ids.map((id) => el('label', { class: 'check' },
        el('input', { type: 'checkbox', name: 'tag', value: id, checked: carried.includes(id) }), ` ${tags.label(id)}`))
      : [el('p', { class: 'muted', text: 'The customer has no tags yet (POST /v1.0/tags makes one).' })]));
  }

  renderStatus() {
    const now = $('detail-status-now');
    now.textContent = this.agent.status;
    now.className = `badge ${this.agent.status}`;
  }

  async refresh() {
    if (!this.agent) return;
    this.agent = { ...this.agent, status: (await api.agent(this.agent.id)).status };
    this.renderStatus();
    await this.stats.refresh(this.agent.status);
  }

  async save(event, errorId, change) {
    event.preventDefault();
    if (!this.agent) return;
    fieldError(errorId, null);
    $('detail-saved').textContent = '';
    const button = event.target.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      this.agent = await change();
      this.fill();
      $('detail-saved').textContent = 'Saved.';
    } catch (error) {
      if (error.status === 401) return this.onAuthLost();
      fieldError(errorId, describe(error));
      $(errorId).previousElementSibling?.focus?.();
    } finally {
      button.disabled = false;
    }
  }
}

let rows = 0;

function addressRow(address) {
  rows += 1;
  const n = rows;
  const type = el('select', { id: `addr-type-${n}` }, ['tel', 'sip', 'extension'].map((t) => el('option', { value: t, text: t })));
  type.value = address.type;
  const remove = el('button', { type: 'button', class: 'quiet', text: 'Remove', 'aria-label': `Remove address ${address.target}`.trim() });
  const row = el('div', { class: 'addr-row' },
    el('div', {}, el('label', { for: `addr-type-${n}`, text: 'Type' }), type),
    el('div', {}, el('label', { for: `addr-target-${n}`, text: 'Target' }), el('input', { id: `addr-target-${n}`, name: 'target', value: address.target, 'aria-describedby': 'detail-addresses-error' })),
    el('div', {}, el('label', { for: `addr-detail-${n}`, text: 'Detail' }), el('input', { id: `addr-detail-${n}`, name: 'detail', value: address.detail || '' })),
    remove);
  remove.addEventListener('click', () => row.remove());
  return row;
}
