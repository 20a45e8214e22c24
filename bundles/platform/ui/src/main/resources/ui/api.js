// The fetch helper for /api/v1: JSON in and out, Accept-Language of the current language,
// X-CSRF-Token on every write, If-Match for versioned updates, problem documents as errors.
// Modules import it as `qinglian/api.js`.
import { currentLang, t } from './i18n.js';

const BASE = '/api/v1';
let csrfToken = null;

/** The session's CSRF token, from the login answer or /auth/me. */
export function setCsrfToken(token) {
  csrfToken = token || null;
}

/**
 * A failed request. `problem` is the server's problem document (RFC 9457), `status` the HTTP
 * status, `fieldErrors` maps each field named in `problem.errors` to its message.
 */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || t('error.network'));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem || null;
    this.messageKey = problem ? problem.messageKey : null;
    this.fieldErrors = {};
    for (const e of (problem && problem.errors) || []) {
      if (e && e.field) {
        this.fieldErrors[e.field] = this.fieldErrors[e.field] ? `${this.fieldErrors[e.field]} ${e.message}` : e.message;
      }
    }
  }
}

/** '/units' → '/api/v1/units'; a path that already starts with /api/ is taken as it is. */
function url(path) {
  return path.startsWith('/api/') ? path : BASE + (path.startsWith('/') ? path : `/${path}`);
}

function query(params) {
  if (!params) {
    return '';
  }
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') {
      continue;
    }
    if (Array.isArray(v)) {
      v.forEach((item) => q.append(k, item));
    } else {
      q.append(k, String(v));
    }
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * Calls the API. `path` is below /api/v1 (e.g. '/units', or in full: '/api/v1/units'). Options: method, body (sent as JSON),
 * raw (a Blob or File sent as it is instead of JSON, with `contentType`, default
 * application/octet-stream), params (query string), version (sent as If-Match), signal, and
 * auth: false for calls whose 401 is an answer, not an expired session (the login). Resolves to
 * the parsed JSON, or null for 204.
 * A 401 fires `ql-unauthorized` on window (the portal shows its login); a 403 asking for a
 * password change fires `ql-password-change-required`.
 */
export async function request(path, { method = 'GET', body, raw, contentType, params, version, signal, auth = true } = {}) {
  const headers = { Accept: 'application/json', 'Accept-Language': currentLang() };
  if (raw !== undefined) {
    headers['Content-Type'] = contentType || 'application/octet-stream';
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  if (version !== undefined && version !== null) {
    headers['If-Match'] = String(version);
  }
  let response;
  try {
    response = await fetch(url(path) + query(params), {
      method,
      headers,
      body: raw !== undefined ? raw : body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (e) {
    if (e && e.name === 'AbortError') {
      throw e;
    }
    throw new ApiError(0, { title: t('error.network'), detail: t('error.network') });
  }
  if (response.status === 204) {
    return null;
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (response.ok) {
    return data;
  }
  const problem = data && typeof data === 'object' ? data : { title: t('error.http', response.status), status: response.status };
  if (response.status === 401 && auth) {
    setCsrfToken(null);
    window.dispatchEvent(new CustomEvent('ql-unauthorized'));
  } else if (response.status === 403 && problem.messageKey === 'problem.passwordChangeRequired') {
    window.dispatchEvent(new CustomEvent('ql-password-change-required'));
  }
  throw new ApiError(response.status, problem);
}

export const get = (path, params, options = {}) => request(path, { ...options, params });
export const post = (path, body, options = {}) => request(path, { ...options, method: 'POST', body });
export const put = (path, body, version, options = {}) => request(path, { ...options, method: 'PUT', body, version });
export const del = (path, version, options = {}) => request(path, { ...options, method: 'DELETE', version });
/** POSTs a file (or any Blob) as the raw request body. */
export const upload = (path, file, params, options = {}) =>
  request(path, { ...options, method: 'POST', raw: file, contentType: 'application/octet-stream', params });

/** GET with a 404 answered as null (records out of the caller's scope are answered as missing). */
export async function getOrNull(path, params, options = {}) {
  try {
    return await get(path, params, options);
  } catch (e) {
    if (e && e.status === 404) {
      return null;
    }
    throw e;
  }
}

/** Every item of a paged list (for pickers; the server caps size at 200). */
export async function all(path, params = {}) {
  const items = [];
  for (let page = 1; page < 100; page++) {
    const answer = await get(path, { ...params, page, size: 200 });
    items.push(...answer.items);
    if (items.length >= answer.total || answer.items.length === 0) {
      break;
    }
  }
  return items;
}

/** The module-facing API object (`portal.api`). */
export const api = { request, get, getOrNull, post, put, del, upload, all, ApiError };
export default api;
