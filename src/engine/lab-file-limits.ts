// The limits the page checks before it hands a lab file to the engine (the UI reaches the labs'
// rules only through the engine layer); the labs' loader enforces the same numbers.
export { MAX_LAB_BYTES } from '../labs/custom-limits';
