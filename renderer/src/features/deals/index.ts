// What other features may use of deals; they import it from here, never from its files.
export { RecordDeals } from './RecordDeals';
