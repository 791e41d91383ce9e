import { render } from 'preact';
import { App } from './App.tsx';
import './survey.css';

render(<App />, document.getElementById('app')!);
