// What other features may use of palette; they import it from here, never from its files.
export { recordKindLook } from './recordKindLook';
