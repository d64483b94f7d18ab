// An opened agent's statistics and status history, over a window of whole UTC days (today when opened).
// Both read the API afresh: on opening, when another window is picked, and on the detail's poll when
// they can have moved (the window includes today, and the status changed or the figures are due).
import { api } from './api.js';
import { $, el, badge, changed, dateTime, describe, fieldError } from './ui.js';
import { FIGURES_EVERY, causeText, dayAfter, figureTiles, statusTimeTiles, todayUtc } from './figures.js';

const HISTORY_PAGE = 20;

export class AgentStats {
  constructor(onAuthLost) {
    this.onAuthLost = onAuthLost;
    this.agentId = null;
    this.window = null;
    this.status = null;
    this.historyPages = 1;
    this.figuresAt = 0;
    // Who changed a status, by agent id: read once per supervisor, null when the API does not show them.
    this.names = new Map();
    $('detail-stats-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.pick($('stats-from').value, $('stats-to').value);
    });
    $('stats-today').addEventListener('click', () => this.pick(todayUtc(), todayUtc()));
    $('detail-history-more').addEventListener('click', async () => {
      this.historyPages += 1;
      await this.loadHistory();
      // The button goes once the last page is in: keep the keyboard in the list, not on a vanished button.
      if ($('detail-history-more').hidden) $('detail-history-list').focus();
    });
  }

  /** A freshly opened agent: today's figures and the newest page of today's history. */
  open(agent) {
    this.agentId = agent.id;
    this.status = agent.status;
    $('detail-figures').replaceChildren();
    $('detail-status-time').replaceChildren();
    $('detail-history-list').replaceChildren();
    delete $('detail-history-list').dataset.drawn;
    return this.pick(todayUtc(), todayUtc());
  }

  pick(from, to) {
    $('stats-from').value = from;
    $('stats-to').value = to;
    if (!from || !to) return fieldError('detail-stats-error', 'Pick a first and a last day.');
    if (from > to) return fieldError('detail-stats-error', 'The first day must not be after the last day.');
    fieldError('detail-stats-error', null);
    this.window = { from, to };
    this.historyPages = 1;
    const today = todayUtc();
    $('detail-stats-window').textContent = from === to
      ? `${from === today ? 'Today' : from} (UTC day)`
      : `${from} to ${to} (UTC days)`;
    return Promise.all([this.loadFigures(), this.loadHistory()]);
  }

  /** On the detail's poll, with the agent's status now. */
  refresh(status) {
    const moved = status !== this.status;
    this.status = status;
    if (!this.window || this.window.to < todayUtc()) return Promise.resolve();
    // A ring can come and go between two polls: when the figures are due, the history is re-read with them.
    if (!moved && Date.now() - this.figuresAt < FIGURES_EVERY) return Promise.resolve();
    return Promise.all([this.loadFigures(), this.loadHistory()]);
  }

  /** Whether the agent or the window changed while a read was under way (its answer is then dropped). */
  stale(agentId, window) {
    return agentId !== this.agentId || window !== this.window;
  }

  async loadFigures() {
    const { agentId, window } = this;
    this.figuresAt = Date.now();
    let statistics = null;
    try {
      statistics = await api.agentStatistics(agentId, new URLSearchParams(window).toString());
      if (this.stale(agentId, window)) return;
      fieldError('detail-stats-error', null);
    } catch (error) {
      if (error.status === 401) return this.onAuthLost();
      if (this.stale(agentId, window)) return;
      fieldError('detail-stats-error', `The statistics could not be read. ${describe(error)}`);
    }
    $('detail-figures').replaceChildren(figureTiles(statistics, 'stat'));
    $('detail-status-time').replaceChildren(statusTimeTiles(statistics, 'stat-time'));
  }

  /** The pages shown so far, newest first, re-read whole so a new change lands on top. */
  async loadHistory() {
    const { agentId, window, historyPages } = this;
    const items = [];
    let token = '';
    try {
      for (let page = 0; page < historyPages; page += 1) {
        const params = new URLSearchParams({
          from: `${window.from}T00:00:00Z`, to: `${dayAfter(window.to)}T00:00:00Z`, page_size: String(HISTORY_PAGE),
        });
        if (token) params.set('page_token', token);
        const answer = await api.statusHistory(agentId, params.toString());
        items.push(...answer.result);
        // As for every list of the API: a token comes with every non-empty page, only a full one can have a next.
        token = answer.result.length === HISTORY_PAGE ? answer.next_page_token : '';
        if (!token) break;
      }
      await this.nameSupervisors(items);
    } catch (error) {
      if (error.status === 401) return this.onAuthLost();
      if (this.stale(agentId, window)) return;
      fieldError('detail-history-error', `The status history could not be read. ${describe(error)}`);
      return;
    }
    if (this.stale(agentId, window)) return;
    fieldError('detail-history-error', null);
    this.renderHistory(items, Boolean(token));
  }

  async nameSupervisors(items) {
    const unknown = new Set(items.map((item) => item.cause).filter((cause) => cause?.type === 'supervisor' && cause.agent_id
      && !this.names.has(cause.agent_id)).map((cause) => cause.agent_id));
    await Promise.all([...unknown].map(async (id) => {
      try {
        const agent = await api.agent(id);
        this.names.set(id, agent.name || agent.username);
      } catch (error) {
        if (error.status === 401) throw error;
        // Gone (deleted) or not of this customer: shown by a short id. Anything else is asked again next time.
        if (error.status === 404) this.names.set(id, null);
      }
    }));
  }

  renderHistory(items, more) {
    $('detail-history-more').hidden = !more;
    const rows = items.map((item) => ({
      id: item.id, when: dateTime(item.tm_create), previous: item.previous_status, status: item.status,
      cause: item.cause?.type || '', why: causeText(item.cause, this.names), call: item.cause?.agentcall_id || null,
    }));
    const box = $('detail-history-list');
    if (!changed(box, rows)) return;
    if (!rows.length) {
      box.replaceChildren(el('p', { class: 'muted', id: 'history-empty', text: 'No status changes in this window.' }));
      return;
    }
    box.replaceChildren(el('table', { id: 'history-table' },
      el('caption', { class: 'sr-only', text: 'Status changes, newest first' }),
      el('thead', {}, el('tr', {}, ['When', 'Change', 'Why'].map((name) => el('th', { scope: 'col', text: name })))),
      el('tbody', {}, rows.map((row) => el('tr', { 'data-status': row.status, 'data-cause': row.cause },
        el('td', { text: row.when }),
        el('td', {}, row.previous ? [badge(row.previous), el('span', { 'aria-hidden': 'true', text: ' → ' }), el('span', { class: 'sr-only', text: ' to ' })] : null, badge(row.status)),
        el('td', { text: row.why, title: row.call ? `agentcall ${row.call}` : null }))))));
  }
}
