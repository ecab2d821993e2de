/**
 * The app's identity towards the OS. Windows shows a notification only for an app whose
 * AppUserModelID matches its Start-menu shortcut, which the NSIS installer creates with
 * electron-builder's appId: both must be this value (scripts/electron-builder-config.test.ts).
 */
export const APP_ID = 'com.ossbrowser.desktop';
