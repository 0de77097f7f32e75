import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import variant from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant, newVariant } from 'quickjs-emscripten-core';
import type { QuickJSWASMModule } from 'quickjs-emscripten-core';

/** The file the bundles ship beside dist/extension.js and dist/cli.js (esbuild.mjs copies it). */
export const BUNDLED_WASM_NAME = 'quickjs.wasm';

/** The global WebAssembly object (Node has it; the project's `lib` setting does not declare its values). */
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
type WasmMemory = NonNullable<Parameters<typeof newVariant>[1]>['wasmMemory'];
interface WasmApi {
  Memory: new (descriptor: { initial: number; maximum: number }) => WasmMemory & { buffer: ArrayBuffer };
  compile(bytes: Uint8Array): Promise<WebAssembly.Module>;
}

let compiled: Promise<WebAssembly.Module> | undefined;

/** A QuickJS module and a view of its WebAssembly memory. */
export interface QuickJSEngine {
  module: QuickJSWASMModule;
  memory: Uint8Array;
}

/**
 * A new QuickJS engine whose WebAssembly memory is fixed at `memoryMb` (it cannot grow, so a script that eats
 * memory gets "out of memory" instead of taking the host's). The compiled WebAssembly is shared by every engine.
 */
export async function newEngine(memoryMb: number): Promise<QuickJSEngine> {
  const pages = Math.max(1, Math.ceil((memoryMb * 1024 * 1024) / 65536));
  const wasmMemory = new wasm.Memory({ initial: pages, maximum: pages });
  compiled ??= wasm.compile(readFileSync(wasmPath()));
  const module = await newQuickJSWASMModuleFromVariant(newVariant(variant, { wasmModule: await compiled, wasmMemory }));
  return { module, memory: new Uint8Array(wasmMemory.buffer) };
}

/** dist/quickjs.wasm in a bundle; the package's own file when running from the sources (tests). */
function wasmPath(): string {
  const bundled = join(__dirname, BUNDLED_WASM_NAME);
  if (existsSync(bundled)) return bundled;
  // Through a variable so the bundler leaves this lookup alone (the bundle never reaches it).
  const packageFile = '@jitl/quickjs-wasmfile-release-sync/wasm';
  return require.resolve(packageFile);
}
