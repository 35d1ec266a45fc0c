/**
 * TypeScript's enums, and the functions the engine calls once per node, read once. The
 * `typescript` module exports everything through getters on an object with too many properties
 * for V8's fast mode, so each `ts.SyntaxKind.X` or `ts.forEachChild` in a hot loop is a dictionary
 * lookup and a call (a switch over node kinds pays it once per case).
 */
import ts from 'typescript';

export const { SyntaxKind, TypeFlags, SymbolFlags, ObjectFlags, NodeFlags, IndexKind, SignatureKind, forEachChild } = ts;
