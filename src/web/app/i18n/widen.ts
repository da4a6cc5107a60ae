/** A dictionary's shape with its literal strings widened: what the other locale must provide. */
export type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
