// The console's plumbing: the signed-in user, calls to the hub's REST API, and small DOM helpers. Every figure the
// console shows comes from the API as the hub computed it (decimal strings); the console never does money
// arithmetic of its own.

const CREDENTIALS = 'hub.console.credentials';

export const session = {
    user: null,
    roles: [],
    may(role) {
        return this.roles.includes(role);
    },
};

export class ApiError extends Error {
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}

function authorization() {
    const stored = sessionStorage.getItem(CREDENTIALS);
    return stored ? {Authorization: 'Basic ' + stored} : {};
}

export function remember(username, password) {
    // the tab's session only: closing the tab signs out
    const bytes = new TextEncoder().encode(username + ':' + password);
    sessionStorage.setItem(CREDENTIALS, btoa(String.fromCharCode(...bytes)));
}

export function forget() {
    sessionStorage.removeItem(CREDENTIALS);
    session.user = null;
    session.roles = [];
}

export function signedIn() {
    return sessionStorage.getItem(CREDENTIALS) !== null;
}

async function call(method, path, body, accept) {
    const headers = {...authorization(), 'X-Requested-With': 'XMLHttpRequest', Accept: accept};
    if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
    if (response.status === 401) {
        forget();
        window.dispatchEvent(new Event('hub:signed-out'));
        throw new ApiError(401, 'Please sign in again.');
    }
    if (!response.ok) {
        let message = response.status + ' ' + response.statusText;
        try {
            const error = await response.json();
            message = error.message || message;
        } catch (ignored) {
            // not JSON: the status line says enough
        }
        throw new ApiError(response.status, message);
    }
    return response;
}

/**
 * The hub writes decimals as plain JSON numbers with their scale (0.020000): parsed as doubles they would lose
 * it, and large ones their last digits. Decimals are kept as the text the hub wrote; whole numbers stay numbers.
 */
function decimalsAsWritten(key, value, context) {
    if (typeof value === 'number' && context && context.source
        && (!Number.isSafeInteger(value) || /[.eE]/.test(context.source))) {
        return context.source;
    }
    return value;
}

export function parseJson(text) {
    return text ? JSON.parse(text, decimalsAsWritten) : null;
}

export async function getJson(path) {
    return parseJson(await (await call('GET', path, undefined, 'application/json')).text());
}

export async function postJson(path, body) {
    const response = await call('POST', path, body === undefined ? {} : body, 'application/json');
    return parseJson(await response.text());
}

export async function getText(path) {
    return (await call('GET', path, undefined, '*/*')).text();
}

/** Downloads an export with the user's credentials (a plain link would not carry them). */
export async function download(path, fileName, accept = 'text/csv') {
    const blob = await (await call('GET', path, undefined, accept)).blob();
    const url = URL.createObjectURL(blob);
    const link = h('a', {href: url, download: fileName});
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function query(params) {
    const search = new URLSearchParams();
    Object.entries(params).forEach(([key, value]) => {
        if (value !== undefined && value !== null && value !== '') {
            search.set(key, value);
        }
    });
    const text = search.toString();
    return text ? '?' + text : '';
}

/** Builds an element: h('td', {class: 'num', dataset: {testid: 'x'}, onclick: f}, 'text', child, ...). */
export function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([key, value]) => {
        if (value === undefined || value === null || value === false) {
            return;
        }
        if (key.startsWith('on') && typeof value === 'function') {
            element.addEventListener(key.substring(2), value);
        } else if (key === 'dataset') {
            Object.assign(element.dataset, value);
        } else if (key === 'testid') {
            element.dataset.testid = value;
        } else if (value === true) {
            element.setAttribute(key, '');
        } else {
            element.setAttribute(key, value);
        }
    });
    children.flat(Infinity).forEach(child => {
        if (child !== undefined && child !== null && child !== false) {
            element.append(child instanceof Node ? child : document.createTextNode(String(child)));
        }
    });
    return element;
}

/** A decimal string with thousands separators, digits untouched: '12345.6700' → '12,345.6700'. */
export function amount(value) {
    if (value === undefined || value === null || value === '') {
        return '–';
    }
    const text = String(value);
    const negative = text.startsWith('-');
    const [whole, fraction] = (negative ? text.substring(1) : text).split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return (negative ? '-' : '') + grouped + (fraction === undefined ? '' : '.' + fraction);
}

/** A number cell: the API's figure as shown, and as sent in data-value (the browser tests compare the two). */
export function num(value, testid) {
    return h('td', {class: 'num', testid, dataset: {value: value === null || value === undefined ? '' : value}},
        amount(value));
}

export function when(instant) {
    if (!instant) {
        return '–';
    }
    return instant.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC');
}

/**
 * A table of rows: columns are {label, value: row => cell text or element, num: true for figures, testid}.
 * onSelect makes rows clickable (and keyboard-selectable).
 */
export function table(columns, rows, {onSelect, testid, empty = 'Nothing to show.', rowTestid} = {}) {
    const head = h('thead', {}, h('tr', {}, columns.map(c => h('th', {class: c.num ? 'num' : null}, c.label))));
    const body = h('tbody');
    if (rows.length === 0) {
        body.append(h('tr', {}, h('td', {colspan: columns.length, class: 'muted'}, empty)));
    }
    rows.forEach((row, index) => {
        const tr = h('tr', {testid: rowTestid ? rowTestid(row, index) : null});
        columns.forEach(c => {
            const value = c.value(row);
            if (value instanceof Node && value.tagName === 'TD') {
                tr.append(value);
            } else if (c.num) {
                tr.append(num(value, c.testid));
            } else {
                tr.append(h('td', {testid: c.testid}, value));
            }
        });
        if (onSelect) {
            tr.classList.add('selectable');
            tr.tabIndex = 0;
            tr.addEventListener('click', () => onSelect(row, tr));
            tr.addEventListener('keydown', event => {
                if (event.key === 'Enter') {
                    onSelect(row, tr);
                }
            });
        }
        body.append(tr);
    });
    return h('table', {class: 'data', testid}, head, body);
}

export function select(name, options, value, attributes = {}) {
    return h('select', {name, ...attributes}, options.map(o => {
        const [optionValue, label] = Array.isArray(o) ? o : [o, o];
        return h('option', {value: optionValue, selected: optionValue === value}, label);
    }));
}

export function badge(status) {
    return h('span', {class: 'badge ' + String(status).toLowerCase().replace(/_/g, '-')}, status);
}

export function toast(message, kind = 'info') {
    const element = document.getElementById('toast');
    element.textContent = message;
    element.className = 'toast ' + kind;
    element.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => {
        element.hidden = true;
    }, 6000);
}

/** The previous calendar month (UTC) as YYYY-MM: the month finance usually closes. */
export function previousMonth() {
    const now = new Date();
    const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    return first.toISOString().substring(0, 7);
}

export function monthBounds(period) {
    const [year, month] = period.split('-').map(Number);
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return {from: period + '-01', to: period + '-' + String(last).padStart(2, '0')};
}

/** Reads the page's parameters from the address (#/page?a=1), so a view can be bookmarked and shared. */
export function params() {
    const hash = location.hash.substring(1);
    const index = hash.indexOf('?');
    return Object.fromEntries(new URLSearchParams(index < 0 ? '' : hash.substring(index + 1)));
}

export function navigate(page, values) {
    const next = '#/' + page + query(values);
    if (location.hash === next) {
        window.dispatchEvent(new HashChangeEvent('hashchange'));
    } else {
        location.hash = next;
    }
}

export function failure(container, error) {
    container.replaceChildren(h('p', {class: 'error', role: 'alert', testid: 'page-error'}, error.message));
}

/** Polls fn every interval ms until it returns true; stops when the page changes. */
export function poll(fn, interval = 1000) {
    const page = location.hash.split('?')[0];
    const tick = async () => {
        if (location.hash.split('?')[0] !== page) {
            return;
        }
        try {
            if (!(await fn())) {
                setTimeout(tick, interval);
            }
        } catch (error) {
            toast(error.message, 'error');
        }
    };
    tick();
}

function label(key) {
    const words = key.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    return words.charAt(0).toUpperCase() + words.substring(1);
}

const FIGURE = /^-?\d+(\.\d+)?$/;

/** A table of API rows as they are (every column, in the API's order): for reports whose columns are their own. */
export function autoTable(rows, options = {}) {
    const keys = rows.length ? Object.keys(rows[0]).filter(k => !(options.hide || []).includes(k)) : [];
    return table(keys.map(key => ({
        label: label(key),
        num: rows.some(r => typeof r[key] === 'number' || (typeof r[key] === 'string' && FIGURE.test(r[key])
            && !/id$|_id$|number$/i.test(key))),
        testid: 'col-' + key,
        value: r => key === 'status' ? badge(r[key]) : r[key] !== null && typeof r[key] === 'object'
            ? JSON.stringify(r[key]) : r[key],
    })), rows, options);
}
