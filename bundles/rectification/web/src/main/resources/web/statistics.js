// Statistics of the ledger (整改统计): the figures (problems, closed, long-term, overdue, completion
// rate) and three charts: completion rate by unit, problems and overdue ones by category, and
// problems registered and closed by month; filtered by unit (with subordinates) and inspection.
import { html } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { get } from 'qinglian/api.js';
import { categoryZoom, emptyOption as emptyChart, showChart } from 'qinglian/chart.js';
import { formatNumber, formatPercent, t } from 'qinglian/i18n.js';
import { ModulePage, loadUnits, unitFilter } from 'qinglian/module.js';
import { figure, latestLoader, toastError } from 'qinglian/ui.js';
import { BASE, inspectionOptions, loadInspections } from './common.js';

const COLORS = {
  rate: '#2f7d4f',
  total: '#3a6fb0',
  overdue: '#c0392b',
  registered: '#3a6fb0',
  closed: '#2f7d4f',
};

const MANY_UNITS = 12;

/** An empty chart that says so. */
const emptyOption = () => emptyChart(t('rectification.stats.noData'));

function byUnitOption(rows) {
  if (!rows.length) {
    return emptyOption();
  }
  const data = [...rows].sort((a, b) => b.completionRate - a.completionRate || b.total - a.total);
  const many = data.length > MANY_UNITS;
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const r = data[params[0].dataIndex];
        return t('rectification.stats.unitTooltip', r.unitName, formatPercent(r.completionRate), r.closed, r.total, r.overdue);
      },
    },
    grid: { top: 24, right: 16, bottom: many ? 48 : 8, left: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: data.map((r) => r.unitName),
      axisLabel: { interval: 0, rotate: 30, width: 96, overflow: 'truncate' },
    },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    dataZoom: categoryZoom(data.length, MANY_UNITS),
    series: [
      {
        name: t('rectification.stats.completionRate'),
        type: 'bar',
        barMaxWidth: 36,
        itemStyle: { color: COLORS.rate },
        label: { show: !many, position: 'top', formatter: (p) => formatPercent(p.value / 100) },
        data: data.map((r) => Math.round(r.completionRate * 1000) / 10),
      },
    ],
  };
}

function byCategoryOption(rows) {
  if (!rows.length) {
    return emptyOption();
  }
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { top: 32, right: 16, bottom: 8, left: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.label || r.category), axisLabel: { interval: 0, width: 68, overflow: 'break' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('rectification.stats.total'), type: 'bar', barMaxWidth: 28, itemStyle: { color: COLORS.total }, data: rows.map((r) => r.total) },
      { name: t('rectification.stats.overdue'), type: 'bar', barMaxWidth: 28, itemStyle: { color: COLORS.overdue }, data: rows.map((r) => r.overdue) },
    ],
  };
}

function byMonthOption(rows) {
  if (!rows.length) {
    return emptyOption();
  }
  const data = [...rows].sort((a, b) => String(a.month).localeCompare(String(b.month)));
  const monthLabel = (m) => {
    const match = /^(\d{4})-(\d{2})$/.exec(m || '');
    return match ? t('rectification.stats.month', match[1], Number(match[2]), match[2]) : m;
  };
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { top: 32, right: 16, bottom: 8, left: 8, containLabel: true },
    xAxis: { type: 'category', data: data.map((r) => monthLabel(r.month)), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('rectification.stats.registered'), type: 'line', symbolSize: 7, itemStyle: { color: COLORS.registered }, data: data.map((r) => r.registered) },
      { name: t('rectification.stats.closed'), type: 'line', symbolSize: 7, itemStyle: { color: COLORS.closed }, data: data.map((r) => r.closed) },
    ],
  };
}

const CHARTS = [
  { id: 'by-unit', title: 'rectification.stats.byUnit', option: (s) => byUnitOption(s.byUnit || []) },
  { id: 'by-category', title: 'rectification.stats.byCategory', option: (s) => byCategoryOption(s.byCategory || []) },
  { id: 'by-month', title: 'rectification.stats.byMonth', option: (s) => byMonthOption(s.byMonth || []) },
];

class QlRectStatistics extends ModulePage {
  static properties = {
    units: { state: true },
    inspections: { state: true },
    stats: { state: true },
    loading: { state: true },
  };

  constructor() {
    super();
    this.units = [];
    this.inspections = [];
    this.stats = null;
    this.filters = {};
    this.charts = new Map();
    this.loader = latestLoader(this);
  }

  connectedCallback() {
    super.connectedCallback();
    Promise.all([loadUnits(), loadInspections().catch((e) => (toastError(e), []))]).then(
      ([units, inspections]) => {
        this.units = units;
        this.inspections = inspections;
      },
    );
    this.load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.charts.forEach((c) => c.dispose());
    this.charts.clear();
  }

  load() {
    return this.loader(() => get(`${BASE}/statistics`, this.filters), (stats) => (this.stats = stats));
  }

  onFilter() {
    const form = this.querySelector('form[data-form="statistics-filter"]');
    const unitId = form.querySelector('[name="unitId"]')?.value;
    const inspectionId = form.querySelector('[name="inspectionId"]').value;
    this.filters = {
      unitId: unitId || undefined,
      subordinates: unitId && form.querySelector('[name="subordinates"]')?.checked ? true : undefined,
      inspectionId: inspectionId || undefined,
    };
    this.load();
  }

  updated() {
    if (!this.stats) {
      return;
    }
    for (const c of CHARTS) {
      const el = this.querySelector(`[data-chart="${c.id}"]`);
      if (!el) {
        continue;
      }
      this.charts.set(c.id, showChart(this.charts.get(c.id), el, c.option(this.stats)));
    }
  }

  figure(name, value, level) {
    return figure(name, value, t(`rectification.stats.${name}`), level);
  }

  render() {
    const s = this.stats;
    return html`<div class="ql-page" data-page="rectification-statistics" data-route="rectification/statistics">
      <div class="ql-page-header"><h2>${t('rectification.stats.title')}</h2></div>
      <form class="ql-toolbar" data-form="statistics-filter" novalidate @submit=${(e) => (e.preventDefault(), this.onFilter())}>
        ${unitFilter(this.units, {
          label: t('rectification.filter.unit'),
          subordinatesLabel: t('rectification.filter.subordinates'),
          onChange: () => this.onFilter(),
        })}
        <sl-select name="inspectionId" data-field="inspectionId" label=${t('rectification.filter.inspection')} clearable hoist class="ql-wide"
          placeholder=${t('filter.all')} @sl-change=${this.onFilter}>${inspectionOptions(this.inspections)}</sl-select>
        ${this.loading ? html`<sl-spinner class="ql-toolbar-spinner"></sl-spinner>` : ''}
      </form>
      ${s
        ? html`<div class="ql-panel ql-figures ql-figures-panel" data-testid="rectification-figures">
              ${this.figure('total', formatNumber(s.total))}
              ${this.figure('closed', formatNumber(s.closed), s.closed ? 'success' : null)}
              ${this.figure('longTerm', formatNumber(s.longTerm))}
              ${this.figure('overdue', formatNumber(s.overdue), s.overdue ? 'danger' : null)}
              ${this.figure('completionRate', formatPercent(s.completionRate), s.completionRate > 0 ? 'success' : null)}
            </div>
            <div class="ql-rect-charts">
              ${CHARTS.map(
                (c) => html`<section class=${classMap({ 'ql-panel': true, 'ql-chart-panel': true, 'ql-rect-wide': c.id === 'by-unit' })}>
                  <h3>${t(c.title)}</h3>
                  <div class="ql-chart" data-chart=${c.id}></div>
                </section>`,
              )}
            </div>`
        : html`<div class="ql-empty"><sl-spinner></sl-spinner></div>`}
    </div>`;
  }
}

if (!customElements.get('ql-rect-statistics')) {
  customElements.define('ql-rect-statistics', QlRectStatistics);
}
