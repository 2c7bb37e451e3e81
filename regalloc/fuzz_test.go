package regalloc

import (
	"math/rand"
	"testing"
)

// allocateAndCheck runs both algorithms on f and proves each result with
// the checker.
func allocateAndCheck(t *testing.T, f *testFunc, env *MachineEnv) {
	t.Helper()
	for _, algo := range []Algorithm{Fast, Quality} {
		out, err := Allocate(f, env, Options{Algorithm: algo})
		if err != nil {
			t.Fatalf("%s: Allocate: %v\n%s", algo, err, f.dump(nil))
		}
		if err := Check(f, env, out); err != nil {
			t.Fatalf("%s: %v\n%s", algo, err, f.dump(out))
		}
	}
}

func FuzzAllocate(f *testing.F) {
	rng := rand.New(rand.NewSource(1))
	for k := 0; k < 32; k++ {
		seed := make([]byte, 16+k*8)
		rng.Read(seed)
		f.Add(seed)
	}
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		fn, env := generate(data)
		allocateAndCheck(t, fn, env)
	})
}

// TestGeneratedFunctions runs many generated functions without the fuzzing
// engine, so plain `go test` exercises the same ground.
func TestGeneratedFunctions(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	n := 2000
	if testing.Short() {
		n = 200
	}
	for k := 0; k < n; k++ {
		data := make([]byte, 8+rng.Intn(400))
		rng.Read(data)
		fn, env := generate(data)
		allocateAndCheck(t, fn, env)
	}
}
