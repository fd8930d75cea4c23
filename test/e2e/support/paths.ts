import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3');
export const CLIO_DEMO_PAGE = path.join(ROOT, 'server/demo/pages/clio-manage.html');
export const SCREENSHOTS = path.join(ROOT, 'test-results/screenshots');
