// The to-do centre: open and done to-dos of the signed-in user, mark done, open the route.
import { html } from 'lit';
import { post } from '../api.js';
import { actionButton, createGrid, linkText, nodeFormatter, tag } from '../grid.js';
import { formatDateTime, t } from '../i18n.js';
import { LightElement, toast, toastError } from '../ui.js';

const LEVELS = { INFO: 'primary', WARNING: 'warning', DANGER: 'danger' };

export function levelTag(level) {
  return tag(t(`level.${level || 'INFO'}`), LEVELS[level] || 'neutral');
}

/** A module's name from the portal's module list, or its id. */
export function moduleName(modules, id) {
  const m = (modules || []).find((x) => x.id === id);
  return m ? m.name : id || '';
}

export function goTo(route) {
  location.hash = `#/${String(route || '').replace(/^#?\/*/, '')}`;
}

class QlTodos extends LightElement {
  static properties = { tab: { state: true } };

  constructor() {
    super();
    this.tab = 'open';
  }

  firstUpdated() {
    this.grid = createGrid(this.querySelector('.ql-grid'), {
      path: '/portal/todos',
      params: () => ({ done: this.tab === 'done' }),
      columns: this.columns(),
      selectableRows: false,
    });
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.grid?.destroy();
  }

  columns() {
    return [
      {
        title: t('todos.title'),
        field: 'title',
        minWidth: 260,
        widthGrow: 3,
        formatter: nodeFormatter((row) => (row.route ? linkText(row.title, () => goTo(row.route)) : document.createTextNode(row.title))),
      },
      { title: t('todos.level'), field: 'level', width: 100, formatter: nodeFormatter((row) => levelTag(row.level)) },
      { title: t('todos.module'), field: 'module', width: 130, formatter: (c) => moduleName(this.modules, c.getValue()) },
      { title: t('todos.due'), field: 'dueAt', width: 190, formatter: (c) => formatDateTime(c.getValue()) },
      { title: t('todos.created'), field: 'createdAt', width: 190, formatter: (c) => formatDateTime(c.getValue()) },
      {
        title: t('todos.doneAt'),
        field: 'doneAt',
        width: 190,
        visible: this.tab === 'done',
        formatter: (c) => formatDateTime(c.getValue()),
      },
      {
        title: t('grid.actions'),
        field: 'id',
        width: 130,
        hozAlign: 'center',
        visible: this.tab !== 'done',
        formatter: nodeFormatter((row) =>
          row.doneAt ? null : actionButton(t('todos.markDone'), () => this.markDone(row), { variant: 'primary', action: 'mark-done', icon: 'check2' }),
        ),
      },
    ];
  }

  async markDone(row) {
    try {
      await post(`/portal/todos/${encodeURIComponent(row.id)}/done`);
      toast(t('todos.markedDone'), 'success');
      window.dispatchEvent(new CustomEvent('ql-summary-changed'));
      this.grid.refresh();
    } catch (e) {
      toastError(e);
    }
  }

  onTab(e) {
    this.tab = e.detail.name;
    const table = this.grid.table;
    this.grid.ready.then(() => {
      table.getColumn('doneAt')[this.tab === 'done' ? 'show' : 'hide']();
      table.getColumn('id')[this.tab === 'done' ? 'hide' : 'show']();
      this.grid.reload();
    });
  }

  render() {
    return html`<div class="ql-page" data-page="todos">
      <div class="ql-page-header"><h2>${t('nav.todos')}</h2></div>
      <sl-tab-group @sl-tab-show=${this.onTab}>
        <sl-tab slot="nav" panel="open" data-tab="open" ?active=${this.tab === 'open'}>${t('todos.open')}</sl-tab>
        <sl-tab slot="nav" panel="done" data-tab="done" ?active=${this.tab === 'done'}>${t('todos.done')}</sl-tab>
      </sl-tab-group>
      <div class="ql-grid" data-grid="todos"></div>
    </div>`;
  }
}
customElements.define('ql-todos', QlTodos);
