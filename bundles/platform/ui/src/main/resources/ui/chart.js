// ECharts for the portal: init with the current language, resize with the element, dispose; an
// empty chart's option, a slider for many categories. Modules import it as `qinglian/chart.js`.
//
//   const chart = createChart(element, option);  // element needs a height (CSS)
//   chart.update(option);
//   chart.dispose();
//   this.chart = showChart(this.chart, element, option);  // in a Lit element's updated()
//
// The Content-Security-Policy forbids style attributes in HTML, and ECharts' HTML tooltips are
// built from such markup: tooltips are drawn on the canvas instead (renderMode 'richText'),
// whatever the option says.
import * as echarts from 'echarts';
import { currentLang } from './i18n.js';

function richTextTooltip(tooltip) {
  if (Array.isArray(tooltip)) {
    return tooltip.map(richTextTooltip);
  }
  return { ...(tooltip || {}), renderMode: 'richText' };
}

/** The option with every tooltip drawn as rich text (CSP-safe). */
export function safeOption(option) {
  const safe = { ...(option || {}) };
  safe.tooltip = richTextTooltip(safe.tooltip);
  if (!safe.grid && (safe.xAxis || safe.yAxis)) {
    // a compact plot area for the dashboard's small cards
    safe.grid = { top: 16, right: 16, bottom: 8, left: 8, containLabel: true };
  }
  for (const key of ['series']) {
    if (Array.isArray(safe[key])) {
      safe[key] = safe[key].map((s) => (s && s.tooltip ? { ...s, tooltip: richTextTooltip(s.tooltip) } : s));
    } else if (safe[key] && safe[key].tooltip) {
      safe[key] = { ...safe[key], tooltip: richTextTooltip(safe[key].tooltip) };
    }
  }
  return safe;
}

export function createChart(element, option) {
  const chart = echarts.init(element, null, { renderer: 'canvas', locale: currentLang() === 'en' ? 'EN' : 'ZH' });
  chart.setOption(safeOption(option));
  let frame = 0;
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      if (!chart.isDisposed()) {
        chart.resize();
      }
    });
  });
  observer.observe(element);
  return {
    chart,
    update(next) {
      chart.setOption(safeOption(next), true);
    },
    dispose() {
      observer.disconnect();
      cancelAnimationFrame(frame);
      if (!chart.isDisposed()) {
        chart.dispose();
      }
    },
  };
}

/**
 * The chart of `element` showing `option`: `current` (a chart of createChart, or nothing) updated
 * when it is drawn in `element`, else disposed and a new chart made there (Lit renders a new element).
 */
export function showChart(current, element, option) {
  if (current && current.chart.getDom() === element) {
    current.update(option);
    return current;
  }
  current?.dispose();
  return createChart(element, option);
}

/** A chart without data that says so (`text`) in its middle. */
export function emptyOption(text) {
  return {
    title: { text, left: 'center', top: 'middle', textStyle: { color: '#8a8f98', fontSize: 14, fontWeight: 'normal' } },
    xAxis: { show: false },
    yAxis: { show: false },
    series: [],
  };
}

/** A category axis of `count` bars shows `visible` of them and a slider for the rest; none needed: no zoom. */
export function categoryZoom(count, visible) {
  return count > visible
    ? [
        { type: 'slider', start: 0, end: Math.round((visible / count) * 100), height: 16, bottom: 8 },
        { type: 'inside' },
      ]
    : [];
}

export { echarts };
