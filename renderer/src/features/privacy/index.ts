// What other features may use of privacy; they import it from here, never from its files.
export { ErasureLog } from './ErasureLog';
export { PersonRightsMenu } from './PersonRightsMenu';
