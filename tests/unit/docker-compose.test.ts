import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config.js';

/** docker-compose.yml cannot run here (no Docker engine), so it is checked by construction. */
const compose = parse(readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8'));

/** Docker Compose's ${VAR:-default} interpolation, with no variables set. */
const interpolate = (value: unknown) => String(value).replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1');

describe('docker-compose.yml', () => {
  const neo4j = compose.services.neo4j;
  const api = compose.services.api;
  const apiEnv = Object.fromEntries(Object.entries(api.environment).map(([k, v]) => [k, interpolate(v)]));

  it('runs the official Neo4j 5.26 community image with a healthcheck and a named volume', () => {
    expect(neo4j.image).toBe('neo4j:5.26-community');
    expect(neo4j.healthcheck.test.join(' ')).toContain('RETURN 1');
    const [volume, mountPoint] = neo4j.volumes[0].split(':');
    expect(mountPoint).toBe('/data');
    expect(Object.keys(compose.volumes)).toContain(volume);
  });

  it('starts the API only once Neo4j is healthy, pointed at it', () => {
    expect(api.depends_on.neo4j.condition).toBe('service_healthy');
    const config = loadConfig(apiEnv);
    expect(config.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(neo4j.ports.map(String).some((p: string) => p.endsWith(':7687'))).toBe(true);
  });

  it('gives the API the password Neo4j is created with', () => {
    const auth = interpolate(neo4j.environment.NEO4J_AUTH);
    expect(auth).toBe(`neo4j/${loadConfig(apiEnv).NEO4J_PASSWORD}`);
    expect(loadConfig(apiEnv).NEO4J_USER).toBe('neo4j');
  });

  it('publishes the port the API listens on, on all interfaces inside the container', () => {
    const config = loadConfig(apiEnv);
    expect(config.HOST).toBe('0.0.0.0');
    expect(api.ports.map(String)).toContain(`${config.PORT}:${config.PORT}`);
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(new URL('../../Dockerfile', import.meta.url), 'utf8');

  it('bakes the embedding models in at build time, fetched by Maven, so the image fetches nothing when it runs', () => {
    expect(dockerfile).toMatch(/RUN mvn -B -q -f models\/pom\.xml package/);
    expect(dockerfile).toMatch(/COPY --from=models \/app\/\.models \.models/);
    expect(dockerfile).toMatch(/ONNXRUNTIME_NODE_INSTALL=skip npm ci/);
  });
});
