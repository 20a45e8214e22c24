// Tabulator grids for the portal: remote paging and sorting through the API helper, texts from the
// message bundles. Modules import it as `qinglian/grid.js`.
//
//   const grid = createGrid(element, {
//     path: '/people',                       // a paged list below /api/v1
//     params: () => ({ name: filterText }),  // extra query parameters, read on every load
//     columns: [{ title: t('people.name'), field: 'name', headerSort: true }, …],
//     initialSort: [{ column: 'name', dir: 'asc' }],
//   });
//   grid.reload();   // after a filter changed (back to page 1)
//   grid.destroy();  // when the page goes
//
// Sorting is sent as `sort=name,-createdAt`; only columns with `headerSort: true` sort (the
// server whitelists its sort fields). Without `path` the grid shows `data` locally, paged in the
// browser (for short lists that the API answers unpaged).
import { TabulatorFull as Tabulator } from 'tabulator-tables';
import { get } from './api.js';
import { currentLang, t } from './i18n.js';
import { toastError } from './ui.js';

/** Tabulator's own texts (pagination, loading, errors) from the bundles. */
export function tabulatorLangs() {
  return {
    [currentLang()]: {
      columns: {},
      data: { loading: t('grid.loading'), error: t('grid.error') },
      groups: { item: t('grid.item'), items: t('grid.items') },
      pagination: {
        page_size: t('grid.pageSize'),
        page_title: t('grid.pageTitle'),
        first: t('grid.first'),
        first_title: t('grid.firstTitle'),
        last: t('grid.last'),
        last_title: t('grid.lastTitle'),
        prev: t('grid.prev'),
        prev_title: t('grid.prevTitle'),
        next: t('grid.next'),
        next_title: t('grid.nextTitle'),
        all: t('grid.all'),
        counter: { showing: t('grid.counterShowing'), of: t('grid.counterOf'), rows: t('grid.counterRows'), pages: t('grid.counterPages') },
      },
      headerFilters: { default: t('grid.filter'), columns: {} },
    },
  };
}

function sortParam(sorters) {
  return (sorters || []).map((s) => (s.dir === 'desc' ? '-' : '') + s.field).join(',') || undefined;
}

/**
 * A grid in `element`. Options: path, params (a function), columns, initialSort, pageSize,
 * data (local rows when there is no path), onRowClick (`(rowData) => …`: a click on a row opens
 * it, and its rows look so), and any other Tabulator option. Returns
 * `{ table, reload(), setData(rows), ready, destroy() }`.
 */
export function createGrid(element, { path, params, columns, initialSort, pageSize = 20, data, onRowClick, ...options } = {}) {
  const remote = !!path;
  let destroyed = false;
  const config = {
    layout: 'fitColumns',
    columns: columns.map((c) => ({ headerSort: false, ...c })),
    placeholder: t('grid.empty'),
    locale: currentLang(),
    langs: tabulatorLangs(),
    pagination: true,
    paginationSize: pageSize,
    paginationSizeSelector: [10, 20, 50, 100],
    paginationCounter: 'rows',
    paginationButtonCount: 5,
    movableColumns: false,
    ...options,
  };
  if (initialSort) {
    config.initialSort = initialSort;
  }
  if (onRowClick) {
    const format = options.rowFormatter;
    config.rowFormatter = (row) => {
      row.getElement().classList.add('ql-row-link');
      if (format) {
        format(row);
      }
    };
  }
  if (remote) {
    Object.assign(config, {
      paginationMode: 'remote',
      sortMode: 'remote',
      filterMode: 'remote',
      ajaxURL: path,
      // Tabulator itself drops answers that a newer request overtook; requests are never aborted
      // (an aborted request is a failed request in the browser's log)
      ajaxRequestFunc: async (url, _config, tabulatorParams) => {
        const size = tabulatorParams.size || pageSize;
        const never = () => new Promise(() => {});
        try {
          const answer = await get(url, {
            ...(params ? params() : {}),
            page: tabulatorParams.page || 1,
            size,
            sort: sortParam(tabulatorParams.sort),
          });
          if (destroyed) {
            return never();
          }
          return {
            last_page: Math.max(1, Math.ceil(answer.total / size)),
            last_row: answer.total,
            data: answer.items,
          };
        } catch (e) {
          // an error toast instead of Tabulator's console error; the grid shows no rows
          if (destroyed) {
            return never();
          }
          toastError(e);
          return { last_page: 1, last_row: 0, data: [] };
        }
      },
    });
  } else {
    config.data = data || [];
  }
  const table = new Tabulator(element, config);
  const ready = new Promise((resolve) => table.on('tableBuilt', resolve));
  if (onRowClick) {
    ready.then(() => table.on('rowClick', (e, row) => onRowClick(row.getData(), e)));
  }
  return {
    table,
    ready,
    /** Loads again from page 1 (remote) with the current params. */
    async reload() {
      await ready;
      if (!destroyed) {
        await table.setData(remote ? path : table.getData());
      }
    },
    /** Loads the current page again (after a change to one row). */
    async refresh() {
      await ready;
      if (!destroyed) {
        if (remote) {
          await table.setPage(table.getPage() || 1);
        }
      }
    },
    async setData(rows) {
      await ready;
      if (!destroyed) {
        await table.replaceData(rows);
      }
    },
    async redraw() {
      await ready;
      if (!destroyed) {
        table.redraw(true);
      }
    },
    destroy() {
      destroyed = true;
      ready.then(() => table.destroy());
    },
  };
}

/** A cell formatter that renders the DOM node `build(rowData, cell)` returns (a button, a link). */
export function nodeFormatter(build) {
  return (cell) => build(cell.getRow().getData(), cell) || '';
}

/** A small Shoelace button for action columns. */
export function actionButton(label, onClick, { variant = 'default', action, icon } = {}) {
  const button = document.createElement('sl-button');
  button.size = 'small';
  button.variant = variant;
  if (action) {
    button.dataset.action = action;
  }
  if (icon) {
    const i = document.createElement('sl-icon');
    i.slot = 'prefix';
    i.name = icon;
    button.append(i);
  }
  button.append(document.createTextNode(label));
  button.addEventListener('click', (e) => {
    e.stopPropagation();
    onClick(e);
  });
  return button;
}

/** Several nodes in one cell. */
export function cellGroup(...nodes) {
  const span = document.createElement('span');
  span.className = 'ql-cell-actions';
  span.append(...nodes.filter(Boolean));
  return span;
}

/** A text tag (level, state) in its variant, with `className` and `data` (its data- attributes) if given. */
export function tag(text, variant = 'neutral', { className, data } = {}) {
  const el = document.createElement('sl-tag');
  el.size = 'small';
  el.variant = variant;
  if (className) {
    el.className = className;
  }
  Object.assign(el.dataset, data || {});
  el.textContent = text;
  return el;
}

/** A link-looking text that runs `onClick`. */
export function linkText(text, onClick) {
  const a = document.createElement('a');
  a.href = '#';
  a.className = 'ql-link';
  a.textContent = text;
  a.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation();
    onClick(e);
  });
  return a;
}
