// One single-threaded session of the embedding model in a worker thread of its own. The Embedder
// (src/embed/embedder.ts) starts EMBED_THREADS of them and hands each text to the next free one:
// two texts at once on two cores, where one session with two intra-op threads spread each text
// over both cores and spent half again as much CPU on it (bench/RESULTS.md, 2026-12-08). Plain
// JavaScript, so that it loads the same under tsx, vitest and node.
//
// In: { feeds: { input_ids, attention_mask, token_type_ids } } (BigInt64Arrays of one text);
// out: { hidden } (the model's float32 hidden states) or { error }.
import { parentPort, workerData } from 'node:worker_threads';
import ort from 'onnxruntime-node';

const session = await ort.InferenceSession.create(workerData.onnx, workerData.options);
const output = session.outputNames[0];

parentPort.on('message', async ({ feeds }) => {
  try {
    const dims = [1, feeds.input_ids.length];
    const tensors = Object.fromEntries(Object.entries(feeds).map(([name, data]) => [name, new ort.Tensor('int64', data, dims)]));
    const hidden = (await session.run(tensors))[output].data;
    parentPort.postMessage({ hidden });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ ready: true });
