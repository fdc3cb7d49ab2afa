import './dom-environment';
import { describe, expect, it } from 'vitest';
import { menuItemLike } from '../../extension/lib/entry-placement';

/** The entry is an item of «Más acciones» like its siblings (issue 17): an `<li>` when they are. */
describe('menuItemLike', () => {
  it('makes an <li> with the siblings’ class and role for a list menu', () => {
    document.body.innerHTML = '<ul role="menu" id="m"><li class="menu-row" role="none"><button role="menuitem">Descargar reporte</button></li></ul>';
    const menu = document.getElementById('m')!;
    const item = menuItemLike(menu)!;
    expect(item.tagName).toBe('LI');
    expect(item.className).toBe('menu-row');
    expect(item.getAttribute('role')).toBe('none');
    expect('agenteEntry' in item.dataset).toBe(true);
  });

  it('adds nothing to a menu of plain buttons (a portal)', () => {
    document.body.innerHTML = '<div role="menu" id="m"><button role="menuitem">Descargar reporte</button></div>';
    expect(menuItemLike(document.getElementById('m')!)).toBeNull();
  });
});
