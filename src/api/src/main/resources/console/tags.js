// The customer's tags by id: agents carry tag ids (the API's tag_ids), people read and pick names.
import { api } from './api.js';
import { el } from './ui.js';

const PAGE_SIZE = 100;

export class TagNames {
  constructor() {
    this.byId = new Map();
  }

  /** Re-reads every live tag of the customer; the API hands out a token with every non-empty page. */
  async load() {
    const byId = new Map();
    let token = '';
    do {
      const params = new URLSearchParams({ page_size: String(PAGE_SIZE) });
      if (token) params.set('page_token', token);
      const answer = await api.tags(params.toString());
      for (const tag of answer.result) byId.set(tag.id, tag);
      token = answer.result.length === PAGE_SIZE ? answer.next_page_token : '';
    } while (token);
    this.byId = byId;
  }

  /** By name, for lists a person picks from. */
  sorted() {
    return [...this.byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** A tag's name, or for an id that names no live tag (deleted, or never made) a marked short id. */
  label(id) {
    const tag = this.byId.get(id);
    return tag ? tag.name : `unknown tag ${id.slice(0, 8)}`;
  }

  chip(id) {
    const tag = this.byId.get(id);
    return tag
      ? el('span', { class: 'tag', title: tag.detail || tag.name, 'data-tag': id, text: tag.name })
      : el('span', { class: 'tag unknown', title: `${id}: no tag of this customer has this id (deleted?)`, 'data-tag': id, text: this.label(id) });
  }
}
