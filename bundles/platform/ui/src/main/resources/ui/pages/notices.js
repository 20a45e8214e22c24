// The notice centre: notices for the signed-in user (all or unread only), open one to read its
// body (which marks it read), mark read, follow its route.
import { html } from 'lit';
import { post } from '../api.js';
import { actionButton, cellGroup, createGrid, linkText, nodeFormatter, tag } from '../grid.js';
import { formatDateTime, t } from '../i18n.js';
import { LightElement, toast, toastError } from '../ui.js';
import { goTo, levelTag, moduleName } from './todos.js';

class QlNotices extends LightElement {
  static properties = { unreadOnly: { state: true }, current: { state: true } };

  constructor() {
    super();
    this.unreadOnly = true;
    this.current = null;
  }

  firstUpdated() {
    this.grid = createGrid(this.querySelector('.ql-grid'), {
      path: '/portal/notices',
      params: () => ({ unread: this.unreadOnly ? true : undefined }),
      columns: [
        {
          title: t('notices.title'),
          field: 'title',
          minWidth: 260,
          widthGrow: 3,
          formatter: nodeFormatter((row, cell) => {
            const link = linkText(row.title, () => this.open(row));
            if (!row.read) {
              link.classList.add('ql-unread');
            }
            cell.getElement().dataset.noticeId = row.id;
            return link;
          }),
        },
        { title: t('notices.level'), field: 'level', width: 100, formatter: nodeFormatter((row) => levelTag(row.level)) },
        { title: t('notices.module'), field: 'module', width: 130, formatter: (c) => moduleName(this.modules, c.getValue()) },
        { title: t('notices.createdAt'), field: 'createdAt', width: 190, formatter: (c) => formatDateTime(c.getValue()) },
        {
          title: t('notices.state'),
          field: 'read',
          width: 100,
          formatter: nodeFormatter((row) => (row.read ? tag(t('notices.read'), 'neutral') : tag(t('notices.unread'), 'primary'))),
        },
        {
          title: t('grid.actions'),
          field: 'id',
          width: 210,
          formatter: nodeFormatter((row) =>
            cellGroup(
              actionButton(t('action.open'), () => this.open(row), { action: 'open-notice' }),
              row.read ? null : actionButton(t('notices.markRead'), () => this.markRead(row), { variant: 'primary', action: 'mark-read' }),
            ),
          ),
        },
      ],
    });
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.grid?.destroy();
  }

  async markRead(row, quiet = false) {
    try {
      await post(`/portal/notices/${encodeURIComponent(row.id)}/read`);
      if (!quiet) {
        toast(t('notices.markedRead'), 'success');
      }
      window.dispatchEvent(new CustomEvent('ql-summary-changed'));
      this.grid.refresh();
    } catch (e) {
      toastError(e);
    }
  }

  async open(row) {
    this.current = row;
    await this.updateComplete;
    this.querySelector('sl-dialog[data-dialog="notice"]').show();
    if (!row.read) {
      this.markRead(row, true);
    }
  }

  onUnread(e) {
    this.unreadOnly = e.target.checked;
    this.grid.reload();
  }

  follow() {
    const route = this.current && this.current.route;
    this.querySelector('sl-dialog[data-dialog="notice"]').hide();
    if (route) {
      goTo(route);
    }
  }

  render() {
    const n = this.current;
    return html`<div class="ql-page" data-page="notices">
      <div class="ql-page-header">
        <h2>${t('nav.notices')}</h2>
        <sl-switch ?checked=${this.unreadOnly} @sl-change=${this.onUnread} data-filter="unread">${t('notices.unreadOnly')}</sl-switch>
      </div>
      <div class="ql-grid" data-grid="notices"></div>
      <sl-dialog data-dialog="notice" class="ql-dialog-medium" label=${n ? n.title : ''}>
        ${n
          ? html`<div class="ql-notice-meta">
                ${levelTag(n.level)}<span class="ql-muted">${formatDateTime(n.createdAt)}</span>
              </div>
              <div class="ql-notice-body" data-notice-body>${n.body}</div>`
          : ''}
        ${n && n.route ? html`<sl-button slot="footer" variant="primary" data-action="follow-notice" @click=${this.follow}>${t('notices.follow')}</sl-button>` : ''}
        <sl-button slot="footer" class="ql-footer-button" @click=${() => this.querySelector('sl-dialog[data-dialog="notice"]').hide()}>${t('action.close')}</sl-button>
      </sl-dialog>
    </div>`;
  }
}
customElements.define('ql-notices', QlNotices);
