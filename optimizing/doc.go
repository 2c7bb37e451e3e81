// Package optimizing is kiln's optimizing compiler tier: WebAssembly is
// translated to SSA IR, optimized by an acyclic e-graph mid-end, lowered per
// ISA, register-allocated through kiln/regalloc and emitted through
// kiln/encoder.
package optimizing
