import {amount, autoTable, badge, download, failure, getJson, h, navigate, num, params, previousMonth, query, table,
    when} from './core.js';

/**
 * The monthly chargeback: business units and cost centres by cost category, the conservation check of the
 * allocation against the platform invoice (the manifest), and the lines and overrides behind any figure.
 */
export async function chargebackPage(container) {
    const p = params();
    const period = p.period || previousMonth();
    const form = h('form', {class: 'filters', testid: 'chargeback-filters'},
        h('label', {}, 'Period ', h('input', {name: 'period', value: period, pattern: '\\d{4}-\\d{2}', required: true})),
        h('button', {type: 'submit'}, 'Show'),
        h('button', {type: 'button', class: 'secondary', onclick: () => download(`/api/chargeback/${period}`,
            `chargeback-${period}.csv`)}, 'Download CSV'),
        h('button', {type: 'button', class: 'secondary', onclick: () => download(`/api/chargeback/${period}/lines`,
            `chargeback-lines-${period}.csv`)}, 'Lines CSV'),
        h('button', {type: 'button', class: 'secondary', onclick: () => download(`/api/chargeback/${period}/focus`,
            `chargeback-focus-${period}.csv`)}, 'FOCUS'));
    form.addEventListener('submit', event => {
        event.preventDefault();
        navigate('chargeback', Object.fromEntries(new FormData(form)));
    });
    const body = h('div');
    const lines = h('div', {testid: 'chargeback-lines'});
    container.append(h('h1', {}, 'Chargeback'), form, body, lines);
    try {
        const report = await getJson('/api/chargeback/' + period);
        body.replaceChildren(...render(report, period, lines));
    } catch (error) {
        failure(body, error);
    }
}

function render(report, period, lines) {
    const categories = report.businessUnits.length ? Object.keys(report.businessUnits[0].categories) : [];
    const drill = (division, costCentre, category) => showLines(lines, period, {division, costCentre, category});
    return [
        h('p', {}, badge(report.status), ` revision ${report.revision}, org snapshot ${when(report.snapshotAt)}, `,
            `multipliers ${report.multiplierVersion}, computed ${when(report.computedAt)}`),
        conservation(report.manifest),
        h('h2', {}, 'Business units'),
        table([
            {label: 'Business unit', value: u => u.businessUnit, testid: 'bu-name'},
            ...categories.map(c => ({label: c, value: u => u.categories[c], num: true})),
            {label: 'Total', value: u => u.total, num: true, testid: 'bu-total'},
        ], report.businessUnits, {testid: 'chargeback-units'}),
        h('p', {class: 'total'}, 'Charged in all ', h('b', {testid: 'chargeback-total',
            dataset: {value: report.adjustedTotal}}, amount(report.adjustedTotal))),
        h('h2', {}, 'Cost centres'),
        h('p', {class: 'muted'}, 'As adjusted by overrides; select a figure for the lines behind it.'),
        costCentres(report.costCentres, categories, drill),
        h('h2', {}, 'Overrides'),
        report.overrides.length ? autoTable(report.overrides, {testid: 'chargeback-overrides',
            hide: ['previousHash', 'rowHash', 'checksumOriginal', 'checksumAdjusted']})
            : h('p', {class: 'muted'}, 'No overrides this period.'),
        h('h2', {}, 'Findings'),
        h('pre', {class: 'json', testid: 'chargeback-findings'}, JSON.stringify(report.findings, null, 2)),
    ];
}

function conservation(manifest) {
    if (!manifest) {
        return null;
    }
    const conserved = Number(manifest.conservationDifference) === 0;
    const categories = Object.entries(manifest.categories || {}).map(([category, c]) => ({category, ...c}));
    const figure = (label, key) => [h('dt', {}, label), h('dd', {testid: 'manifest-' + key,
        dataset: {value: manifest[key] === null || manifest[key] === undefined ? '' : manifest[key]}},
        amount(manifest[key]))];
    return h('section', {class: 'card', testid: 'chargeback-manifest'},
        h('h2', {}, 'Conservation check ', badge(conserved ? 'MATCHED' : 'EXCEPTIONS')),
        h('p', {class: 'muted'}, 'Every dollar of the platform invoices is charged to a cost centre: what the ',
            'allocation could not place goes to Unallocated, so charged = platform spend.'),
        h('dl', {class: 'fields'},
            figure('Platform spend (invoices)', 'platformSpend'),
            figure('Charged in all', 'totalCharged'),
            figure('Difference', 'conservationDifference'),
            figure('Allocated to cost centres', 'totalAllocated'),
            figure('Unallocated', 'unallocated'),
            figure('Unallocated %', 'variancePercent'),
            figure('Review threshold %', 'thresholdPercent'),
            [h('dt', {}, 'Flagged for review'), h('dd', {testid: 'manifest-flagged'},
                manifest.flaggedForReview ? 'yes' : 'no')]),
        table([
            {label: 'Category', value: c => c.category},
            {label: 'Invoiced', value: c => c.invoiced, num: true},
            {label: 'Rated by the hub', value: c => c.rated, num: true},
            {label: 'Rated vs invoiced %', value: c => c.ratedVariancePercent, num: true},
            {label: 'Allocated', value: c => c.allocated, num: true},
            {label: 'Unallocated', value: c => c.unallocated, num: true},
        ], categories, {testid: 'manifest-categories'}));
}

function costCentres(rows, categories, drill) {
    const head = h('thead', {}, h('tr', {}, ['Business unit', 'Division', 'Cost centre'].map(l => h('th', {}, l)),
        categories.map(c => h('th', {class: 'num'}, c)), h('th', {class: 'num'}, 'Total'),
        h('th', {class: 'num'}, 'Licence utilisation'), h('th', {}, 'Overrides')));
    const body = h('tbody', {}, rows.map(r => h('tr', {testid: `cc-${r.division}-${r.costCentre}`},
        h('td', {}, r.businessUnit), h('td', {}, r.division), h('td', {}, r.costCentre),
        categories.map(c => {
            const cell = num(r.adjusted[c], 'cc-amount');
            cell.dataset.category = c;
            cell.classList.add('selectable');
            cell.addEventListener('click', () => drill(r.division, r.costCentre, c));
            return cell;
        }),
        (() => {
            const cell = num(r.adjustedTotal, 'cc-total');
            cell.classList.add('selectable');
            cell.addEventListener('click', () => drill(r.division, r.costCentre));
            return cell;
        })(),
        num(r.licenceUtilisation),
        h('td', {}, r.overrides.length ? r.overrides.join(', ') : ''))));
    return h('table', {class: 'data', testid: 'chargeback-cost-centres'}, head, body);
}

async function showLines(container, period, filter) {
    try {
        const rows = await getJson(`/api/chargeback/${period}/lines` + query(filter));
        container.replaceChildren(
            h('h2', {}, `Lines: ${filter.division}/${filter.costCentre}${filter.category ? ', ' + filter.category : ''}`),
            table([
                {label: 'Line', value: l => String(l.lineNo)},
                {label: 'Vendor', value: l => l.vendor},
                {label: 'Invoice', value: l => l.invoiceId},
                {label: 'Category', value: l => l.category},
                {label: 'Reason', value: l => l.reasonCode},
                {label: 'Method', value: l => l.allocationMethod},
                {label: 'Quantity', value: l => l.quantity, num: true},
                {label: 'Unit', value: l => l.unit},
                {label: 'Amount', value: l => l.amount, num: true, testid: 'line-amount'},
                {label: 'Override', value: l => l.overrideId ? String(l.overrideId) : ''},
                {label: 'Lineage', value: l => h('span', {class: 'clip', title: l.detail || ''}, l.detail || '')},
            ], rows, {testid: 'chargeback-line-table'}));
        container.scrollIntoView({behavior: 'smooth', block: 'start'});
    } catch (error) {
        failure(container, error);
    }
}
