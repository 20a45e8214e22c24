// The portal's words. Every text a user sees comes from the message bundles
// (/ui/i18n/zh-CN.json, /ui/i18n/en.json, built from i18n/messages*.properties).
// Modules import it as `qinglian/i18n.js`.
import '@shoelace-style/shoelace/translations/zh-cn.js';
import '@shoelace-style/shoelace/translations/en.js';

export const LANGUAGES = ['zh-CN', 'en'];
const STORAGE_KEY = 'qinglian.lang';
const DEFAULT_LANG = 'zh-CN';

let lang = DEFAULT_LANG;
let messages = {};

function storedLanguage() {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.includes(stored) ? stored : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

/** The current language: 'zh-CN' or 'en'. */
export function currentLang() {
  return lang;
}

/** The message for `key` with `{0}`, `{1}`… replaced by `args`; the key itself if unknown. */
export function t(key, ...args) {
  const text = messages[key];
  if (text === undefined) {
    return key;
  }
  return args.length === 0 ? text : text.replace(/\{(\d+)\}/g, (m, i) => (args[i] === undefined ? m : String(args[i])));
}

/** Whether the bundles hold `key`. */
export function has(key) {
  return Object.prototype.hasOwnProperty.call(messages, key);
}

/** The message for `key`, or `fallback` (a raw code; the key itself by default) when the bundles do not know the key. */
export function labelOr(key, fallback) {
  return has(key) ? t(key) : fallback ?? key;
}

/**
 * Loads a language (the stored one by default), makes it current, sets `<html lang>` (which is
 * also how Shoelace picks its translation) and tells listeners with a `ql-lang-changed` event on
 * window.
 */
export async function setLanguage(next = storedLanguage()) {
  const wanted = LANGUAGES.includes(next) ? next : DEFAULT_LANG;
  const response = await fetch(`/ui/i18n/${wanted}.json`, { headers: { Accept: 'application/json' } });
  messages = await response.json();
  lang = wanted;
  try {
    localStorage.setItem(STORAGE_KEY, wanted);
  } catch {
    // private mode: the language lasts for this page only
  }
  document.documentElement.lang = wanted;
  document.title = t('app.title');
  window.dispatchEvent(new CustomEvent('ql-lang-changed', { detail: { lang: wanted } }));
  return wanted;
}

/** A record's localized name: `nameZh`/`nameEn` (or `labelZh`/`labelEn`), falling back to the other. */
export function localized(record, base = 'name') {
  if (!record) {
    return '';
  }
  const zh = record[`${base}Zh`];
  const en = record[`${base}En`];
  return (lang === 'en' ? en || zh : zh || en) || record[base] || record.code || '';
}

/** Dates and instants in the local format of the current language. */
export function formatDate(value) {
  if (!value) {
    return '';
  }
  // a LocalDate "2026-01-31" is a calendar day: do not shift it through UTC
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(date);
}

export function formatDateTime(value) {
  if (!value) {
    return '';
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime())
    ? String(value)
    : new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
}

export function formatNumber(value) {
  return typeof value === 'number' ? new Intl.NumberFormat(lang).format(value) : String(value ?? '');
}

/** A rate 0..1 as a percentage of the current language (one decimal at most). */
export function formatPercent(rate) {
  const value = typeof rate === 'number' && Number.isFinite(rate) ? rate : 0;
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}
