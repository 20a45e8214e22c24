// Annual coverage (全覆盖): every top leader and leadership member of the units in scope must have
// a political talk each year. The figures (to cover, covered, missing, rate), a chart of covered and
// missing people per unit, the people with their talk (or none), only the missing ones on request,
// and the coverage sheet as .xlsx.
import { html } from 'lit';
import { get } from 'qinglian/api.js';
import { categoryZoom, emptyOption, showChart } from 'qinglian/chart.js';
import { exportFile } from 'qinglian/files.js';
import { createGrid, linkText, nodeFormatter, tag } from 'qinglian/grid.js';
import { formatDate, formatNumber, formatPercent, t } from 'qinglian/i18n.js';
import { ModulePage, loadUnits } from 'qinglian/module.js';
import { can, figure, latestLoader } from 'qinglian/ui.js';
import { BASE, PERM, readYearAndUnit, roleLabel, yearAndUnitFilter } from './common.js';

const COLORS = { covered: '#2f7d4f', missing: '#c0392b' };
const MANY_UNITS = 12;

/** Covered and missing people per unit, stacked; the units with the most missing first. */
export function coverageOption(rows) {
  const data = [...(rows || [])].filter((r) => (r.total ?? 0) > 0).sort((a, b) => b.missing - a.missing || a.rate - b.rate);
  if (!data.length) {
    return emptyOption(t('talks.coverage.noData'));
  }
  const many = data.length > MANY_UNITS;
  /** One part of the stacked bars: the people of each unit who are `key` (covered, missing). */
  const stack = (name, key) => ({
    name,
    type: 'bar',
    stack: 'people',
    barMaxWidth: 48,
    itemStyle: { color: COLORS[key] },
    label: { show: !many, position: 'inside', color: '#fff', formatter: (p) => (p.value ? String(p.value) : '') },
    data: data.map((r) => r[key]),
  });
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
    dataZoom: categoryZoom(data.length, MANY_UNITS),
    series: [stack(t('talks.coverage.covered'), 'covered'), stack(t('talks.coverage.missing'), 'missing')],
  };
}

class QlTalksCoverage extends ModulePage {
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
    this.loader = latestLoader(this);
    this.chart = null;
  }

  connectedCallback() {
    super.connectedCallback();
    loadUnits().then((units) => (this.units = units));
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

  load() {
    return this.loader(() => get(`${BASE}/coverage`, this.query()), (coverage) => (this.coverage = coverage));
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
    this.chart = showChart(this.chart, el, coverageOption(this.coverage.byUnit));
  }

  onFilter() {
    this.filters = { ...this.filters, ...readYearAndUnit(this.querySelector('form[data-form="coverage-filter"]')) };
    this.load();
    this.grid.reload();
  }

  onMissing(e) {
    this.filters = { ...this.filters, missing: e.target.checked };
    this.grid.reload();
  }

  exportSheet() {
    return exportFile(this, `${BASE}/coverage.xlsx`, this.query(), t('talks.coverage.fileName', this.filters.year));
  }

  figure(name, value, level) {
    return figure(name, value, t(`talks.coverage.figure.${name}`), level);
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
        ${yearAndUnitFilter(this.units, { year: f.year, unitLabel: t('talks.coverage.unit'), loading: this.loading, onChange: () => this.onFilter() })}
      </form>
      ${c
        ? html`<div class="ql-panel ql-figures ql-figures-panel" data-testid="talks-coverage-figures">
            ${this.figure('total', formatNumber(c.total ?? 0))}
            ${this.figure('covered', formatNumber(c.covered ?? 0), c.covered ? 'success' : null)}
            ${this.figure('missing', formatNumber(c.missing ?? 0), c.missing ? 'danger' : null)}
            ${this.figure('rate', formatPercent(c.rate), c.total && c.rate >= 1 ? 'success' : c.missing ? 'warning' : null)}
          </div>`
        : html`<div class="ql-empty"><sl-spinner></sl-spinner></div>`}
      <section class="ql-panel ql-chart-panel">
        <h3>${t('talks.coverage.byUnit', f.year)}</h3>
        <div class="ql-chart ql-talks-chart" data-chart="coverage" data-testid="talks-coverage-chart"></div>
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
