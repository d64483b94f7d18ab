// Statistics as a supervisor reads them: counts, durations and rates with their units, and why an agent's
// status changed, in words. A figure the API leaves null (no time to answer when nothing was answered, no
// rate without a ring) shows as a dash, never as NaN. The API's days are UTC dates and its default is
// today in UTC, so "today" here is the UTC day too.
import { el, badge } from './ui.js';

export const DASH = '—';

/** The statuses in the order the API counts them. */
export const STATUSES = ['available', 'ringing', 'busy', 'wrapup', 'away', 'offline'];

/**
 * How often a day's figures are re-read while they are on screen: they cost the API more than a status
 * read, and move only when a ring ends (views also re-read them at once when they see one end).
 */
export const FIGURES_EVERY = 15000;

export function count(value) {
  return Number.isFinite(value) ? String(value) : DASH;
}

/** Milliseconds as a person reads them: "4.2 s", "3 min 07 s", "2 h 05 min". */
export function duration(ms) {
  if (!Number.isFinite(ms)) return DASH;
  if (ms === 0) return '0 s';
  const tenths = Math.round(ms / 100);
  if (tenths < 600) return `${(tenths / 10).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return hours
    ? `${hours} h ${String(minutes).padStart(2, '0')} min`
    : `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
}

export function rate(value) {
  return Number.isFinite(value) ? `${Math.round(value * 100)} %` : DASH;
}

export function todayUtc() {
  return new Date().toISOString().slice(0, 10);
}

/** The UTC day after a UTC day (YYYY-MM-DD): a window of whole days ends at its midnight. */
export function dayAfter(day) {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

const FIGURES = {
  offered: ['Offered', (s) => count(s.offered)],
  answered: ['Answered', (s) => count(s.answered)],
  missed: ['Missed', (s) => count(s.missed)],
  canceled: ['Canceled by the caller', (s) => count(s.canceled)],
  failed: ['Failed', (s) => count(s.failed)],
  'answer-rate': ['Answer rate', (s) => rate(s.answer_rate)],
  'answer-mean': ['Time to answer, mean', (s) => duration(s.time_to_answer_mean_ms)],
  'answer-p50': ['Time to answer, median', (s) => duration(s.time_to_answer_p50_ms)],
  'answer-p90': ['Time to answer, 90th percentile', (s) => duration(s.time_to_answer_p90_ms)],
  'talk-total': ['Talk time', (s) => duration(s.talk_time_total_ms)],
  'talk-mean': ['Talk time per answered call', (s) => duration(s.talk_time_mean_ms)],
  'wrapup-total': ['Wrap-up time', (s) => duration(s.wrapup_time_total_ms)],
};

/**
 * One statistics object of the API as labelled tiles, each value with the id `<prefix>-<key>`; without
 * one (not read yet, or the read failed) every tile shows a dash.
 */
export function figureTiles(statistics, prefix, keys = Object.keys(FIGURES)) {
  return el('dl', { class: 'figures' }, keys.map((key) => el('div', {},
    el('dt', { text: FIGURES[key][0] }),
    el('dd', { id: `${prefix}-${key}`, text: statistics ? FIGURES[key][1](statistics) : DASH }))));
}

/** Time spent in each status within the window. */
export function statusTimeTiles(statistics, prefix) {
  return el('dl', { class: 'figures' }, STATUSES.map((status) => el('div', {},
    el('dt', {}, badge(status)),
    el('dd', { id: `${prefix}-${status}`, text: duration(statistics?.status_ms?.[status]) }))));
}

const CAUSES = {
  agent: 'Set by the agent',
  supervisor: 'Set by a supervisor',
  claim: 'A call started ringing the agent',
  answer: 'Answered a call',
  end: 'The call ended',
  wrapup_over: 'Wrap-up time was over',
  no_answer: 'Did not answer a ring',
  max_no_answer: 'Missed too many rings in a row',
  canceled: 'The caller hung up before anyone answered',
  failed: 'The ring failed',
  sweeper: 'A ring past its deadline was closed',
};

/**
 * Why a status changed, in words. `names` maps agent ids to names, for the supervisor who did it;
 * one it does not know shows as a short id.
 */
export function causeText(cause, names) {
  if (!cause) return 'Cause not recorded';
  let text = CAUSES[cause.type] || `Cause: ${cause.type}`;
  if (cause.type === 'supervisor' && cause.agent_id) {
    text = `Set by ${names.get(cause.agent_id) || `agent ${short(cause.agent_id)}`}`;
  }
  if (cause.accesskey_id) text += `, with access key ${short(cause.accesskey_id)}`;
  if (cause.agentcall_id) text += ` (call ${short(cause.agentcall_id)})`;
  return text;
}

function short(id) {
  return String(id).slice(0, 8);
}
