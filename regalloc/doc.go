// Package regalloc is kiln's ISA-independent register allocator.
//
// A backend describes its function through the Function interface (blocks,
// instructions, operands with constraints, block parameters, clobbers) and its
// registers through a MachineEnv; Allocate returns an allocation for every
// operand plus the moves, spills and reloads to insert. The allocator never
// calls back into backend code, so its output can be checked independently.
package regalloc
