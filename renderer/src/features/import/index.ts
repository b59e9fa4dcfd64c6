// What other features may use of import; they import it from here, never from its files.
export { ImportSettings } from './ImportSettings';
export { useImport } from './importContext';
