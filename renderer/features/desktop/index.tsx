/** The desktop feature in the shell: opens oss:// links handed over by the OS (overlay slot). */
import type { ShellFeature } from '../../app/feature-registry';
import { LinkOpener } from './link-opener';
import './desktop.css';

export const feature: ShellFeature = {
  id: 'desktop',
  order: 90,
  slots: { overlay: LinkOpener },
};
