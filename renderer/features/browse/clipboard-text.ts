/** Moved to renderer/lib/clipboard.ts (shared by features); browse's own code keeps this name. */
export { copyText } from '../../lib/clipboard';
