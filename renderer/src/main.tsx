// First, before any schema is used.
import './lib/zodWithoutEval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { NoBridge } from './components/NoBridge';
import './styles/theme.css';
import './styles/base.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Opened outside Rolodesk (a plain browser), there is no window.crm: say so instead of failing on first use.
const hasBridge = typeof (window as { crm?: unknown }).crm === 'object';

createRoot(root).render(<StrictMode>{hasBridge ? <App /> : <NoBridge />}</StrictMode>);
