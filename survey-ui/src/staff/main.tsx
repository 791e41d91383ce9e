import { render } from 'preact';
import { App } from './App.tsx';
import './staff.css';

render(<App />, document.getElementById('app')!);
