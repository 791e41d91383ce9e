import { render } from 'preact';
import { App } from './App.tsx';
import '../staff/staff.css';
import './results.css';

render(<App />, document.getElementById('app')!);
