import {badge, download, failure, getJson, getText, h, navigate, params, poll, postJson, query, select, session, table, toast,
    when} from './core.js';

const PAGE_SIZE = 50;
const STATUSES = [['', 'open and acknowledged'], ['OPEN', 'open'], ['ACKNOWLEDGED', 'acknowledged'],
    ['RESOLVED', 'resolved'], ['ALL', 'all']];

/** The exception queue: filter, acknowledge, resolve with a note, replay one or many, with the original payload. */
export async function exceptionsPage(container) {
    const p = params();
    const filter = {status: p.status || '', type: p.type || '', pipeline: p.pipeline || '', source: p.source || '',
        offset: Number(p.offset || 0)};
    const body = h('div');
    const detail = h('div', {class: 'detail', testid: 'exception-detail'});
    container.append(h('h1', {}, 'Exception queue'), body, detail);
    try {
        const summary = await getJson('/api/exceptions/summary');
        const types = [...new Set([...Object.keys(summary), filter.type].filter(Boolean))].sort();
        const form = h('form', {class: 'filters', testid: 'exception-filters'},
            h('label', {}, 'Status ', select('status', STATUSES, filter.status)),
            h('label', {}, 'Type ', select('type', [['', 'any'], ...types], filter.type)),
            h('label', {}, 'Pipeline ', h('input', {name: 'pipeline', value: filter.pipeline, placeholder: 'any'})),
            h('label', {}, 'Source ', h('input', {name: 'source', value: filter.source, placeholder: 'any'})),
            h('button', {type: 'submit'}, 'Filter'),
            h('button', {type: 'button', class: 'secondary', testid: 'exceptions-csv', onclick: () => download(
                '/api/exceptions' + query({...filter, status: filter.status === 'ALL' ? '' : filter.status,
                    offset: undefined, limit: 1000}), 'exceptions.csv')}, 'Download CSV'));
        form.addEventListener('submit', event => {
            event.preventDefault();
            navigate('exceptions', Object.fromEntries(new FormData(form)));
        });
        const list = await cases(filter);
        body.append(summaryTable(summary), form, caseList(list, filter, detail));
        if (p.id) {
            show(detail, Number(p.id));
        }
    } catch (error) {
        failure(body, error);
    }
}

async function cases(filter) {
    const status = filter.status === 'ALL' ? '' : filter.status;
    if (status === '' && filter.status !== 'ALL') {
        // "open and acknowledged": what is still to be worked
        const [open, acknowledged] = await Promise.all(['OPEN', 'ACKNOWLEDGED'].map(s => getJson(
            '/api/exceptions' + query({...filter, status: s, limit: PAGE_SIZE, offset: filter.offset}))));
        return [...open, ...acknowledged].sort((a, b) => b.id - a.id);
    }
    return getJson('/api/exceptions' + query({...filter, status, limit: PAGE_SIZE, offset: filter.offset}));
}

function summaryTable(summary) {
    const entries = Object.entries(summary);
    return h('div', {class: 'summary', testid: 'exception-summary'},
        entries.length === 0 ? h('p', {class: 'muted'}, 'No open cases.')
            : entries.map(([type, count]) => h('span', {class: 'chip', dataset: {type, value: count}},
                h('b', {}, type), ' ', String(count))));
}

function caseList(list, filter, detail) {
    const selected = new Set();
    const operator = session.may('OPERATOR');
    const progress = h('div', {testid: 'bulk-progress'});
    const replaySelected = h('button', {type: 'button', testid: 'replay-selected', disabled: true,
        onclick: () => bulkReplay([...selected], progress, replaySelected)}, 'Replay selected');
    const columns = [
        {label: '#', value: c => String(c.id), testid: 'case-id'},
        {label: 'Type', value: c => c.type},
        {label: 'Status', value: c => badge(c.status)},
        {label: 'Pipeline', value: c => c.pipeline || '–'},
        {label: 'Source', value: c => h('span', {class: 'clip narrow-clip', title: c.source}, c.source || '–')},
        {label: 'Position', value: c => h('span', {class: 'clip narrow-clip', title: c.sourcePosition},
            c.sourcePosition || '–')},
        {label: 'Reason', value: c => h('span', {class: 'clip', title: c.reason}, c.reason)},
        {label: 'Opened (UTC)', value: c => h('span', {class: 'nowrap'}, when(c.createdAt).substring(0, 16))},
    ];
    if (operator) {
        columns.unshift({label: '', value: c => h('td', {}, c.replayEndpoint && c.status !== 'RESOLVED'
            ? h('input', {type: 'checkbox', 'aria-label': 'select case ' + c.id, testid: 'select-case',
                dataset: {id: c.id}, onclick: event => {
                    event.stopPropagation();
                    event.target.checked ? selected.add(c.id) : selected.delete(c.id);
                    replaySelected.disabled = selected.size === 0;
                    replaySelected.textContent = `Replay selected (${selected.size})`;
                }}) : '')});
    }
    const pager = h('div', {class: 'pager'},
        filter.offset > 0 ? h('button', {type: 'button', class: 'secondary', onclick: () => navigate('exceptions',
            {...filter, offset: Math.max(filter.offset - PAGE_SIZE, 0)})}, 'Newer') : null,
        list.length >= PAGE_SIZE ? h('button', {type: 'button', class: 'secondary', onclick: () => navigate(
            'exceptions', {...filter, offset: filter.offset + PAGE_SIZE})}, 'Older') : null);
    return h('div', {},
        operator ? h('div', {class: 'actions'}, replaySelected) : null,
        progress,
        table(columns, list, {testid: 'exception-table', rowTestid: c => 'case-' + c.id,
            onSelect: c => show(detail, c.id), empty: 'No cases match.'}),
        pager);
}

async function show(detail, id) {
    detail.replaceChildren(h('p', {class: 'muted'}, 'Loading case ' + id + '…'));
    try {
        const item = await getJson('/api/exceptions/' + id);
        const payload = item.payloadBytes ? await getText('/api/exceptions/' + id + '/payload') : null;
        detail.replaceChildren(caseCard(item, payload, detail));
        detail.scrollIntoView({behavior: 'smooth', block: 'start'});
    } catch (error) {
        failure(detail, error);
    }
}

function field(label, value, testid) {
    return [h('dt', {}, label), h('dd', {testid}, value === null || value === undefined || value === '' ? '–'
        : value)];
}

function caseCard(item, payload, detail) {
    const card = h('section', {class: 'card', testid: 'case-card', dataset: {id: item.id}},
        h('h2', {}, `Case ${item.id} `, badge(item.status), ' ', h('span', {class: 'muted'}, item.type)),
        h('dl', {class: 'fields'},
            field('Reason', item.reason, 'case-reason'),
            field('Pipeline', item.pipeline),
            field('Source', item.source, 'case-source'),
            field('Position', item.sourcePosition, 'case-position'),
            field('Route', item.routeId),
            field('Run', item.runId ? h('a', {href: '#/runs?runId=' + encodeURIComponent(item.runId)}, item.runId)
                : null),
            field('Correlation id', item.correlationId),
            field('Opened', when(item.createdAt)),
            field('Acknowledged', item.acknowledgedAt ? when(item.acknowledgedAt) + ' by ' + item.acknowledgedBy
                : null, 'case-acknowledged'),
            field('Resolved', item.resolvedAt ? `${when(item.resolvedAt)} by ${item.resolvedBy}: ${item.resolution}`
                : null, 'case-resolved'),
            field('Note', item.resolutionNote, 'case-note'),
            field('Replays', String(item.replayCount)),
            field('Replay of', item.replayOf ? h('a', {href: '#/exceptions?id=' + item.replayOf}, item.replayOf)
                : null)),
        h('h3', {}, 'Evidence'),
        h('pre', {class: 'json', testid: 'case-context'}, JSON.stringify(item.context, null, 2)),
        h('h3', {}, 'Original payload', item.payloadType ? ` (${item.payloadType}, ${item.payloadBytes} bytes)` : ''),
        h('pre', {class: 'payload', testid: 'case-payload'}, payload === null ? '(none)' : payload));
    if (session.may('OPERATOR') && item.status !== 'RESOLVED') {
        card.append(actions(item, detail));
    }
    return card;
}

function actions(item, detail) {
    const note = h('textarea', {name: 'note', rows: 2, required: true, testid: 'resolve-note',
        placeholder: 'What was done, or why it is accepted (required)'});
    const resolution = select('resolution', [['FIXED', 'Fixed'], ['ACCEPTED', 'Accepted as is']], 'FIXED',
        {testid: 'resolve-resolution'});
    const refresh = () => show(detail, item.id);
    const run = async (action, body, done) => {
        try {
            const answer = await postJson(`/api/exceptions/${item.id}/${action}`, body);
            toast(done(answer), answer && answer.succeeded === false ? 'error' : 'info');
            refresh();
        } catch (error) {
            toast(error.message, 'error');
        }
    };
    const resolveForm = h('form', {class: 'resolve', testid: 'resolve-form'}, resolution, note,
        h('button', {type: 'submit', testid: 'resolve'}, 'Resolve'));
    resolveForm.addEventListener('submit', event => {
        event.preventDefault();
        run('resolve', {resolution: resolution.value, note: note.value}, () => `Case ${item.id} resolved.`);
    });
    return h('div', {class: 'actions'},
        item.status === 'OPEN' ? h('button', {type: 'button', testid: 'acknowledge',
            onclick: () => run('acknowledge', undefined, () => `Case ${item.id} acknowledged.`)}, 'Acknowledge')
            : null,
        item.replayEndpoint ? h('button', {type: 'button', testid: 'replay',
            onclick: () => run('replay', undefined, outcome => outcome.succeeded
                ? `Case ${item.id} replayed: ${outcome.message}` : `Replay failed: ${outcome.message}`)}, 'Replay')
            : null,
        resolveForm);
}

async function bulkReplay(ids, progress, button) {
    button.disabled = true;
    try {
        const started = await postJson('/api/exceptions/replays', {caseIds: ids});
        poll(async () => {
            const state = await getJson('/api/exceptions/replays/' + started.id);
            const done = state.succeeded + state.failed;
            progress.replaceChildren(
                h('progress', {max: state.total, value: done, testid: 'bulk-progress-bar'}),
                h('span', {testid: 'bulk-progress-text', dataset: {status: state.status}},
                    ` ${done} of ${state.total} replayed: ${state.succeeded} succeeded, ${state.failed} failed`
                    + (state.status === 'FINISHED' ? '.' : '…')),
                table([
                    {label: 'Case', value: i => h('a', {href: '#/exceptions?id=' + i.caseId}, String(i.caseId))},
                    {label: 'Outcome', value: i => badge(i.outcome)},
                    {label: 'Message', value: i => i.message || ''},
                ], state.items.filter(i => i.outcome !== 'PENDING'), {testid: 'bulk-items'}));
            return state.status === 'FINISHED';
        });
    } catch (error) {
        toast(error.message, 'error');
        button.disabled = false;
    }
}
