/** The error panel moved to the widget kit (renderer/ui/); this name stays for code written against it. */
export { ErrorPanel, errorDetails, type ErrorPanelProps } from '../ui/error-panel';
