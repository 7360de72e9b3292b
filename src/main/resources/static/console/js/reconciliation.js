import {autoTable, badge, download, failure, getJson, h, monthBounds, navigate, params, previousMonth, query, table}
    from './core.js';

// the columns every row of a partner's reconciliation repeats
const WEBEX_REPEATED = ['period', 'partner_id', 'dimension', 'run_id'];

/**
 * Reconciliation by vendor, scope and period: matched, drift (within tolerance) and exceptions with the variance;
 * a scope opens its units (a carrier's days, CXone GL lines, Webex SKUs and customers), a carrier day its evidence.
 */
export async function reconciliationPage(container) {
    const p = params();
    const period = p.period || previousMonth();
    const form = h('form', {class: 'filters', testid: 'recon-filters'},
        h('label', {}, 'Period ', h('input', {name: 'period', value: period, pattern: '\\d{4}-\\d{2}', required: true})),
        h('button', {type: 'submit'}, 'Show'),
        h('button', {type: 'button', class: 'secondary', onclick: () => download('/api/reconciliation/overview'
            + query({period}), `reconciliation-${period}.csv`)}, 'Download CSV'),
        h('button', {type: 'button', class: 'secondary', title: 'Every source\'s costs in the FinOps FOCUS schema',
            onclick: () => download('/api/focus' + query({period}), `focus-${period}.csv`)}, 'FOCUS (all sources)'));
    form.addEventListener('submit', event => {
        event.preventDefault();
        navigate('reconciliation', Object.fromEntries(new FormData(form)));
    });
    const body = h('div');
    const units = h('div', {testid: 'recon-units'});
    const evidence = h('div', {testid: 'recon-evidence'});
    container.append(h('h1', {}, 'Reconciliation'), form, body, units, evidence);
    try {
        const overview = await getJson('/api/reconciliation/overview' + query({period}));
        body.replaceChildren(
            h('p', {class: 'muted'}, 'Variance = invoiced − the hub\'s own figure. Drift: matched within tolerance.'),
            table([
                {label: 'Vendor', value: r => r.vendor},
                {label: 'Scope', value: r => r.scope, testid: 'recon-scope'},
                {label: 'Status', value: r => badge(r.status), testid: 'recon-status'},
                {label: 'Units', value: r => r.units, num: true, testid: 'recon-unit-count'},
                {label: 'Matched', value: r => r.matched, num: true, testid: 'recon-matched'},
                {label: 'Drift', value: r => r.drift, num: true, testid: 'recon-drift'},
                {label: 'Exceptions', value: r => r.exceptions, num: true, testid: 'recon-exceptions'},
                {label: 'Hub', value: r => r.internalAmount, num: true, testid: 'recon-internal'},
                {label: 'Invoiced', value: r => r.invoicedAmount, num: true, testid: 'recon-invoiced'},
                {label: 'Variance', value: r => r.variance, num: true, testid: 'recon-variance'},
            ], overview, {testid: 'recon-overview', rowTestid: r => `recon-${r.vendor}-${r.scope}`,
                onSelect: r => showUnits(units, evidence, r, period),
                empty: 'Nothing reconciled for ' + period + ' yet.'}));
    } catch (error) {
        failure(body, error);
    }
}

async function showUnits(units, evidence, row, period) {
    evidence.replaceChildren();
    units.replaceChildren(h('p', {class: 'muted'}, 'Loading…'));
    try {
        if (row.vendor === 'carrier') {
            const {from, to} = monthBounds(period);
            const days = await getJson('/api/reconciliation' + query({from, to, carrier: row.scope}));
            units.replaceChildren(h('h2', {}, `${row.scope}: days of ${period}`),
                h('button', {type: 'button', class: 'secondary', onclick: () => download('/api/reconciliation'
                    + query({from, to, carrier: row.scope}), `reconciliation-${row.scope}-${period}.csv`)},
                'Download CSV'),
                table([
                    {label: 'Day', value: d => d.utc_day, testid: 'day'},
                    {label: 'Invoice', value: d => d.invoice_number},
                    {label: 'Status', value: d => badge(d.status)},
                    {label: 'Matched lines', value: d => d.matched_lines, num: true},
                    {label: 'Charge Δ lines', value: d => d.charge_mismatches, num: true},
                    {label: 'Minute Δ lines', value: d => d.minute_mismatches, num: true},
                    {label: 'Missing on invoice', value: d => d.missing_on_invoice, num: true},
                    {label: 'Not in usage', value: d => d.not_in_usage, num: true},
                    {label: 'Hub cost', value: d => d.internal_cost, num: true},
                    {label: 'Invoiced', value: d => d.invoice_charge, num: true},
                    {label: 'Variance', value: d => d.charge_delta, num: true, testid: 'day-variance'},
                ], days, {testid: 'recon-days', rowTestid: d => 'day-' + d.utc_day,
                    onSelect: d => showEvidence(evidence, row.scope, d.utc_day)}));
        } else if (row.vendor === 'cxone') {
            const lines = await getJson('/api/cxone/reconciliation' + query({period, tenant: row.scope}));
            units.replaceChildren(h('h2', {}, `CXone ${row.scope}: GL lines of ${period}`),
                h('p', {class: 'muted'}, 'Variance here is the hub\'s GL amount − invoiced. Select a line for the ',
                    'usage lines behind it.'),
                autoTable(lines, {testid: 'recon-cxone', hide: ['tenant_id', 'period', 'reconciled_at', 'run_id'],
                    onSelect: line => showCxoneLines(evidence, row.scope, period, line)}));
        } else {
            const month = await getJson('/api/webex/' + period);
            const partner = month.partners.find(x => x.partnerId === row.scope) || {bySku: [], byCustomer: []};
            units.replaceChildren(h('h2', {}, `Webex ${row.scope}: ${period}`),
                h('h3', {}, 'By SKU'), autoTable(partner.bySku, {testid: 'recon-webex-sku', hide: WEBEX_REPEATED}),
                h('h3', {}, 'By customer'), autoTable(partner.byCustomer, {testid: 'recon-webex-customer',
                    hide: WEBEX_REPEATED}));
        }
        units.scrollIntoView({behavior: 'smooth', block: 'start'});
    } catch (error) {
        failure(units, error);
    }
}

async function showCxoneLines(evidence, tenant, period, line) {
    try {
        const filter = {period, tenant, featureType: line.feature_type, glAccount: line.gl_account, limit: 200};
        const rows = await getJson('/api/cxone/lines' + query(filter));
        evidence.replaceChildren(
            h('h2', {}, `Evidence: ${line.feature_type} on ${line.gl_account}`),
            h('p', {class: 'muted'}, rows.length < line.record_count
                ? `First ${rows.length} of ${line.record_count} usage lines.` : `${rows.length} usage lines.`),
            autoTable(rows, {testid: 'recon-cxone-lines', hide: ['raw_payload']}));
        evidence.scrollIntoView({behavior: 'smooth', block: 'start'});
    } catch (error) {
        failure(evidence, error);
    }
}

async function showEvidence(evidence, carrier, day) {
    try {
        const cases = await getJson('/api/reconciliation/evidence' + query({carrier, day}));
        evidence.replaceChildren(h('h2', {}, `Evidence: ${carrier}, ${day}`), table([
            {label: 'Case', value: c => h('a', {href: '#/exceptions?status=ALL&id=' + c.id}, String(c.id))},
            {label: 'Type', value: c => c.type},
            {label: 'Status', value: c => badge(c.status)},
            {label: 'Leg', value: c => c.context.legId || '–'},
            {label: 'Invoice line', value: c => c.source + (c.sourcePosition ? ' ' + c.sourcePosition : '')},
            {label: 'Hub', value: c => c.context.internalCharge, num: true},
            {label: 'Invoiced', value: c => c.context.invoiceCharge, num: true},
            {label: 'Δ', value: c => c.context.chargeDelta, num: true, testid: 'evidence-delta'},
            {label: 'Reason', value: c => c.reason},
        ], cases, {testid: 'recon-evidence-table', empty: 'No findings: every line of this day matched.'}));
        evidence.scrollIntoView({behavior: 'smooth', block: 'start'});
    } catch (error) {
        failure(evidence, error);
    }
}
