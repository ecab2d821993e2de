/**
 * The application menu's words in English and Simplified Chinese. Main has no access to
 * the page's i18next catalogues (renderer/i18n), so the few menu strings live here; the
 * page tells main its language (desktop:set-language) and the menu is rebuilt.
 */
export type MenuLanguage = 'en' | 'zh-CN';

export const MENU_STRINGS = {
  en: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    help: 'Help',
    about: 'About {app}',
    services: 'Services',
    hide: 'Hide {app}',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    quit: 'Quit {app}',
    exit: 'Exit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    delete: 'Delete',
    selectAll: 'Select All',
    reload: 'Reload Window (development)',
    devTools: 'Developer Tools (development)',
    actualSize: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Toggle Full Screen',
    minimize: 'Minimize',
    zoom: 'Zoom',
    close: 'Close Window',
    front: 'Bring All to Front',
    copyDiagnostics: 'Copy Diagnostics',
    openLogs: 'Open Logs Folder',
    diagnosticsCopied: 'Diagnostics copied. Paste them into your bug report; they contain no keys or secrets.',
    logsFailed: 'The logs folder could not be opened: {reason}',
    linkRefused: 'This oss:// link cannot be opened: it does not name a valid bucket and folder. Check the link and try again.',
  },
  'zh-CN': {
    file: '文件',
    edit: '编辑',
    view: '视图',
    window: '窗口',
    help: '帮助',
    about: '关于 {app}',
    services: '服务',
    hide: '隐藏 {app}',
    hideOthers: '隐藏其他',
    showAll: '全部显示',
    quit: '退出 {app}',
    exit: '退出',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    delete: '删除',
    selectAll: '全选',
    reload: '重新加载窗口（开发）',
    devTools: '开发者工具（开发）',
    actualSize: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullScreen: '切换全屏',
    minimize: '最小化',
    zoom: '缩放',
    close: '关闭窗口',
    front: '全部置于顶层',
    copyDiagnostics: '复制诊断信息',
    openLogs: '打开日志文件夹',
    diagnosticsCopied: '诊断信息已复制。请粘贴到问题报告中；其中不含密钥或任何机密。',
    logsFailed: '无法打开日志文件夹：{reason}',
    linkRefused: '无法打开此 oss:// 链接：它没有指向有效的存储桶和文件夹。请检查链接后重试。',
  },
} as const satisfies Record<MenuLanguage, Record<string, string>>;

export type MenuStringKey = keyof (typeof MENU_STRINGS)['en'];

/** The menu language for a locale ('zh', 'zh-CN', 'zh-Hans-CN' → zh-CN; anything else → en). */
export function menuLanguageFor(locale: string | undefined): MenuLanguage {
  return /^zh\b/i.test(locale ?? '') ? 'zh-CN' : 'en';
}

/** One string with `{app}` / `{reason}` filled in. */
export function menuText(language: MenuLanguage, key: MenuStringKey, values: Record<string, string> = {}): string {
  return MENU_STRINGS[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
