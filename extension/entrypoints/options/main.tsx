import { render } from 'preact';
import { OptionsView } from '../../components/options-view';

render(<OptionsView />, document.getElementById('app')!);
