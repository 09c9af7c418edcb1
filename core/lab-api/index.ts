/** Front door of the UI ↔ host contract. */
export * from './contract.ts';
export * from './validate-args.ts';
