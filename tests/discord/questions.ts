/** Questions the knowledge base is known to answer (kept in one place so KB edits touch one line). */
export const ANSWERABLE = 'Which framework is better for deploying models to mobile devices?';
