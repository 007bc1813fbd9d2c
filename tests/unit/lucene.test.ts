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
      together: 'gan AND wasserstein',
      exact: '(gan AND wasserstein^2) OR "gan wasserstein"^4 OR (gan OR wasserstein^2)',
      fuzzy: '(gan AND (wasserstein^2 OR wasserstein~1)) OR "gan wasserstein"^4 OR (gan OR (wasserstein^2 OR wasserstein~1))',
    });
    expect(luceneQueries('NOT AND OR')!.exact).toBe('(not AND and AND or) OR "not and or"^4 OR (not OR and OR or)');
  });

  it('allows typos in longer words only, and only in the fuzzy query', () => {
    expect(luceneQueries('ewc')).toEqual({ together: 'ewc', exact: '(ewc) OR (ewc)', fuzzy: '(ewc) OR (ewc)' });
    expect(luceneQueries('scaling')!.exact).toBe('(scaling^2) OR (scaling^2)');
    expect(luceneQueries('scaling')!.fuzzy).toBe('((scaling^2 OR scaling~1)) OR ((scaling^2 OR scaling~1))');
  });

  it('splits on the characters Lucene treats specially', () => {
    expect(luceneQueries('c++ rocks')!.together).toBe('c AND rocks');
    expect(luceneQueries('a\\b:c')!.together).toBe('a AND b AND c');
  });

  it('returns null when nothing searchable is left', () => {
    expect(luceneQueries('(*) && ||')).toBeNull();
    expect(luceneQueries('   ')).toBeNull();
  });
});
