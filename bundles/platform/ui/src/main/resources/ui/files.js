// Files and page plumbing that modules' pages share: downloading an export or an attachment under
// the server's file name, uploading attachments, file sizes for people, the route's query and the
// filters it presets, a module's own stylesheet. Modules import it as `qinglian/files.js`.
import { ApiError, request } from './api.js';
import { currentLang, t } from './i18n.js';
import { toastError } from './ui.js';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file name of a `Content-Disposition` header (RFC 6266, `filename*` first), or `fallback`. */
export function filenameOf(response, fallback) {
  const header = response.headers.get('Content-Disposition') || '';
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain ? plain[1].trim() : fallback;
}

/**
 * Downloads a file of the API (cookies authenticate GETs) and saves it under the server's name.
 * `path` is below /api/v1; `accept` the type wanted (a spreadsheet by default). A problem
 * document of the server becomes an ApiError, as api.js does. Resolves to the saved name.
 */
export async function download(path, params, fallbackName, accept = XLSX) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') {
      query.append(k, String(v));
    }
  }
  const q = query.toString();
  const base = path.startsWith('/api/') ? path : `/api/v1${path}`;
  let response;
  try {
    response = await fetch(`${base}${q ? `?${q}` : ''}`, {
      headers: { Accept: `${accept}, application/problem+json;q=0.9, */*;q=0.8`, 'Accept-Language': currentLang() },
      credentials: 'same-origin',
    });
  } catch (e) {
    throw new ApiError(0, { title: t('error.network'), detail: t('error.network') });
  }
  if (!response.ok) {
    const type = response.headers.get('Content-Type') || '';
    const problem = type.includes('json') ? await response.json().catch(() => null) : null;
    if (response.status === 401) {
      window.dispatchEvent(new CustomEvent('ql-unauthorized'));
    }
    throw new ApiError(response.status, problem || { title: t('error.http', response.status), status: response.status });
  }
  const blob = await response.blob();
  const name = filenameOf(response, fallbackName);
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 30000);
  return name;
}

/**
 * Uploads files one after the other to `path` (below /api/v1), each as the raw request body with
 * its name as `filename`; resolves to the failures as lines `name: why`.
 */
export async function uploadFiles(path, files) {
  const failed = [];
  for (const file of files) {
    try {
      await request(path, {
        method: 'POST',
        raw: file,
        contentType: file.type || 'application/octet-stream',
        params: { filename: file.name },
      });
    } catch (error) {
      failed.push(`${file.name}: ${(error.problem && (error.problem.detail || error.problem.title)) || error.message}`);
    }
  }
  return failed;
}

/** The link of a platform attachment (`GET /api/v1/attachments/{id}`, served after its module's check). */
export function attachmentHref(id) {
  return `/api/v1/attachments/${encodeURIComponent(id)}`;
}

/** A file size for people: bytes, KB or MB in the current language. */
export function formatSize(bytes) {
  const n = Number(bytes) || 0;
  const nf = new Intl.NumberFormat(currentLang(), { maximumFractionDigits: 1 });
  if (n >= 1024 * 1024) {
    return t('file.size.mb', nf.format(n / 1024 / 1024));
  }
  if (n >= 1024) {
    return t('file.size.kb', nf.format(n / 1024));
  }
  return t('file.size.bytes', nf.format(n));
}

/** The route's query (`#/module/page?unitId=…`) as URLSearchParams. */
export function routeQuery() {
  const hash = decodeURIComponent(location.hash || '');
  const i = hash.indexOf('?');
  return new URLSearchParams(i >= 0 ? hash.slice(i + 1) : '');
}

/**
 * The filters a list page's route presets (`#/module/page?status=…&overdue=true`): the values of
 * the parameters `names`, and each of `flags` whose value is 'true'.
 */
export function routeFilters(names, flags = []) {
  const q = routeQuery();
  const filters = {};
  for (const name of names) {
    if (q.get(name)) {
      filters[name] = q.get(name);
    }
  }
  for (const flag of flags) {
    if (q.get(flag) === 'true') {
      filters[flag] = true;
    }
  }
  return filters;
}

/**
 * Follows a list page's route while the page is shown: a link to the page with other filters (a
 * dashboard card's) does not mount it again (the shell keeps the page), so the page takes them
 * itself. `page` is the page's route ('talks/register'), `read()` reads the route's filters,
 * `apply(filters)` runs when they differ from the last ones (`current` at first). Returns the
 * function that stops following.
 */
export function followRouteFilters(page, read, apply, current = read()) {
  const pattern = new RegExp(`^#/?${page.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\?|$)`);
  let last = JSON.stringify(current);
  const onHash = () => {
    if (pattern.test(decodeURIComponent(location.hash))) {
      const next = read();
      if (JSON.stringify(next) !== last) {
        last = JSON.stringify(next);
        apply(next);
      }
    }
  };
  window.addEventListener('hashchange', onHash);
  return () => window.removeEventListener('hashchange', onHash);
}

/** Downloads an export (see `download`) with `host[flag]` ('exporting') true meanwhile; a failure is a toast. */
export async function exportFile(host, path, params, fallbackName, flag = 'exporting') {
  host[flag] = true;
  try {
    await download(path, params, fallbackName);
  } catch (e) {
    toastError(e);
  } finally {
    host[flag] = false;
  }
}

/**
 * Loads a module's stylesheet once (the CSP allows stylesheets of the portal's own origin):
 * `ensureStyles('talks', new URL('./talks.css', import.meta.url))`.
 */
export function ensureStyles(id, href) {
  if (document.querySelector(`link[data-module-styles="${CSS.escape(id)}"]`)) {
    return;
  }
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href instanceof URL ? href.pathname : String(href);
  link.dataset.moduleStyles = id;
  document.head.append(link);
}
