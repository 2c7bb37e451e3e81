package wast

import "kiln/ir/wasm"

// WasmValidator is the Validator backed by kiln's decoder and validator
// (ir/wasm) with a feature set.
type WasmValidator struct{ Features wasm.Features }

// DecodeValidate decodes bin and validates the result.
func (v WasmValidator) DecodeValidate(bin []byte) (malformed bool, err error) {
	m, err := wasm.Decode(bin, v.Features)
	if err != nil {
		return true, err
	}
	return false, wasm.Validate(m, v.Features)
}
