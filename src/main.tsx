import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isEmbedUrl, readEmbedOptions } from './embed/options';
import './app/index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const url = new URL(location.href);
// Each mode loads only its own UI: an embed never downloads the editor (inspector forms, palette,
// tours, export), which keeps its first screen light; the two share the React and canvas chunks.
let ui: React.ReactNode;
if (!isEmbedUrl(url)) {
  const { App } = await import('./app/App');
  ui = <App />;
} else {
  const options = readEmbedOptions((name) => url.searchParams.get(name), url.hash);
  // A state link needs its codec before it can draw: fetch it beside the embed, not after.
  if (options.state) void import('./embed/linkState');
  const { EmbedApp } = await import('./embed/EmbedApp');
  // "Open in Service Explainer" goes to this same build without the embed options.
  const appUrl = new URL('./', url).href.replace(/\/embed\/?$/, '/');
  document.documentElement.classList.add('embedded');
  ui = <EmbedApp options={options} appUrl={appUrl} bridge />;
}
createRoot(root).render(<StrictMode>{ui}</StrictMode>);
