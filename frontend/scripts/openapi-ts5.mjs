// openapi-typescript builds its output with the TypeScript 5 compiler API, which TypeScript 7
// (this project's `typescript`) no longer ships as JavaScript. Preloaded with `node --import`, this
// hook resolves `typescript` to the `typescript5` package for openapi-typescript only.
import { register } from 'node:module';

const hooks = `
export async function resolve(specifier, context, next) {
  if (specifier === 'typescript' && context.parentURL && context.parentURL.includes('/node_modules/openapi-typescript/')) {
    return next('typescript5', context);
  }
  return next(specifier, context);
}
`;

register(`data:text/javascript,${encodeURIComponent(hooks)}`, import.meta.url);
