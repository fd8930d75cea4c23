import path from 'node:path';
import { ROOT } from '../../../scripts/chromium-with-extension';

export const SCREENSHOTS = path.join(ROOT, 'test-results/screenshots');
