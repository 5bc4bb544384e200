/**
 * A portal page with <ddd-dossier-form> on `api-base`: the element's own HTTP client and its
 * default draft store on this device, over the backend of faulty-backend.mjs for the run named in
 * `?run=`. That backend lives in the test server, so it outlives a reload of this page; the
 * tests in no-loss-http.test.ts load the page in an iframe and reload it mid-typing.
 */
import '@doorstroom/elements';

const params = new URLSearchParams(location.search);
const form = document.createElement('ddd-dossier-form');
form.setAttribute('lang', 'nl');
form.setAttribute('api-base', `/test-faulty/${params.get('run')}/api`);
form.setAttribute('token', 'student-noor');
form.setAttribute('dossier-id', 'dossier-noor');
form.setAttribute('autosave-delay', params.get('autosave') ?? '800');
document.getElementById('app')!.append(form);
