import {download, failure, getJson, h, monthBounds, navigate, params, previousMonth, query, select, table}
    from './core.js';

const COLOURS = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#0891b2', '#be185d', '#4b5563'];
let chart;

/** CPM: carriers × destination regions over a date range, each carrier's trend, and the legs behind a cell. */
export async function cpmPage(container) {
    const p = params();
    const month = monthBounds(previousMonth());
    const filter = {
        from: p.from || month.from,
        to: p.to || month.to,
        granularity: p.granularity || 'DAY',
        carrier: p.carrier || '',
    };
    const form = h('form', {class: 'filters', testid: 'cpm-filters'},
        h('label', {}, 'From ', h('input', {type: 'date', name: 'from', value: filter.from, required: true})),
        h('label', {}, 'To ', h('input', {type: 'date', name: 'to', value: filter.to, required: true})),
        h('label', {}, 'Trend by ', select('granularity', [['DAY', 'day'], ['WEEK', '7 days']],
            filter.granularity)),
        h('label', {}, 'Carrier ', h('input', {name: 'carrier', value: filter.carrier, placeholder: 'all'})),
        h('button', {type: 'submit'}, 'Show'),
        h('button', {type: 'button', class: 'secondary', testid: 'cpm-csv', onclick: () => download(
            '/api/cpm/matrix' + query({from: filter.from, to: filter.to, carrier: filter.carrier}),
            `cpm-${filter.from}-${filter.to}.csv`)}, 'Download CSV'));
    form.addEventListener('submit', event => {
        event.preventDefault();
        navigate('cpm', Object.fromEntries(new FormData(form)));
    });
    const body = h('div');
    container.append(h('h1', {}, 'Cost per minute'), form, body);
    try {
        const matrix = await getJson('/api/cpm/matrix' + query(filter));
        render(body, matrix, filter);
    } catch (error) {
        failure(body, error);
    }
}

function render(body, matrix, filter) {
    const carriers = [...new Set(matrix.cells.map(c => c.carrierName))];
    const regions = [...new Set(matrix.cells.map(c => c.destinationRegion))].sort();
    const cell = (carrier, region) => matrix.cells.find(c => c.carrierName === carrier
        && c.destinationRegion === region);
    const drill = h('div', {testid: 'cpm-drilldown'});
    const grid = h('table', {class: 'data matrix', testid: 'cpm-matrix'},
        h('thead', {}, h('tr', {}, h('th', {}, 'Carrier \\ region'), regions.map(r => h('th', {class: 'num'}, r)))),
        h('tbody', {}, carriers.map(carrier => h('tr', {}, h('th', {}, carrier), regions.map(region => {
            const c = cell(carrier, region);
            if (!c) {
                return h('td', {class: 'num muted'}, '–');
            }
            return h('td', {
                class: 'num selectable', tabindex: 0, testid: 'cpm-cell',
                dataset: {carrier, region, value: c.cpm || '', legs: c.legs, cost: c.cost},
                title: `${c.legs} legs, ${c.billedMinutes} billed minutes, cost ${c.cost}`,
                onclick: () => legs(drill, filter, c),
                onkeydown: event => event.key === 'Enter' && legs(drill, filter, c),
            }, c.cpm || '–');
        })))));
    if (carriers.length === 0) {
        body.replaceChildren(h('p', {class: 'muted', testid: 'cpm-empty'},
            `No rated legs between ${filter.from} and ${filter.to}.`));
        return;
    }
    const canvas = h('canvas', {testid: 'cpm-trend', height: 90});
    body.replaceChildren(
        h('p', {class: 'muted'}, 'CPM = cost × 60 / billed seconds over the range, per carrier and destination ',
            'region (UTC days). Select a cell for the legs behind it.'),
        grid,
        h('h2', {}, 'Trend by ' + (filter.granularity === 'WEEK' ? '7-day bucket' : 'day')),
        h('div', {class: 'chart'}, canvas),
        trendTable(matrix),
        drill);
    drawTrend(canvas, matrix, carriers);
}

function trendTable(matrix) {
    return h('details', {}, h('summary', {}, 'Trend figures'), table([
        {label: 'Carrier', value: b => b.carrierName},
        {label: 'From', value: b => b.start},
        {label: 'To', value: b => b.end},
        {label: 'Legs', value: b => b.legs, num: true},
        {label: 'Billed minutes', value: b => b.billedMinutes, num: true},
        {label: 'Cost', value: b => b.cost, num: true},
        {label: 'CPM', value: b => b.cpm, num: true, testid: 'trend-cpm'},
    ], matrix.trend, {testid: 'cpm-trend-table'}));
}

function drawTrend(canvas, matrix, carriers) {
    if (chart) {
        chart.destroy();
    }
    const labels = [...new Set(matrix.trend.map(b => b.start))].sort();
    chart = new window.Chart(canvas, {
        type: 'line',
        data: {
            labels,
            datasets: carriers.map((carrier, i) => ({
                label: carrier,
                borderColor: COLOURS[i % COLOURS.length],
                backgroundColor: COLOURS[i % COLOURS.length],
                spanGaps: true,
                // the chart plots; the figures themselves are the API's strings in the table above
                data: labels.map(start => {
                    const bucket = matrix.trend.find(b => b.carrierName === carrier && b.start === start);
                    return bucket && bucket.cpm !== null ? Number(bucket.cpm) : null;
                }),
            })),
        },
        options: {
            animation: false,
            responsive: true,
            interaction: {mode: 'index', intersect: false},
            scales: {y: {title: {display: true, text: 'cost per minute'}}},
        },
    });
}

async function legs(drill, filter, cell) {
    drill.replaceChildren(h('p', {class: 'muted'}, 'Loading legs…'));
    try {
        const rows = await getJson('/api/legs' + query({day: filter.from, to: filter.to, carrier: cell.carrierName,
            region: cell.destinationRegion, status: 'RATED', limit: 500}));
        drill.replaceChildren(
            h('h2', {}, `Legs behind ${cell.carrierName} × ${cell.destinationRegion}`),
            h('p', {class: 'muted', testid: 'legs-count'}, rows.length < cell.legs
                ? `First ${rows.length} of ${cell.legs} rated legs.` : `${rows.length} rated legs.`),
            table([
                {label: 'Leg', value: l => l.leg_id},
                {label: 'Start (UTC)', value: l => l.start_time},
                {label: 'Class', value: l => l.leg_class},
                {label: 'Destination', value: l => l.destination_number},
                {label: 'Prefix', value: l => l.matched_prefix},
                {label: 'Rate/min', value: l => l.rate_per_minute, num: true},
                {label: 'Increment', value: l => l.billing_increment},
                {label: 'Raw s', value: l => l.raw_seconds, num: true},
                {label: 'Billed s', value: l => l.billed_seconds, num: true},
                {label: 'Cost', value: l => l.cost, num: true, testid: 'leg-cost'},
            ], rows, {testid: 'legs-table'}));
        drill.scrollIntoView({behavior: 'smooth', block: 'start'});
    } catch (error) {
        failure(drill, error);
    }
}
