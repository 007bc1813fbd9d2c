import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('gives working defaults for a fresh clone', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 4000, NEO4J_USER: 'neo4j', NEO4J_DATABASE: 'neo4j', NEO4J_LOCAL_PORT: 7687 });
    expect(config.NEO4J_URI).toBeUndefined();
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ NEO4J_URI: '', PORT: '' }).PORT).toBe(4000);
  });

  it('accepts bolt and routing URIs, with or without TLS', () => {
    for (const uri of ['bolt://localhost:7687', 'neo4j://cluster.example:7687', 'neo4j+s://abc.databases.neo4j.io', 'bolt+ssc://db:7687']) {
      expect(loadConfig({ NEO4J_URI: uri }).NEO4J_URI).toBe(uri);
    }
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['NEO4J_URI', 'http://localhost:7474'],
    ['NEO4J_PASSWORD', 'short'],
    ['NEO4J_LOCAL_HEAP', '2 gigabytes'],
    ['SEED_ON_START', 'maybe'],
    ['EMBED_MODEL', 'gpt-4'],
  ])('refuses %s=%s with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}:`));
  });
});
