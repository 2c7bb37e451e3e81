// Package runtime runs WebAssembly: engines, modules, stores, instances,
// linkers, host functions, memories, tables, globals and traps. Compilers plug
// in through the compiler contract in kiln/ir; the runtime never imports a
// compiler module.
package runtime
