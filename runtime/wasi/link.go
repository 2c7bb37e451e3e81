package wasi

import (
	"context"

	kiln "kiln/runtime"
)

// Define links every preview1 function into linker as a host function
// backed by sys. A Linker's host functions are shared by every store it
// instantiates into, so one System goes with one Linker (one guest).
//
// Each call reads the calling instance's memory (its export "memory", the
// preview1 convention) afresh, so a memory.grow between calls is seen.
// proc_exit returns *ExitError from the host function: the runtime unwinds
// the guest with a host-error trap whose cause is the *ExitError
// (errors.As finds it; see ExitCode).
func Define(linker *kiln.Linker, sys *System) error {
	for _, f := range Functions {
		f := f
		t := kiln.FuncType{Params: valTypes(f.Params), Results: valTypes(f.Results)}
		err := linker.DefineFunc(ModuleName, f.Name, t, func(ctx context.Context, c *kiln.Caller, params, results []uint64) error {
			var mem []byte
			if m := c.Memory(); m != nil {
				mem = m.Bytes()
			}
			return sys.Call(ctx, f, mem, params, results)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func valTypes(ts []ValueType) []kiln.ValType {
	out := make([]kiln.ValType, len(ts))
	for i, t := range ts {
		if t == I64 {
			out[i] = kiln.I64
		} else {
			out[i] = kiln.I32
		}
	}
	return out
}
