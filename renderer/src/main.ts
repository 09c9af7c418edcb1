/** Entry point: styles, then the shell. */
import { mount } from 'svelte';
import App from './App.svelte';
import './styles/theme.css';
import './styles/base.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks the #app element.');

export default mount(App, { target });
