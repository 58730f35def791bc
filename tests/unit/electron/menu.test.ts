import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { installMenu, menuTemplate } = await import('../../../src/main/app/menu');

function roles(template: ReturnType<typeof menuTemplate>): string[] {
  return template.flatMap((item) => (Array.isArray(item.submenu) ? item.submenu : [])).flatMap((item) => (item.role ? [String(item.role)] : []));
}

describe('menu', () => {
  it('offers developer tools and reload only in development', () => {
    expect(roles(menuTemplate('win32', true))).not.toContain('toggleDevTools');
    expect(roles(menuTemplate('win32', true))).not.toContain('reload');
    expect(roles(menuTemplate('win32', false))).toContain('toggleDevTools');
  });

  it('keeps the edit roles on macOS, where paste needs them', () => {
    expect(roles(menuTemplate('darwin', true))).toEqual(expect.arrayContaining(['copy', 'paste', 'cut', 'selectAll', 'quit']));
  });

  it('labels every top-level item in Ukrainian', () => {
    const labels = menuTemplate('linux', true).map((item) => item.label);
    expect(labels).toEqual(['Файл', 'Редагування', 'Вигляд', 'Вікно']);
  });

  it('installs the built menu', () => {
    const Menu = { buildFromTemplate: vi.fn(() => 'built'), setApplicationMenu: vi.fn() };
    installMenu(Menu as never, 'linux', true);
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith('built');
  });
});
