// Small DOM helpers and the one place that says in words what each failure means.

export const $ = (id) => document.getElementById(id);

/** An element with attributes and children; text is always set as text, never as HTML. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = value;
    else if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null) node.append(child);
  }
  return node;
}

export function badge(value, extraClass = value) {
  return el('span', { class: `badge ${extraClass}`, text: value.replace('_', ' ') });
}

export function time(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** A moment in a list that spans days: the date as well as the time. */
export function dateTime(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** What a failed request means for the person looking at the page. */
export function describe(error) {
  const ref = error.requestId ? ` (request ${error.requestId})` : '';
  switch (true) {
    case error.status === 0:
      return 'Connection lost: agentbin could not be reached.';
    case error.status === 401:
      return 'Your session has ended. Log in again.';
    case error.status === 403:
      return `Not allowed: ${error.message}`;
    case error.status === 404:
      return `Not found: ${error.message}`;
    case error.status === 409:
      return `${error.message} (${error.reason})`;
    case error.status === 429:
      return `Too many requests: ${error.message} Try again in ${error.retryAfter || 'a few'} s.`;
    case error.status >= 500:
      return `agentbin could not answer (${error.status} ${error.reason})${ref}. Nothing was lost; try again.`;
    default:
      return error.message;
  }
}

/**
 * Shows (or, with null, clears) an error message under a field, and ties it to the field for screen readers.
 * The same message again changes nothing, so a poll that fails the same way is not announced anew.
 */
export function fieldError(id, message) {
  const node = $(id);
  if (node.textContent === (message || '') && node.hidden === !message) return;
  node.textContent = message || '';
  node.hidden = !message;
}

export function show(id, visible) {
  $(id).hidden = !visible;
}

/** Whether what a container shows differs from the last data drawn into it (and remembers the new). */
export function changed(box, data) {
  const drawn = JSON.stringify(data);
  if (box.dataset.drawn === drawn) return false;
  box.dataset.drawn = drawn;
  return true;
}
