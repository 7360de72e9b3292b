import {badge, download, failure, getJson, h, postJson, session, table, toast, when} from './core.js';

/** Reference-data versions: who loaded them, when, their checksum, what changed and why one was rejected. */
export async function mappingsPage(container) {
    const body = h('div');
    container.append(h('h1', {}, 'Mapping versions'),
        h('p', {class: 'muted'}, 'Each reference-data set (rate cards, GL and cost-centre mappings, multipliers…) ',
            'is validated whole when its files in mappings/ change; a rejected set leaves the version in force.'),
        h('div', {class: 'actions'}, h('button', {type: 'button', class: 'secondary', onclick: () => download(
            '/api/reference-data/versions', 'mapping-versions.csv')}, 'Download CSV'),
        session.may('ADMIN') ? h('button', {type: 'button', testid: 'reload-mappings',
            onclick: async () => {
                try {
                    const outcomes = await postJson('/api/reference-data/reload');
                    toast(outcomes.map(o => `${o.dataset}: ${o.result}`).join(', '));
                    load(body);
                } catch (error) {
                    toast(error.message, 'error');
                }
            }}, 'Check mappings/ now') : null),
        body);
    await load(body);
}

async function load(body) {
    try {
        const versions = await getJson('/api/reference-data/versions');
        body.replaceChildren(table([
            {label: 'Set', value: v => v.dataset},
            {label: 'Version', value: v => String(v.id), testid: 'version-id'},
            {label: 'Status', value: v => badge(v.status)},
            {label: 'Loaded', value: v => when(v.loadedAt)},
            {label: 'By', value: v => v.loadedBy || '–', testid: 'version-by'},
            {label: 'Checksum', value: v => h('code', {title: v.checksum}, v.checksum.substring(0, 12))},
            {label: 'What changed', value: v => changes(v), testid: 'version-changes'},
            {label: 'Errors', value: v => errors(v)},
        ], versions, {testid: 'version-table', rowTestid: v => 'version-' + v.id}));
    } catch (error) {
        failure(body, error);
    }
}

function changes(version) {
    const c = version.changes;
    const parts = [];
    if (c.comparedWith === null) {
        parts.push('first version: ' + c.added.join(', '));
    } else {
        if (c.added.length) {
            parts.push('added ' + c.added.join(', '));
        }
        if (c.changed.length) {
            parts.push('changed ' + c.changed.join(', '));
        }
        if (c.removed.length) {
            parts.push('removed ' + c.removed.join(', '));
        }
        parts.push(`(against version ${c.comparedWith})`);
    }
    return parts.join('; ');
}

function errors(version) {
    const list = version.errors || [];
    if (list.length === 0) {
        return '–';
    }
    return h('ul', {class: 'errors'}, list.map(e => h('li', {}, `${e.file} line ${e.line}: ${e.reason}`)));
}
