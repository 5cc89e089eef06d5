/**
 * How text becomes search terms, shared by indexing and querying so both sides always agree:
 * lowercase words, English stop words dropped, a light suffix stemmer so "deploying", "deployed" and
 * "deploys" meet "deploy". Deliberately small — a full Porter stemmer over-merges technical words.
 */

/** Words that carry no topic in a chat question. Framework-neutral: "vs", "better" are not topics either. */
export const STOP_WORDS = new Set(
  (
    'a an the and or but if then else of to in on at by for with about from into over under as is are was were be been being ' +
    'do does did doing done have has had having can could should would will shall may might must i me my we our you your ' +
    'he she it its they them their this that these those there here what which who whom whose when where why how ' +
    'not no yes so too very just also than vs versus v compared compare comparison between both either each any all some ' +
    'more most less much many better best worse good bad really actually please thanks thank hi hello hey tell know ' +
    'want need get got use using used one two s t im ive id dont doesnt isnt whats hows thats lot lots like ok okay ' +
    'think thinking thought anyone someone something thing things way ways kind sort guys folks pls plz u ur tho ' +
    // Question fluff: verbs and fillers that frame a question without saying what it is about.
    'come comes came out made make makes take takes took long part go goes going work works give gives ' +
    'difference differences different differ say says said explain describe mean means there ' +
    'question questions quick curious wondering wonder help anybody somebody guess maybe currently ' +
    'now still lol btw ok so just gonna wanna kinda sorta pretty stuff basically literally honestly anyway ' +
    'general generally overall ' +
    // Chat: contractions without their apostrophe, abbreviations, and verbs that report who said what.
    'theyre youre were weve theyve ive youve wont cant didnt wasnt arent shouldnt wouldnt couldnt ill youll ' +
    'heres theres whos lets q ppl people tbh imo imho idk afaik iirc fwiw ngl rn ya yall dunno smth ' +
    'keep keeps kept saying asking ask asks asked told tells telling heard hear hears even anymore ever ' +
    // Every article here is about frameworks: "which framework …" names no topic.
    'framework frameworks'
  ).split(' '),
);

/** Lowercase words and numbers; everything else (punctuation, emoji, Markdown) separates words. */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/['’]/g, '')
      // "72%" and "72 percent" are the same figure; keep the percent sign as a word.
      .replace(/%/g, ' percent ')
      // Else punctuation leaves a bare "c", and "c#" or "c" would match the base's C++.
      .replace(/\bc\+\+/g, ' cpp ')
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
  );
}

/**
 * Light stemmer: plural and common verb/adjective endings. Applied identically to the index and the
 * query, so it only needs to be consistent, not linguistically right.
 */
export function stem(word: string): string {
  let w = word;
  if (/^\d/.test(w) || w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('es') && /(ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ['ment', 'ness', 'ing', 'ed', 'er', 'ly']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.endsWith('y') && w.length > 4) w = `${w.slice(0, -1)}i`;
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  // "deployy"-style doubles left by stripping ("shipped" → "shipp") collapse to one letter.
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && w.length > 4) w = w.slice(0, -1);
  return w;
}

/**
 * A search term, or null for stop words. Lone letters that are not stop words stay: "r" in "is there
 * an r version of tensorflow" is the whole topic, and dropping it made the question look covered.
 */
export function toTerm(word: string): string | null {
  if (STOP_WORDS.has(word)) return null;
  const term = stem(word);
  // "ones" → "one", "things" → "thing": a plural of a stop word is one too.
  return STOP_WORDS.has(term) ? null : term;
}

/** Content terms of a text in order, duplicates kept. */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    const term = toTerm(word);
    if (term) out.push(term);
  }
  return out;
}
