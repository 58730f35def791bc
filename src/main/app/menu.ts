import type { Menu as MenuNamespace, MenuItemConstructorOptions } from 'electron';

/**
 * A short Ukrainian menu. Edit roles stay because on macOS copy and paste in text fields only work through
 * the menu; reload and developer tools exist only in development builds.
 */
export function menuTemplate(platform: NodeJS.Platform, isPackaged: boolean): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: 'Zlagoda',
      submenu: [
        { role: 'about', label: 'Про програму' },
        { type: 'separator' },
        { role: 'hide', label: 'Сховати' },
        { role: 'hideOthers', label: 'Сховати інші' },
        { type: 'separator' },
        { role: 'quit', label: 'Вийти' },
      ],
    });
  } else {
    template.push({ label: 'Файл', submenu: [{ role: 'quit', label: 'Вийти' }] });
  }
  template.push({
    label: 'Редагування',
    submenu: [
      { role: 'undo', label: 'Скасувати' },
      { role: 'redo', label: 'Повторити' },
      { type: 'separator' },
      { role: 'cut', label: 'Вирізати' },
      { role: 'copy', label: 'Копіювати' },
      { role: 'paste', label: 'Вставити' },
      { role: 'selectAll', label: 'Виділити все' },
    ],
  });
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: 'Звичайний розмір' },
    { role: 'zoomIn', label: 'Збільшити' },
    { role: 'zoomOut', label: 'Зменшити' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'На весь екран' },
  ];
  if (!isPackaged) view.push({ type: 'separator' }, { role: 'reload', label: 'Перезавантажити' }, { role: 'toggleDevTools', label: 'Інструменти розробника' });
  template.push({ label: 'Вигляд', submenu: view });
  template.push({ label: 'Вікно', submenu: [{ role: 'minimize', label: 'Згорнути' }, ...(mac ? [] : [{ role: 'close' as const, label: 'Закрити' }])] });
  return template;
}

export function installMenu(Menu: Pick<typeof MenuNamespace, 'buildFromTemplate' | 'setApplicationMenu'>, platform: NodeJS.Platform, isPackaged: boolean): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(platform, isPackaged)));
}
