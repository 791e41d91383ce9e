/**
 * Compresses responses the server builds (JSON, HTML) for clients that accept it: the survey's
 * questionnaire is ~26 KB of JSON, ~6 KB compressed, which matters on a 400 kbit/s mobile link.
 * Built UI files already carry .br/.gz from the build and are sent as they are. Request bodies are
 * not decompressed: responses are small, and a compressed body has no business here.
 */
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const compressionPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(compress, { global: true, encodings: ['br', 'gzip'], threshold: 1024, globalDecompression: false });
  },
  { name: 'compression' },
);
