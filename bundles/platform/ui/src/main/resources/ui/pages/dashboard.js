// The dashboard home: the modules' cards (GET /portal/dashboard) and the platform's card of the
// user's open to-dos and unread notices.
import { html } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { get } from '../api.js';
import { createChart } from '../chart.js';
import { formatDateTime, formatNumber, t } from '../i18n.js';
import { LightElement, toastError } from '../ui.js';

const route = (r) => `#/${String(r || '').replace(/^#?\/*/, '')}`;

class QlDashboard extends LightElement {
  static properties = { cards: { state: true }, todos: { state: true }, notices: { state: true }, loading: { state: true } };

  constructor() {
    super();
    this.cards = [];
    this.todos = { items: [], total: 0 };
    this.notices = { items: [], total: 0 };
    this.loading = true;
    this.charts = [];
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.disposeCharts();
  }

  disposeCharts() {
    this.charts.forEach((c) => c.dispose());
    this.charts = [];
  }

  async load() {
    this.loading = true;
    const [cards, todos, notices] = await Promise.all([
      get('/portal/dashboard').catch((e) => (toastError(e), [])),
      get('/portal/todos', { done: false, page: 1, size: 5 }).catch((e) => (toastError(e), { items: [], total: 0 })),
      get('/portal/notices', { unread: true, page: 1, size: 5 }).catch((e) => (toastError(e), { items: [], total: 0 })),
    ]);
    this.cards = cards || [];
    this.todos = todos;
    this.notices = notices;
    this.loading = false;
  }

  updated() {
    this.disposeCharts();
    for (const el of this.querySelectorAll('.ql-card-chart')) {
      const card = this.cards[Number(el.dataset.index)];
      if (card && card.chart) {
        this.charts.push(createChart(el, card.chart));
      }
    }
  }

  renderPlatformCard() {
    const todos = this.todos.items || [];
    const notices = this.notices.items || [];
    return html`<sl-card class="ql-dash-card" data-card="platform">
      <div slot="header" class="ql-card-header"><sl-icon name="inbox"></sl-icon><strong>${t('dashboard.mine')}</strong></div>
      <div class="ql-figures">
        <a class="ql-figure" href="#/todos" data-figure="openTodos">
          <span class=${classMap({ 'ql-figure-value': true, warning: this.todos.total > 0 })}>${formatNumber(this.todos.total)}</span>
          <span class="ql-figure-label">${t('dashboard.openTodos')}</span>
        </a>
        <a class="ql-figure" href="#/notices" data-figure="unreadNotices">
          <span class=${classMap({ 'ql-figure-value': true, warning: this.notices.total > 0 })}>${formatNumber(this.notices.total)}</span>
          <span class="ql-figure-label">${t('dashboard.unreadNotices')}</span>
        </a>
      </div>
      ${todos.length === 0 && notices.length === 0
        ? html`<div class="ql-empty" data-state="empty-mine">${t('dashboard.nothingOpen')}</div>`
        : html`<ul class="ql-card-list">
            ${todos.map(
              (d) => html`<li>
                <sl-icon name="check2-square"></sl-icon>
                <a href=${d.route ? route(d.route) : '#/todos'}>${d.title}</a>
                <span class="ql-muted">${d.dueAt ? t('todos.dueAt', formatDateTime(d.dueAt)) : ''}</span>
              </li>`,
            )}
            ${notices.map(
              (n) => html`<li>
                <sl-icon name="bell"></sl-icon>
                <a href="#/notices">${n.title}</a>
                <span class="ql-muted">${formatDateTime(n.createdAt)}</span>
              </li>`,
            )}
          </ul>`}
    </sl-card>`;
  }

  renderCard(card, index) {
    return html`<sl-card class="ql-dash-card" data-card=${`${card.module || ''}/${card.id || index}`}>
      <div slot="header" class="ql-card-header">
        <strong>${card.title}</strong>
        ${card.route ? html`<a href=${route(card.route)} class="ql-card-more">${t('dashboard.more')}</a>` : ''}
      </div>
      ${(card.figures || []).length
        ? html`<div class="ql-figures">
            ${card.figures.map(
              (f) => html`<div class="ql-figure">
                <span class=${classMap({ 'ql-figure-value': true, [f.level || 'neutral']: true })}>${formatNumber(f.value)}</span>
                <span class="ql-figure-label">${f.label}</span>
              </div>`,
            )}
          </div>`
        : ''}
      ${(card.items || []).length
        ? html`<ul class="ql-card-list">
            ${card.items.map(
              (i) => html`<li>
                ${i.route ? html`<a href=${route(i.route)}>${i.text}</a>` : html`<span>${i.text}</span>`}
                ${i.detail ? html`<span class="ql-muted">${i.detail}</span>` : ''}
              </li>`,
            )}
          </ul>`
        : ''}
      ${card.chart ? html`<div class="ql-card-chart" data-index=${index}></div>` : ''}
    </sl-card>`;
  }

  render() {
    return html`<div class="ql-page">
      <div class="ql-page-header"><h2>${t('nav.dashboard')}</h2></div>
      ${this.loading
        ? html`<div class="ql-empty"><sl-spinner></sl-spinner></div>`
        : html`<div class="ql-dash-grid">
            ${this.renderPlatformCard()} ${this.cards.map((c, i) => this.renderCard(c, i))}
          </div>
          ${this.cards.length === 0 ? html`<div class="ql-empty ql-muted" data-state="no-cards">${t('dashboard.noCards')}</div>` : ''}`}
    </div>`;
  }
}
customElements.define('ql-dashboard', QlDashboard);
