import {badge, download, failure, getJson, h, navigate, params, poll, postJson, previousMonth, query, select, session, table,
    toast, when} from './core.js';

const PIPELINES = [['carrier-cpm', 'Carrier CPM and reconciliation'], ['cxone-gl', 'CXone GL'],
    ['chargeback', 'Business-unit chargeback'], ['webex-wholesale', 'Webex wholesale']];

/** Runs with their phases, counts and input checksums; operators start a period run and watch it progress. */
export async function runsPage(container) {
    const p = params();
    const filter = {pipeline: p.pipeline || '', period: p.period || ''};
    const detail = h('div', {class: 'detail', testid: 'run-detail'});
    const body = h('div');
    const form = h('form', {class: 'filters', testid: 'run-filters'},
        h('label', {}, 'Pipeline ', h('input', {name: 'pipeline', value: filter.pipeline, placeholder: 'any'})),
        h('label', {}, 'Period ', h('input', {name: 'period', value: filter.period, placeholder: 'YYYY-MM',
            pattern: '\\d{4}-\\d{2}'})),
        h('button', {type: 'submit'}, 'Filter'),
        h('button', {type: 'button', class: 'secondary', onclick: () => download('/api/runs' + query({...filter,
            limit: 500}), 'runs.csv')}, 'Download CSV'));
    form.addEventListener('submit', event => {
        event.preventDefault();
        navigate('runs', Object.fromEntries(new FormData(form)));
    });
    container.append(h('h1', {}, 'Runs'), session.may('OPERATOR') ? startForm(detail) : null, form, body, detail);
    try {
        const runs = await getJson('/api/runs' + query({...filter, limit: 100}));
        body.replaceChildren(table([
            {label: 'Run', value: r => h('code', {}, r.runId.substring(0, 8))},
            {label: 'Pipeline', value: r => r.pipeline},
            {label: 'Period', value: r => r.period || '–'},
            {label: 'Trigger', value: r => r.trigger},
            {label: 'Status', value: r => badge(r.status)},
            {label: 'Started', value: r => when(r.startedAt)},
            {label: 'Finished', value: r => when(r.finishedAt)},
            {label: 'In', value: r => r.recordsIn, num: true},
            {label: 'Accepted', value: r => r.recordsAccepted, num: true},
            {label: 'Rejected', value: r => r.recordsRejected, num: true},
        ], runs, {testid: 'run-table', rowTestid: r => 'run-' + r.runId, onSelect: r => show(detail, r.runId),
            empty: 'No runs match.'}));
        if (p.runId) {
            show(detail, p.runId);
        }
    } catch (error) {
        failure(body, error);
    }
}

function startForm(detail) {
    const form = h('form', {class: 'filters start', testid: 'run-start'},
        h('b', {}, 'Run a period now: '),
        select('pipeline', PIPELINES, 'carrier-cpm', {testid: 'run-pipeline'}),
        h('input', {name: 'period', value: previousMonth(), required: true, pattern: '\\d{4}-\\d{2}',
            'aria-label': 'period', testid: 'run-period'}),
        h('label', {}, h('input', {type: 'checkbox', name: 'close'}), ' close and post to the ERP'),
        h('button', {type: 'submit', testid: 'run-submit'}, 'Start'));
    form.addEventListener('submit', async event => {
        event.preventDefault();
        const values = new FormData(form);
        try {
            const started = await postJson('/api/runs', {pipeline: values.get('pipeline'),
                period: values.get('period'), close: values.get('close') === 'on'});
            toast(`Run ${started.runId} started.`);
            show(detail, started.runId, true);
        } catch (error) {
            toast(error.message, 'error');
        }
    });
    return form;
}

async function show(detail, runId, follow = false) {
    const render = async () => {
        const run = await getJson('/api/runs/' + encodeURIComponent(runId));
        detail.replaceChildren(runCard(run));
        return run.status !== 'RUNNING';
    };
    try {
        if (follow) {
            poll(render, 1000);
        } else {
            await render();
        }
        detail.scrollIntoView({behavior: 'smooth', block: 'start'});
    } catch (error) {
        failure(detail, error);
    }
}

function runCard(run) {
    const running = run.status === 'RUNNING';
    return h('section', {class: 'card', testid: 'run-card', dataset: {status: run.status}},
        h('h2', {}, `Run ${run.runId} `, badge(run.status)),
        running ? h('p', {testid: 'run-progress'}, h('progress', {}),
            ` ${run.phases.length} phase(s) done, ${run.recordsIn} records so far…`) : null,
        h('dl', {class: 'fields'},
            h('dt', {}, 'Pipeline'), h('dd', {}, run.pipeline),
            h('dt', {}, 'Period'), h('dd', {}, run.period || '–'),
            h('dt', {}, 'Trigger'), h('dd', {}, run.trigger + (run.resumedFrom ? ', resumed from ' + run.resumedFrom
                : '')),
            h('dt', {}, 'Node'), h('dd', {}, run.nodeId || '–'),
            h('dt', {}, 'Started'), h('dd', {}, when(run.startedAt)),
            h('dt', {}, 'Finished'), h('dd', {}, when(run.finishedAt)),
            h('dt', {}, 'Records'), h('dd', {testid: 'run-counts', dataset: {in: run.recordsIn,
                accepted: run.recordsAccepted, rejected: run.recordsRejected}},
                `${run.recordsIn} in = ${run.recordsAccepted} accepted + ${run.recordsRejected} rejected`),
            run.error ? [h('dt', {}, 'Error'), h('dd', {class: 'error'}, run.error)] : null),
        h('h3', {}, 'Phases'),
        table([
            {label: 'Phase', value: ph => ph.phase},
            {label: 'Started', value: ph => when(ph.startedAt)},
            {label: 'Finished', value: ph => when(ph.finishedAt)},
            {label: 'In', value: ph => ph.recordsIn, num: true},
            {label: 'Accepted', value: ph => ph.recordsAccepted, num: true},
            {label: 'Rejected', value: ph => ph.recordsRejected, num: true},
            {label: 'Details', value: ph => ph.details ? h('code', {}, JSON.stringify(ph.details)) : ''},
        ], run.phases, {testid: 'run-phases'}),
        h('h3', {}, 'Inputs'),
        table([
            {label: 'Kind', value: i => i.kind},
            {label: 'Reference', value: i => i.reference},
            {label: 'Checksum (SHA-256)', value: i => h('code', {}, i.checksum || '–')},
        ], run.inputs, {testid: 'run-inputs'}),
        run.totals ? [h('h3', {}, 'Totals'), h('pre', {class: 'json'}, JSON.stringify(run.totals, null, 2))] : null);
}
