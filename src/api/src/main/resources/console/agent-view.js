// The agent's own view: itself, its status buttons, its figures for today, the call ringing it now, its
// recent calls.
import { api } from './api.js';
import { $, el, badge, changed, time, describe, fieldError } from './ui.js';
import { FIGURES_EVERY, figureTiles } from './figures.js';

const LIVE_CALL = new Set(['ringing', 'answered']);
const LIVE_LEG = new Set(['pending', 'originating', 'ringing', 'confirming']);
const MY_FIGURES = ['answered', 'missed', 'answer-mean', 'talk-total'];

export class AgentView {
  constructor(onAuthLost) {
    this.onAuthLost = onAuthLost;
    this.me = null;
    this.liveCall = null;
    this.figuresAt = 0;
    this.figuresFor = '';
    for (const button of document.querySelectorAll('#agent-view [data-status]')) {
      button.addEventListener('click', () => this.setStatus(button.dataset.status));
    }
  }

  /** Polled: fast while a call is live or the agent rings, so legs show as they change; slower otherwise. */
  interval() {
    const ringing = this.liveCall || (this.me && (this.me.status === 'ringing' || this.me.status === 'busy'));
    return ringing ? 1000 : 2000;
  }

  async refresh() {
    this.me = await api.me();
    const calls = (await api.recentCalls(this.me.id)).result;
    this.liveCall = calls.find((call) => LIVE_CALL.has(call.status)) || null;
    this.render(calls);
    await this.refreshFigures(calls);
    return this.me;
  }

  /**
   * Today's figures (GET /v1.0/agents/{id}/statistics, today by default): when due, and at once when one of
   * the recent calls changed (a ring started, was answered or ended) or someone else logged in.
   */
  async refreshFigures(calls) {
    const state = `${this.me.id}|${calls.map((call) => `${call.id}:${call.status}`).join()}`;
    if (state === this.figuresFor && Date.now() - this.figuresAt < FIGURES_EVERY) return;
    this.figuresFor = state;
    this.figuresAt = Date.now();
    let statistics = null;
    try {
      statistics = await api.agentStatistics(this.me.id, '');
      fieldError('my-figures-error', null);
    } catch (error) {
      if (error.status === 401) throw error;
      fieldError('my-figures-error', `Your figures could not be read. ${describe(error)}`);
    }
    const box = $('my-figures');
    if (changed(box, statistics)) box.replaceChildren(figureTiles(statistics, 'my', MY_FIGURES));
  }

  async setStatus(status) {
    fieldError('status-error', null);
    try {
      this.me = await api.setMyStatus(status);
      this.renderMe();
    } catch (error) {
      if (error.status === 401) return this.onAuthLost();
      fieldError('status-error', describe(error));
    }
  }

  render(calls) {
    this.renderMe();
    this.renderLive();
    this.renderRecent(calls.filter((call) => call !== this.liveCall));
  }

  renderMe() {
    const me = this.me;
    $('me-name').textContent = me.name || me.username;
    $('me-username').textContent = me.username;
    const status = $('me-status');
    if (status.textContent !== me.status) {
      status.textContent = me.status;
      status.className = `badge ${me.status}`;
    }
    for (const button of document.querySelectorAll('#agent-view [data-status]')) {
      button.setAttribute('aria-pressed', String(button.dataset.status === me.status));
    }
    const list = $('me-addresses');
    list.replaceChildren(...(me.addresses.length
      ? me.addresses.map((a) => el('li', {}, el('code', { text: a.target }), ` ${a.type}`, a.detail ? el('span', { class: 'muted', text: ` · ${a.detail}` }) : null))
      : [el('li', { class: 'muted', text: 'No addresses: calls cannot reach you. Ask a supervisor to add one.' })]));
  }

  renderLive() {
    const box = $('ring-live');
    const call = this.liveCall;
    // Redrawn only when something changed: the region is live, and a screen reader reads each redraw.
    if (!changed(box, call)) return;
    if (!call) {
      box.replaceChildren(el('p', { class: 'muted', id: 'no-live-call', text: 'No call is ringing you.' }));
      return;
    }
    box.replaceChildren(
      el('div', { class: 'call-head', id: 'live-call', 'data-status': call.status },
        el('strong', { text: `Call from ${call.source}` }), badge(call.status),
        el('span', { class: 'muted', text: call.status === 'answered' ? `answered ${time(call.tm_answer)}` : `ringing since ${time(call.tm_create)}` })),
      legList(call));
  }

  renderRecent(calls) {
    const box = $('recent-calls');
    // Redrawn only when something changed, so an opened call stays open and focus stays put.
    if (!changed(box, calls)) return;
    if (!calls.length) {
      box.replaceChildren(el('p', { class: 'muted', text: 'No calls yet.' }));
      return;
    }
    box.replaceChildren(el('ul', { class: 'recent', id: 'recent-list' }, calls.map((call) => el('li', { 'data-call': call.id },
      el('div', { class: 'call-head' }, el('strong', { text: call.source }), badge(call.status),
        el('span', { class: 'muted', text: `${time(call.tm_create)}${call.end_reason ? ` · ${call.end_reason}` : ''}` })),
      el('details', {}, el('summary', { text: `${call.legs.length} address${call.legs.length === 1 ? '' : 'es'} rung` }), legList(call))))));
  }
}

/** Each leg: the address, its state, and in words what happened to it. */
function legList(call) {
  return el('ul', { class: 'legs', 'aria-label': 'Addresses rung' }, call.legs.map((leg) => {
    const answered = call.answered_leg_id === leg.id;
    return el('li', { class: answered ? 'answered' : '', 'data-leg': leg.target, 'data-status': leg.status },
      el('span', {}, el('code', { text: leg.target }), el('span', { class: 'muted', text: ` ${leg.type}` })),
      badge(leg.status, leg.status === 'ended' ? 'ended' : leg.status),
      el('span', { class: 'why', text: legStory(leg, answered) }));
  }));
}

function legStory(leg, answered) {
  if (answered) return `Answered here at ${time(leg.tm_answer)}.`;
  if (LIVE_LEG.has(leg.status)) return leg.tm_ringing ? `Ringing since ${time(leg.tm_ringing)}.` : 'Dialling…';
  const why = leg.end_reason ? `: ${leg.end_reason}` : '';
  return `${leg.status.charAt(0).toUpperCase()}${leg.status.slice(1)} at ${time(leg.tm_end)}${why}.`;
}
