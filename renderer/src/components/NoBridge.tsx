import { LogoMark } from './Logo';
import './NoBridge.css';

/** Shown when the page runs without Rolodesk's preload, so there is no data to reach. */
export function NoBridge() {
  return (
    <main className="no-bridge">
      <LogoMark size={40} />
      <h1>Rolodesk could not start</h1>
      <p>This window cannot reach your data. Close it and open Rolodesk again from your applications.</p>
    </main>
  );
}
