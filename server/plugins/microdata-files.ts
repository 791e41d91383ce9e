/** The microdata downloads this process keeps as files (domain/results/microdata-files.ts), removed when it stops. */
import fp from 'fastify-plugin';
import { MicrodataFiles } from '../domain/results/microdata-files.ts';

declare module 'fastify' {
  interface FastifyInstance {
    microdataFiles: MicrodataFiles;
  }
}

export const microdataFilesPlugin = fp(
  async (app) => {
    const files = new MicrodataFiles();
    app.decorate('microdataFiles', files);
    app.addHook('onClose', () => files.close());
  },
  { name: 'microdata-files' },
);
