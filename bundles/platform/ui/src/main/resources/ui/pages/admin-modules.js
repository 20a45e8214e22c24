// Module activation (模块启用): pick a unit, see each installed module's effective state for it,
// whether that is the unit's own setting or inherited, and switch it on, off or back to inherit.
import { html } from 'lit';
import { get, put } from '../api.js';
import { createGrid, nodeFormatter, tag } from '../grid.js';
import { t } from '../i18n.js';
import { LightElement, flattenUnits, toast, toastError, unitTree } from '../ui.js';

class QlAdminModules extends LightElement {
  static properties = { tree: { state: true }, unitId: { state: true } };

  constructor() {
    super();
    this.tree = null;
    this.modules = [];
    this.unitId = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.grid?.destroy();
  }

  async load() {
    try {
      const [tree, modules] = await Promise.all([unitTree(), get('/modules')]);
      this.modules = [...(modules || [])].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
      this.units = flattenUnits(tree);
      this.names = new Map(this.units.map((u) => [u.id, u.name]));
      this.tree = tree;
    } catch (e) {
      this.tree = [];
      toastError(e);
    }
  }

  firstUpdated() {
    this.grid = createGrid(this.querySelector('[data-grid="modules"]'), {
      data: [],
      pagination: false,
      columns: [
        {
          title: t('modules.module'),
          field: 'name',
          minWidth: 220,
          widthGrow: 2,
          formatter: nodeFormatter((row) => {
            const div = document.createElement('div');
            const name = document.createElement('strong');
            name.textContent = row.name;
            const description = document.createElement('div');
            description.className = 'ql-muted';
            description.textContent = row.description || '';
            div.append(name, description);
            return div;
          }),
        },
        {
          title: t('modules.state'),
          field: 'active',
          width: 110,
          formatter: nodeFormatter((row) => (row.active ? tag(t('modules.on'), 'success') : tag(t('modules.off'), 'neutral'))),
        },
        {
          title: t('modules.source'),
          field: 'explicit',
          minWidth: 220,
          formatter: (c) => {
            const row = c.getRow().getData();
            if (row.explicit) {
              return t('modules.own');
            }
            return row.inheritedFrom ? t('modules.inheritedFrom', (this.names && this.names.get(row.inheritedFrom)) || '') : t('modules.default');
          },
        },
        {
          title: t('modules.setting'),
          field: 'moduleId',
          width: 260,
          formatter: nodeFormatter((row) => this.control(row)),
        },
      ],
    });
  }

  control(row) {
    const group = document.createElement('sl-radio-group');
    group.size = 'small';
    group.name = `module-${row.moduleId}`;
    group.dataset.moduleId = row.moduleId;
    group.value = row.explicit ? (row.active ? 'on' : 'off') : 'inherit';
    for (const [value, label] of [
      ['on', t('modules.setOn')],
      ['off', t('modules.setOff')],
      ['inherit', t('modules.setInherit')],
    ]) {
      const button = document.createElement('sl-radio-button');
      button.value = value;
      button.dataset.action = `module-${value}`;
      button.textContent = label;
      group.append(button);
    }
    group.addEventListener('sl-change', () => this.set(row, group.value));
    return group;
  }

  async set(row, value) {
    const active = value === 'on' ? true : value === 'off' ? false : null;
    try {
      await put(`/units/${encodeURIComponent(this.unitId)}/modules/${encodeURIComponent(row.moduleId)}`, { active });
      toast(t('modules.changed', row.name, this.names.get(this.unitId) || ''), 'success');
    } catch (e) {
      toastError(e);
    }
    this.loadActivations();
  }

  async loadActivations() {
    if (!this.unitId) {
      return;
    }
    try {
      const activations = await get(`/units/${encodeURIComponent(this.unitId)}/modules`);
      const byModule = new Map((activations || []).map((a) => [a.moduleId, a]));
      const rows = this.modules.map((m) => ({
        moduleId: m.id,
        name: m.name,
        description: m.description,
        active: false,
        explicit: false,
        inheritedFrom: null,
        ...(byModule.get(m.id) || {}),
      }));
      this.grid.setData(rows);
    } catch (e) {
      toastError(e);
    }
  }

  onTreeSelect(e) {
    const item = e.detail.selection[0];
    if (item) {
      this.unitId = item.dataset.unitId;
      this.loadActivations();
    }
  }

  renderTreeItems(nodes, depth = 0) {
    return (nodes || []).map(
      (n) => html`<sl-tree-item data-unit-id=${n.id} ?expanded=${depth < 1}>
        ${n.name}${this.renderTreeItems(n.children, depth + 1)}
      </sl-tree-item>`,
    );
  }

  render() {
    return html`<div class="ql-page" data-page="admin-modules">
      <div class="ql-page-header"><h2>${t('nav.modules')}</h2></div>
      <div class="ql-split">
        <div class="ql-panel ql-tree-panel">
          ${this.tree === null
            ? html`<sl-spinner></sl-spinner>`
            : this.tree.length === 0
              ? html`<div class="ql-empty">${t('units.none')}</div>`
              : html`<sl-tree selection="single" data-tree="units" @sl-selection-change=${this.onTreeSelect}>${this.renderTreeItems(this.tree)}</sl-tree>`}
        </div>
        <div class="ql-panel">
          <div class="ql-detail-title">
            <h3>${this.unitId ? t('modules.forUnit', this.names.get(this.unitId) || '') : t('modules.pickUnit')}</h3>
          </div>
          ${this.modules.length === 0 && this.tree !== null ? html`<div class="ql-muted">${t('modules.none')}</div>` : ''}
          <div class="ql-grid" data-grid="modules" ?hidden=${!this.unitId}></div>
        </div>
      </div>
    </div>`;
  }

  updated(changed) {
    if (changed.has('unitId')) {
      this.grid?.redraw();
    }
  }
}
customElements.define('ql-admin-modules', QlAdminModules);
