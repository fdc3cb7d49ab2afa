import { render } from 'preact';
import { AgentPanel } from '../../components/agent-panel';

/** The same panel as inside Alegra, as a page of its own (the popup opens it when no Alegra tab is at hand). */
render(<AgentPanel />, document.getElementById('app')!);
