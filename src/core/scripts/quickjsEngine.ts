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
  Memory: new (descriptor: { initial: number; maximum: number }) => WasmMemory;
  compile(bytes: Uint8Array): Promise<WebAssembly.Module>;
}

let compiled: Promise<WebAssembly.Module> | undefined;
const engines = new Map<number, Promise<QuickJSWASMModule>>();

/**
 * A QuickJS engine whose WebAssembly memory is fixed at `memoryMb` (it cannot grow, so a script that eats
 * memory gets "out of memory" instead of taking the host's). Engines are kept per size and reused by fresh
 * runtimes; `retireEngine` drops one after a script hit a limit, so the next script starts on a clean heap.
 */
export function engineFor(memoryMb: number): Promise<QuickJSWASMModule> {
  let engine = engines.get(memoryMb);
  if (engine === undefined) {
    engine = newEngine(memoryMb);
    engines.set(memoryMb, engine);
    engine.catch(() => engines.delete(memoryMb));
  }
  return engine;
}

/** Forgets the engine of `memoryMb`; the next `engineFor` builds a new one (its memory is garbage-collected). */
export function retireEngine(memoryMb: number): void {
  engines.delete(memoryMb);
}

async function newEngine(memoryMb: number): Promise<QuickJSWASMModule> {
  const pages = Math.max(1, Math.ceil((memoryMb * 1024 * 1024) / 65536));
  const wasmMemory = new wasm.Memory({ initial: pages, maximum: pages });
  compiled ??= wasm.compile(readFileSync(wasmPath()));
  return newQuickJSWASMModuleFromVariant(newVariant(variant, { wasmModule: await compiled, wasmMemory }));
}

/** dist/quickjs.wasm in a bundle; the package's own file when running from the sources (tests). */
function wasmPath(): string {
  const bundled = join(__dirname, BUNDLED_WASM_NAME);
  if (existsSync(bundled)) return bundled;
  // Through a variable so the bundler leaves this lookup alone (the bundle never reaches it).
  const packageFile = '@jitl/quickjs-wasmfile-release-sync/wasm';
  return require.resolve(packageFile);
}
