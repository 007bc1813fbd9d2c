import { describe, expect, it } from 'vitest';
import { escapeLucene, luceneQuery } from '../../src/db/lucene.js';

describe('luceneQuery', () => {
  it('escapes every Lucene special character', () => {
    expect(escapeLucene('a+b-c&&d||e!f(g)h{i}j[k]l^m"n~o*p?q:r\\s/t')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!f\\(g\\)h\\{i\\}j\\[k\\]l\\^m\\"n\\~o\\*p\\?q\\:r\\\\s\\/t',
    );
  });

  it('keeps only words, so operators typed by a user have no effect', () => {
    expect(luceneQuery('GAN (Wasserstein')).toBe(
      '(gan AND (wasserstein^2 OR wasserstein~1)) OR "gan wasserstein"^4 OR (gan OR (wasserstein^2 OR wasserstein~1))',
    );
    expect(luceneQuery('NOT AND OR')).toBe('(not AND and AND or) OR "not and or"^4 OR (not OR and OR or)');
  });

  it('makes longer words fuzzy and leaves short ones exact', () => {
    expect(luceneQuery('ewc')).toBe('(ewc) OR (ewc)');
    expect(luceneQuery('scaling')).toBe('((scaling^2 OR scaling~1)) OR ((scaling^2 OR scaling~1))');
  });

  it('returns null when nothing searchable is left', () => {
    expect(luceneQuery('(*) && ||')).toBeNull();
    expect(luceneQuery('   ')).toBeNull();
  });
});
