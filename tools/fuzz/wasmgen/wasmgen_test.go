package wasmgen

import (
	"math/rand/v2"
	"testing"

	"kiln/ir/wasm"
	"kiln/ir/wasm/wat"
)

// validate fails the test when m does not decode and validate with
// exactly the features its configuration declares: a generator bug.
func validate(t *testing.T, data []byte, m *Module) {
	t.Helper()
	if _, err := wasm.DecodeAndValidate(m.Binary, m.Config.Features()); err != nil {
		text, _ := wat.PrintBinary(m.Binary)
		t.Fatalf("generated module is invalid: %v\ninput %x\n%s", err, data, text)
	}
}

func randomInput(r *rand.Rand, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// TestGeneratedModulesValidate generates modules from pseudo-random
// inputs of many lengths, with the input's own configuration and with
// each feature switched off in turn.
func TestGeneratedModulesValidate(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 1500
	if testing.Short() {
		n = 200
	}
	for i := 0; i < n; i++ {
		data := randomInput(r, r.IntN(4000))
		u := NewUnstructured(data)
		cfg := ConfigFrom(u)
		validate(t, data, Generate(u, cfg))
	}
	for _, tweak := range []func(*Config){
		func(c *Config) { c.Memory, c.BulkMemory = false, false },
		func(c *Config) { c.Table, c.ReferenceTypes = false, false },
		func(c *Config) { c.MultiValue = false },
		func(c *Config) { c.TailCalls = false },
		func(c *Config) { c.Floats = false },
		func(c *Config) { c.CanonicalizeNaNs = false },
		func(c *Config) { c.Traps, c.StackExhaustion = false, false },
		func(c *Config) { c.SignExt, c.SatConv, c.BulkMemory, c.ReferenceTypes = false, false, false, false },
	} {
		for i := 0; i < n/10; i++ {
			data := randomInput(r, r.IntN(4000))
			cfg := DefaultConfig()
			tweak(&cfg)
			validate(t, data, Generate(NewUnstructured(data), cfg))
		}
	}
}

// TestGenerateIsDeterministic: the same bytes give the same module, so a
// fuzzer input reproduces.
func TestGenerateIsDeterministic(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 50; i++ {
		data := randomInput(r, 2000)
		a := Generate(NewUnstructured(data), DefaultConfig())
		b := Generate(NewUnstructured(data), DefaultConfig())
		if string(a.Binary) != string(b.Binary) {
			t.Fatalf("input %x generated two different modules", data)
		}
	}
}

// TestEmptyInput: no bytes still make a valid, small module.
func TestEmptyInput(t *testing.T) {
	m := Generate(NewUnstructured(nil), DefaultConfig())
	validate(t, nil, m)
	if len(m.Funcs) != 1 {
		t.Errorf("empty input generated %d functions, want 1", len(m.Funcs))
	}
}

// FuzzGenerate asserts that every input generates a valid module.
func FuzzGenerate(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("\xff\xff\xff\xff some bytes to start from"))
	f.Fuzz(func(t *testing.T, data []byte) {
		u := NewUnstructured(data)
		validate(t, data, Generate(u, ConfigFrom(u)))
	})
}
