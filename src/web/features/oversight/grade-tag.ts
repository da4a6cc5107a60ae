/** Colours of the supervision grades A–D (issue 17). */
export const gradeColor: Record<string, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };
