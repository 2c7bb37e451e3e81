package wat

import (
	"testing"

	"kiln/ir/wasm"
)

// TestOpcodesAgreeWithDecoder cross-checks the text table against the
// binary decoder's opcode table (ir/wasm), written independently: every
// text name must encode to the opcode the decoder names the same way.
func TestOpcodesAgreeWithDecoder(t *testing.T) {
	for name, op := range opTable {
		code := wasm.Opcode(uint32(op.prefix)<<16 | op.code)
		if got := code.Name(); got != name {
			t.Errorf("%s: encodes as %#x, which the decoder names %q", name, uint32(code), got)
		}
	}
	if len(opTable) < 500 {
		t.Errorf("only %d instructions in the table", len(opTable))
	}
}
