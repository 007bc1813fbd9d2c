import { describe, expect, it } from 'vitest';
import { escapeLucene, luceneQueries } from '../../src/db/lucene.js';

describe('luceneQueries', () => {
  it('escapes every Lucene special character', () => {
    expect(escapeLucene('a+b-c&&d||e!f(g)h{i}j[k]l^m"n~o*p?q:r\\s/t')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!f\\(g\\)h\\{i\\}j\\[k\\]l\\^m\\"n\\~o\\*p\\?q\\:r\\\\s\\/t',
    );
  });

  it('keeps only words, so operators typed by a user have no effect', () => {
    expect(luceneQueries('GAN (Wasserstein')).toEqual({
      words: [
        { typed: 'gan', clause: 'gan', fuzzy: null },
        { typed: 'wasserstein', clause: 'wasserstein^2', fuzzy: '(wasserstein^2 OR wasserstein~1)' },
      ],
      phrase: '"gan wasserstein"^4',
    });
    expect(luceneQueries('NOT AND OR')!.words.map((w) => w.typed)).toEqual(['not', 'and', 'or']);
  });

  it('allows typos in longer words only', () => {
    expect(luceneQueries('ewc')).toEqual({ words: [{ typed: 'ewc', clause: 'ewc', fuzzy: null }], phrase: '' });
    expect(luceneQueries('scaling')!.words[0]!.fuzzy).toBe('(scaling^2 OR scaling~1)');
  });

  it('splits on the characters Lucene treats specially', () => {
    expect(luceneQueries('c++ rocks')!.words.map((w) => w.typed)).toEqual(['c', 'rocks']);
    expect(luceneQueries('a\\b:c')!.words.map((w) => w.typed)).toEqual(['a', 'b', 'c']);
  });

  it('returns null when nothing searchable is left', () => {
    expect(luceneQueries('(*) && ||')).toBeNull();
    expect(luceneQueries('   ')).toBeNull();
  });
});
