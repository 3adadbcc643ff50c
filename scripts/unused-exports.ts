// Finds the dead exports of server/src and client/src: exported, imported by no other file (tests count as
// importers) and not used in their own file either. TypeScript's noUnusedLocals finds unused names inside a
// file, but not an export nobody imports. npm run lint runs it and fails on a dead export; `--all` also lists
// the exports only their own file uses (informational: a type in an exported signature is best exported).
// The compiler resolves the imports, so no extra dependency is needed:
//   node --import tsx scripts/unused-exports.ts [--all]
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.join(__dirname, '..');
const CHECKED = ['server/src/', 'client/src/'];
/** Exports reached by name at run time, not by an import: VS Code calls the extension's activate and deactivate. */
const CALLED_FROM_OUTSIDE = new Set(['client/src/extension.ts#activate', 'client/src/extension.ts#deactivate']);

export interface UnusedExport {
  /** `file:line`, relative to the repository root. */
  where: string;
  name: string;
  /** Whether the file itself uses the name (then only the `export` is superfluous). */
  usedInFile: boolean;
}

function loadProgram(): ts.Program {
  const configPath = path.join(ROOT, 'tsconfig.json');
  const read = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, ROOT);
  return ts.createProgram(parsed.fileNames, parsed.options);
}

/** Each module another file imports from, with the names it imports; `*` for a namespace import or `export *`. */
function importedNames(program: ts.Program): Map<string, Set<string>> {
  const checker = program.getTypeChecker();
  const imported = new Map<string, Set<string>>();
  const add = (specifier: ts.Expression, from: ts.SourceFile, name: string) => {
    const moduleSymbol = checker.getSymbolAtLocation(specifier);
    const target = moduleSymbol?.valueDeclaration?.getSourceFile();
    if (!target || target === from) return;
    let names = imported.get(target.fileName);
    if (!names) imported.set(target.fileName, (names = new Set()));
    names.add(name);
  };
  for (const source of program.getSourceFiles()) {
    if (source.isDeclarationFile) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node)) {
        const clause = node.importClause;
        if (clause?.name) add(node.moduleSpecifier, source, 'default');
        const bindings = clause?.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) add(node.moduleSpecifier, source, '*');
        if (bindings && ts.isNamedImports(bindings)) {
          for (const element of bindings.elements)
            add(node.moduleSpecifier, source, (element.propertyName ?? element.name).text);
        }
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
        const clause = node.exportClause;
        if (!clause || ts.isNamespaceExport(clause)) add(node.moduleSpecifier, source, '*');
        else
          for (const element of clause.elements)
            add(node.moduleSpecifier, source, (element.propertyName ?? element.name).text);
      } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0]!)) {
        // import('./x') and require('./x'): every export counts as used.
        const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
        const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
        if (isDynamicImport || isRequire) add(node.arguments[0], source, '*');
      } else if (
        ts.isImportTypeNode(node) &&
        ts.isLiteralTypeNode(node.argument) &&
        ts.isStringLiteral(node.argument.literal)
      ) {
        add(
          node.argument.literal,
          source,
          node.qualifier && ts.isIdentifier(node.qualifier) ? node.qualifier.text : '*',
        );
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return imported;
}

/** Whether an identifier of the file other than the declaration's own name refers to the symbol. */
function usedInOwnFile(
  checker: ts.TypeChecker,
  source: ts.SourceFile,
  symbol: ts.Symbol,
  declaredName: ts.Node,
): boolean {
  const local = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  let used = false;
  const visit = (node: ts.Node): void => {
    if (used) return;
    if (ts.isIdentifier(node) && node !== declaredName) {
      const referenced = ts.isShorthandPropertyAssignment(node.parent)
        ? checker.getShorthandAssignmentValueSymbol(node.parent)
        : checker.getSymbolAtLocation(node);
      if (
        referenced === local ||
        referenced === symbol ||
        (referenced && referenced.declarations?.[0] === local.declarations?.[0])
      ) {
        used = true;
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return used;
}

export function unusedExports(): UnusedExport[] {
  const program = loadProgram();
  const checker = program.getTypeChecker();
  const imported = importedNames(program);
  const unused: UnusedExport[] = [];
  for (const source of program.getSourceFiles()) {
    const relative = path.relative(ROOT, source.fileName).split(path.sep).join('/');
    if (!CHECKED.some((dir) => relative.startsWith(dir))) continue;
    const moduleSymbol = checker.getSymbolAtLocation(source);
    if (!moduleSymbol) continue;
    const names = imported.get(source.fileName) ?? new Set<string>();
    if (names.has('*')) continue;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      if (names.has(exported.name) || CALLED_FROM_OUTSIDE.has(`${relative}#${exported.name}`)) continue;
      const declaration = exported.declarations?.[0];
      if (!declaration) continue;
      const declaredName = ts.getNameOfDeclaration(declaration) ?? declaration;
      const line = source.getLineAndCharacterOfPosition(declaredName.getStart()).line + 1;
      unused.push({
        where: `${relative}:${line}`,
        name: exported.name,
        usedInFile: usedInOwnFile(checker, source, exported, declaredName),
      });
    }
  }
  return unused;
}

if (require.main === module) {
  const unused = unusedExports();
  const dead = unused.filter((entry) => !entry.usedInFile);
  if (process.argv.includes('--all')) {
    for (const entry of unused.filter((e) => e.usedInFile))
      console.log(`${entry.where} ${entry.name}: exported, but only its own file uses it`);
  }
  for (const entry of dead) console.log(`${entry.where} ${entry.name}: exported and used nowhere`);
  if (dead.length) {
    console.log(`${dead.length} dead export(s): remove them (or import them where they are meant to be used).`);
    process.exitCode = 1;
  }
}
