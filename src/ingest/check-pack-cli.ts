/** `npm run pack:check -- <pack.yaml>`: validates a knowledge pack without touching a database. */
import { readPack, PackError } from './read-pack.js';

const file = process.argv[2] ?? 'seeds/icml-2017/pack.yaml';
try {
  const { pack } = await readPack(file);
  const count = (xs: unknown[]) => xs.length;
  console.log(
    `${file}: valid. ${count(pack.days)} days, ${count(pack.sessions)} sessions, ${count(pack.talks)} talks, ` +
      `${count(pack.papers)} papers, ${count(pack.people)} people, ${count(pack.concepts)} concepts.`,
  );
} catch (error) {
  if (error instanceof PackError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
