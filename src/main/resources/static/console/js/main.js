import {forget, getJson, h, remember, session, signedIn} from './core.js';
import {cpmPage} from './cpm.js';
import {chargebackPage} from './chargeback.js';
import {reconciliationPage} from './reconciliation.js';
import {exceptionsPage} from './exceptions.js';
import {runsPage} from './runs.js';
import {mappingsPage} from './mappings.js';

const PAGES = {
    cpm: cpmPage,
    chargeback: chargebackPage,
    reconciliation: reconciliationPage,
    exceptions: exceptionsPage,
    runs: runsPage,
    mappings: mappingsPage,
};

const login = document.getElementById('login');
const page = document.getElementById('page');

function showLogin(message) {
    document.getElementById('nav').hidden = true;
    document.getElementById('who').hidden = true;
    page.replaceChildren();
    login.hidden = false;
    document.getElementById('login-error').textContent = message || '';
    document.getElementById('login-user').focus();
}

async function whoAmI() {
    const me = await getJson('/api/me');
    session.user = me.username;
    session.roles = me.roles;
    document.getElementById('who-name').textContent = me.username;
    document.getElementById('who-roles').textContent = me.roles.join(' · ');
    document.getElementById('nav').hidden = false;
    document.getElementById('who').hidden = false;
    login.hidden = true;
}

async function route() {
    if (!signedIn()) {
        showLogin();
        return;
    }
    if (!session.user) {
        try {
            await whoAmI();
        } catch (error) {
            showLogin(error.message);
            return;
        }
    }
    const name = location.hash.replace(/^#\//, '').split('?')[0] || 'cpm';
    const render = PAGES[name] || cpmPage;
    document.querySelectorAll('#nav a').forEach(a => a.classList.toggle('active', a.dataset.page === name));
    const container = h('div', {class: 'page', testid: 'page-' + name});
    page.replaceChildren(container);
    await render(container);
}

document.getElementById('login-form').addEventListener('submit', async event => {
    event.preventDefault();
    const form = new FormData(event.target);
    remember(form.get('username'), form.get('password'));
    try {
        await whoAmI();
        event.target.reset();
        route();
    } catch (error) {
        forget();
        showLogin(error.status === 401 || error.status === 403
            ? 'That user name and password are not accepted.' : error.message);
    }
});

document.getElementById('sign-out').addEventListener('click', () => {
    forget();
    showLogin();
});

window.addEventListener('hub:signed-out', () => showLogin('Your session ended: please sign in again.'));
window.addEventListener('hashchange', route);
route();
