// Annual coverage (全覆盖): every top leader and leadership member of the units in scope must have
// a political talk each year. The figures (to cover, covered, missing, rate), a chart of covered and
// missing people per unit, the people with their talk (or none), only the missing ones on request,
// and the coverage sheet as .xlsx.
import { html } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { get } from 'qinglian/api.js';
import { createChart } from 'qinglian/chart.js';
import { download } from 'qinglian/files.js';
import { createGrid, linkText, nodeFormatter, tag } from 'qinglian/grid.js';
import { formatDate, formatNumber, formatPercent, t } from 'qinglian/i18n.js';
import { LightElement, can, toastError, unitOptions } from 'qinglian/ui.js';
import { BASE, PERM, canPickUnits, loadUnits, roleLabel, yearOptions } from './common.js';

const COLORS = { covered: '#2f7d4f', missing: '#c0392b' };
const MANY_UNITS = 12;

function emptyOption() {
  return {
    title: { text: t('talks.coverage.noData'), left: 'center', top: 'middle', textStyle: { color: '#8a8f98', fontSize: 14, fontWeight: 'normal' } },
    xAxis: { show: false },
    yAxis: { show: false },
    series: [],
  };
}

/** Covered and missing people per unit, stacked; the units with the most missing first. */
export function coverageOption(rows) {
  const data = [...(rows || [])].filter((r) => (r.total ?? 0) > 0).sort((a, b) => b.missing - a.missing || a.rate - b.rate);
  if (!data.length) {
    return emptyOption();
  }
  const many = data.length > MANY_UNITS;
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const r = data[params[0].dataIndex];
        return t('talks.coverage.unitTooltip', r.unitName, r.covered, r.total, r.missing, formatPercent(r.rate));
      },
    },
    legend: { top: 0 },
    grid: { top: 40, right: 16, bottom: many ? 48 : 8, left: 8, containLabel: true },
    xAxis: { type: 'category', data: data.map((r) => r.unitName), axisLabel: { interval: 0, rotate: data.length > 4 ? 30 : 0, width: 110, overflow: 'truncate' } },
    yAxis: { type: 'value', minInterval: 1, boundaryGap: [0, '10%'] },
    dataZoom: many
      ? [
          { type: 'slider', start: 0, end: Math.round((MANY_UNITS / data.length) * 100), height: 16, bottom: 8 },
          { type: 'inside' },
        ]
      : [],
    series: [
      {
        name: t('talks.coverage.covered'),
        type: 'bar',
        stack: 'people',
        barMaxWidth: 48,
        itemStyle: { color: COLORS.covered },
        label: { show: !many, position: 'inside', color: '#fff', formatter: (p) => (p.value ? String(p.value) : '') },
        data: data.map((r) => r.covered),
      },
      {
        name: t('talks.coverage.missing'),
        type: 'bar',
        stack: 'people',
        barMaxWidth: 48,
        itemStyle: { color: COLORS.missing },
        label: { show: !many, position: 'inside', color: '#fff', formatter: (p) => (p.value ? String(p.value) : '') },
        data: data.map((r) => r.missing),
      },
    ],
  };
}

class QlTalksCoverage extends LightElement {
  static properties = {
    units: { state: true },
    coverage: { state: true },
    loading: { state: true },
    exporting: { state: true },
  };

  constructor() {
    super();
    this.units = [];
    this.coverage = null;
    this.filters = { year: new Date().getFullYear(), subordinates: true, missing: false };
    this.seq = 0;
    this.chart = null;
  }

  get me() {
    return this.portal && this.portal.me;
  }

  connectedCallback() {
    super.connectedCallback();
    loadUnits()
      .then((units) => (this.units = units))
      .catch((e) => toastError(e));
    this.load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.chart?.dispose();
    this.chart = null;
    this.grid?.destroy();
  }

  /** The query of the figures, the people and the sheet. */
  query() {
    const f = this.filters;
    return { year: f.year, unitId: f.unitId, subordinates: f.unitId && f.subordinates ? true : undefined };
  }

  async load() {
    const seq = ++this.seq;
    this.loading = true;
    try {
      const coverage = await get(`${BASE}/coverage`, this.query());
      if (seq === this.seq) {
        this.coverage = coverage;
      }
    } catch (e) {
      toastError(e);
    } finally {
      if (seq === this.seq) {
        this.loading = false;
      }
    }
  }

  firstUpdated() {
    this.grid = createGrid(this.querySelector('[data-grid="coverage-people"]'), {
      path: `${BASE}/coverage/people`,
      params: () => ({ ...this.query(), missing: this.filters.missing ? true : undefined }),
      columns: [
        { title: t('talks.subject.name'), field: 'name', minWidth: 100 },
        { title: t('talks.subject.unit'), field: 'unitName', minWidth: 160, widthGrow: 2 },
        { title: t('talks.subject.role'), field: 'role', width: 120, formatter: (c) => roleLabel(c.getValue()) },
        {
          title: t('talks.coverage.state'),
          field: 'covered',
          width: 110,
          formatter: nodeFormatter((row) => {
            const el = tag(t(row.covered ? 'talks.coverage.coveredOne' : 'talks.coverage.missingOne'), row.covered ? 'success' : 'danger');
            el.dataset.covered = String(!!row.covered);
            return el;
          }),
        },
        {
          title: t('talks.coverage.talkDate'),
          field: 'talkDate',
          width: 150,
          formatter: nodeFormatter((row) => {
            if (!row.talkDate) {
              return '';
            }
            const text = formatDate(row.talkDate);
            return row.talkId ? linkText(text, () => this.portal.navigate(`talks/talks/${row.talkId}`)) : document.createTextNode(text);
          }),
        },
      ],
      rowFormatter: (row) => {
        const data = row.getData();
        row.getElement().dataset.personId = data.personId;
        row.getElement().dataset.covered = String(!!data.covered);
      },
    });
  }

  updated() {
    const el = this.querySelector('[data-chart="coverage"]');
    if (!this.coverage || !el) {
      return;
    }
    const option = coverageOption(this.coverage.byUnit);
    if (this.chart && this.chart.chart.getDom() === el) {
      this.chart.update(option);
    } else {
      this.chart?.dispose();
      this.chart = createChart(el, option);
    }
  }

  onFilter() {
    const form = this.querySelector('form[data-form="coverage-filter"]');
    const unitId = form.querySelector('[name="unitId"]')?.value || undefined;
    this.filters = {
      ...this.filters,
      year: Number(form.querySelector('[name="year"]').value) || new Date().getFullYear(),
      unitId,
      subordinates: form.querySelector('[name="subordinates"]')?.checked ?? true,
    };
    this.load();
    this.grid.reload();
  }

  onMissing(e) {
    this.filters = { ...this.filters, missing: e.target.checked };
    this.grid.reload();
  }

  async exportSheet() {
    this.exporting = true;
    try {
      await download(`${BASE}/coverage.xlsx`, this.query(), t('talks.coverage.fileName', this.filters.year));
    } catch (e) {
      toastError(e);
    } finally {
      this.exporting = false;
    }
  }

  figure(name, value, level) {
    return html`<div class="ql-figure" data-figure=${name}>
      <span class=${classMap({ 'ql-figure-value': true, [level || 'neutral']: !!level })}>${value}</span>
      <span class="ql-figure-label">${t(`talks.coverage.figure.${name}`)}</span>
    </div>`;
  }

  render() {
    const c = this.coverage;
    const f = this.filters;
    return html`<div class="ql-page" data-page="talks-coverage" data-route="talks/coverage">
      <div class="ql-page-header">
        <h2>${t('talks.coverage.title')}</h2>
        ${can(this.me, PERM.export)
          ? html`<sl-button data-action="export-coverage" data-testid="talks-coverage-export" ?loading=${this.exporting} @click=${this.exportSheet}>
              <sl-icon slot="prefix" name="file-earmark-spreadsheet"></sl-icon>${t('talks.coverage.export')}</sl-button>`
          : ''}
      </div>
      <form class="ql-toolbar" data-form="coverage-filter" novalidate @submit=${(e) => (e.preventDefault(), this.onFilter())}>
        <sl-select name="year" data-field="year" label=${t('talks.filter.year')} hoist class="ql-talks-narrow" value=${String(f.year)}
          @sl-change=${this.onFilter}>${yearOptions()}</sl-select>
        ${canPickUnits()
          ? html`<sl-select name="unitId" data-field="unitId" label=${t('talks.coverage.unit')} clearable hoist class="ql-wide"
                placeholder=${t('filter.all')} @sl-change=${this.onFilter}>${unitOptions(this.units)}</sl-select>
              <sl-switch name="subordinates" data-field="subordinates" checked @sl-change=${this.onFilter}>${t('talks.filter.subordinates')}</sl-switch>`
          : ''}
        ${this.loading ? html`<sl-spinner class="ql-talks-spinner"></sl-spinner>` : ''}
      </form>
      ${c
        ? html`<div class="ql-panel ql-figures ql-talks-figures" data-testid="talks-coverage-figures">
            ${this.figure('total', formatNumber(c.total ?? 0))}
            ${this.figure('covered', formatNumber(c.covered ?? 0), c.covered ? 'success' : null)}
            ${this.figure('missing', formatNumber(c.missing ?? 0), c.missing ? 'danger' : null)}
            ${this.figure('rate', formatPercent(c.rate), c.total && c.rate >= 1 ? 'success' : c.missing ? 'warning' : null)}
          </div>`
        : html`<div class="ql-empty"><sl-spinner></sl-spinner></div>`}
      <section class="ql-panel ql-talks-chart-panel">
        <h3>${t('talks.coverage.byUnit', f.year)}</h3>
        <div class="ql-talks-chart" data-chart="coverage" data-testid="talks-coverage-chart"></div>
      </section>
      <section class="ql-panel">
        <div class="ql-detail-title">
          <h3>${t('talks.coverage.people')}</h3>
          <sl-switch name="missing" data-field="missing" data-testid="talks-coverage-missing" ?checked=${f.missing}
            @sl-change=${this.onMissing}>${t('talks.coverage.onlyMissing')}</sl-switch>
        </div>
        <div class="ql-grid" data-grid="coverage-people" data-testid="talks-coverage-people"></div>
      </section>
    </div>`;
  }
}

if (!customElements.get('ql-talks-coverage')) {
  customElements.define('ql-talks-coverage', QlTalksCoverage);
}
