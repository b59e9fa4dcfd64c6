// What other features may use of export; they import it from here, never from its files.
export { useListExport } from './useListExport';
