import './entry.css';
import { AgentIcon } from './icons';

interface Props {
  /** `menu`: an entry of Alegra's "Más acciones" menu; `title`: a button beside the page title. */
  variant: 'menu' | 'title';
  onOpen: () => void;
}

/** "Agente de Gastos": what users were told to look for in Gastos > Recepción de comprobantes. */
export function EntryButton({ variant, onOpen }: Props) {
  return (
    <button
      type="button"
      lang="es-CO"
      class={`ag-entry ag-entry--${variant}`}
      role={variant === 'menu' ? 'menuitem' : undefined}
      data-testid={variant === 'menu' ? 'agente-menu-item' : 'agente-title-button'}
      onClick={onOpen}
    >
      {/* In the menu, a text like its siblings' (no icon pushing it out of line). */}
      {variant === 'title' && <AgentIcon size={18} />}
      <span>Agente de Gastos</span>
    </button>
  );
}
