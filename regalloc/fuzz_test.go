package regalloc

import (
	"math/rand"
	"strings"
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

// FuzzAllocateInvalid corrupts generated functions (random operands,
// successors, parameters, ranges, vreg counts). With Options.Verify,
// Allocate must return an *Error or an allocation the checker accepts:
// never a panic, never wrong code. Without it the input is trusted:
// Allocate must still never panic, must return only *Error errors, and
// its allocation must be correct whenever Validate accepts the input.
func FuzzAllocateInvalid(f *testing.F) {
	rng := rand.New(rand.NewSource(7))
	for k := 0; k < 16; k++ {
		seed := make([]byte, 64+k*16)
		rng.Read(seed)
		f.Add(seed, []byte{byte(k), byte(3 * k), byte(7 * k), byte(k * k)})
	}
	f.Fuzz(func(t *testing.T, data, mutations []byte) {
		fn, env := generate(data)
		src := &byteSource{data: mutations}
		for len(mutations) > 0 && src.pos < len(mutations) {
			mutate(fn, src)
		}
		valid := Validate(fn, env)
		if valid != nil {
			if _, ok := valid.(*Error); !ok {
				t.Fatalf("Validate: error of type %T: %v", valid, valid)
			}
		}
		for _, algo := range []Algorithm{Fast, Quality} {
			out, err := Allocate(fn, env, Options{Algorithm: algo, Verify: true})
			if err != nil {
				if _, ok := err.(*Error); !ok {
					t.Fatalf("%s: error of type %T: %v", algo, err, err)
				}
				if valid == nil && !strings.Contains(err.Error(), "register left") { // found while allocating
					t.Fatalf("%s: Validate accepted what Allocate rejects: %v", algo, err)
				}
			} else if valid != nil {
				t.Fatalf("%s: Allocate accepted what Validate rejects: %v", algo, valid)
			}
			out, err = Allocate(fn, env, Options{Algorithm: algo})
			if err != nil {
				if _, ok := err.(*Error); !ok {
					t.Fatalf("%s unverified: error of type %T: %v", algo, err, err)
				}
				continue
			}
			if valid == nil {
				if err := Check(fn, env, out); err != nil {
					t.Fatalf("%s unverified: valid input, wrong output: %v\n%s", algo, err, fn.dump(out))
				}
			}
		}
	})
}

// mutate applies one random corruption to f.
func mutate(f *testFunc, src *byteSource) {
	n := len(f.insts)
	nb := len(f.blocks)
	switch src.intn(7) {
	case 0, 1: // replace an operand by random bits
		i := src.intn(n)
		if len(f.insts[i].ops) == 0 {
			return
		}
		k := src.intn(len(f.insts[i].ops))
		var bits uint64
		for j := 0; j < 6; j++ {
			bits = bits<<8 | uint64(src.next())
		}
		o := Operand(bits)
		if src.intn(2) == 0 { // keep it plausible: a known vreg
			o = NewOperand(NewVReg(src.intn(f.nvregs+1), RegClass(src.intn(3))), OperandKind(src.intn(2)), OperandPos(src.intn(2)), ConstraintKind(src.intn(6)), uint8(src.next()))
		}
		ops := append([]Operand(nil), f.insts[i].ops...)
		ops[k] = o
		f.insts[i].ops = ops
	case 2: // add or drop a successor
		b := src.intn(nb)
		succs := append([]Block(nil), f.blocks[b].succs...)
		if len(succs) > 0 && src.intn(2) == 0 {
			succs = succs[:len(succs)-1]
		} else {
			succs = append(succs, Block(src.intn(nb+1)-src.intn(2)))
		}
		f.blocks[b].succs = succs
	case 3: // add a block parameter
		b := src.intn(nb)
		f.blocks[b].params = append(append([]VReg(nil), f.blocks[b].params...), NewVReg(src.intn(f.nvregs+2), RegClass(src.intn(4))))
	case 4: // shrink the vreg count
		f.nvregs = src.intn(f.nvregs + 1)
	case 5: // move a block boundary
		b := src.intn(nb)
		f.blocks[b].end += Inst(src.intn(3) - 1)
	case 6: // flip a terminator flag or a clobber
		i := src.intn(n)
		switch src.intn(3) {
		case 0:
			f.insts[i].branch = !f.insts[i].branch
		case 1:
			f.insts[i].ret = !f.insts[i].ret
		default:
			f.insts[i].clob.Add(NewPReg(RegClass(src.intn(3)), src.intn(8)))
		}
	}
}
