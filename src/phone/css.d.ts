/* Vite bundles the phone's stylesheet from a side-effect import. */
declare module '*.css';
