/**
 * The imports of the project's own source files, read with the TypeScript parser, so that tests can
 * say which part may depend on which (tests/unit/architecture/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

export interface ImportEdge {
  /** The importing file, relative to the project (`server/domain/links/poster.ts`). */
  from: string;
  /** What it names: a package (`zod`) or a project file, relative to the project. */
  to: string;
  /** Whether the import vanishes from the built JavaScript (`import type`, `export type … from`). */
  typeOnly: boolean;
}

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(join(PROJECT_ROOT, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') yield* sourceFiles(path);
    } else if (/\.(ts|tsx)$/.test(entry.name)) {
      yield path;
    }
  }
}

function edgesOf(file: string): ImportEdge[] {
  const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const target = (specifier: string) => (specifier.startsWith('.') ? relative(PROJECT_ROOT, resolve(PROJECT_ROOT, dirname(file), specifier)) : specifier);
  const edges: ImportEdge[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      edges.push({ from: file, to: target(node.moduleSpecifier.text), typeOnly: node.importClause?.isTypeOnly ?? false });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      edges.push({ from: file, to: target(node.moduleSpecifier.text), typeOnly: node.isTypeOnly });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      edges.push({ from: file, to: target(node.arguments[0].text), typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      edges.push({ from: file, to: target(node.argument.literal.text), typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

/** Every import of every source file under `dir` (relative to the project). */
export function importsUnder(dir: string): ImportEdge[] {
  return [...sourceFiles(dir)].flatMap(edgesOf);
}

export const within = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);
export const describeEdge = (e: ImportEdge) => `${e.from} → ${e.to}${e.typeOnly ? ' (type)' : ''}`;
