package store

import (
	"errors"
	"strings"
	"testing"

	"kiln/ir/vm"
	"kiln/ir/wasm"
	"kiln/ir/wasm/wat"
)

func module(t *testing.T, src string) *wasm.Module {
	t.Helper()
	bin, err := wat.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	m, err := wasm.DecodeAndValidate(bin, wasm.FeaturesAll)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// Equal rec groups of different modules get equal ids; the same function
// signature in another group position does not.
func TestTypeIdentityAcrossModules(t *testing.T) {
	s := New(Limits{})
	a := s.internTypes(module(t, `(module (rec (type $x (func)) (type $y (struct (field (ref null $x))))) (type $f (func (param i32))))`))
	b := s.internTypes(module(t, `(module (type $f (func (param i32))) (rec (type $x (func)) (type $y (struct (field (ref null $x))))))`))
	if a[0] != b[1] || a[1] != b[2] || a[2] != b[0] {
		t.Fatalf("ids %v and %v", a, b)
	}
	c := s.internTypes(module(t, `(module (rec (type (struct (field (ref null 1)))) (type (func))))`))
	if c[1] == a[0] {
		t.Fatal("a func type at another position of another group is the same type")
	}
	if s.FuncTypeID(FuncType{Params: []wasm.ValType{wasm.I32}}) != a[2] {
		t.Fatal("host signature differs from the module's plain func type")
	}
}

func TestSubTypeOf(t *testing.T) {
	s := New(Limits{})
	ids := s.internTypes(module(t, `(module
		(type $a (sub (struct)))
		(type $b (sub $a (struct (field i32))))
		(type $c (sub $b (struct (field i32 i64)))))`))
	if !s.SubTypeOf(ids[2], ids[0]) || s.SubTypeOf(ids[0], ids[2]) || !s.SubTypeOf(ids[1], ids[1]) {
		t.Fatal("declared subtyping is wrong")
	}
	if !s.heapSub(int64(ids[2]), int64(wasm.HeapEq)) || s.heapSub(int64(ids[2]), int64(wasm.HeapFunc)) ||
		!s.heapSub(int64(wasm.HeapNone), int64(ids[0])) {
		t.Fatal("abstract heap subtyping is wrong")
	}
}

func TestGrowMemoryRunsHooks(t *testing.T) {
	s := New(Limits{MaxMemoryPages: 3})
	m, err := s.NewMemory(wasm.MemoryType{Limits: wasm.Limits{Min: 1}})
	if err != nil {
		t.Fatal(err)
	}
	var seen []int
	s.OnMemoryGrow(func(g *Memory) { seen = append(seen, len(g.Bytes)) })
	if r := s.GrowMemory(m, 0); r != 1 || len(seen) != 0 {
		t.Fatalf("grow 0: %d, hooks %v", r, seen)
	}
	if r := s.GrowMemory(m, 2); r != 1 || len(seen) != 1 || seen[0] != 3*PageSize {
		t.Fatalf("grow 2: %d, hooks %v", r, seen)
	}
	if r := s.GrowMemory(m, 1); r != -1 || len(seen) != 1 {
		t.Fatalf("grow past the limit: %d, hooks %v", r, seen)
	}
	if _, err := s.NewMemory(wasm.MemoryType{Limits: wasm.Limits{Min: 4}}); err == nil {
		t.Fatal("memory above the limit allocated")
	}
}

func TestTrapMatchingAndMessage(t *testing.T) {
	tr := &Trap{Code: vm.TrapIndirectCallToNull, Detail: "2", Backtrace: []Frame{{Module: "m", FuncIndex: 3, FuncName: "f", Offset: 0x40}, {FuncIndex: 1, Offset: -1}}}
	if !errors.Is(tr, Sentinel(vm.TrapIndirectCallToNull)) || errors.Is(tr, Sentinel(vm.TrapUnreachable)) {
		t.Fatal("errors.Is does not match by code")
	}
	if errors.Is(tr, &Trap{Code: vm.TrapIndirectCallToNull}) {
		t.Fatal("a non-sentinel trap matched")
	}
	want := "uninitialized element 2\nwasm backtrace:\n  0: m!f @0x40\n  1: func[1]"
	if tr.Error() != want {
		t.Fatalf("got %q, want %q", tr.Error(), want)
	}
	cause := errors.New("boom")
	h := &Trap{Code: vm.TrapHostError, Cause: cause}
	if !errors.Is(h, cause) || !strings.Contains(h.Error(), "boom") {
		t.Fatal("host cause lost")
	}
}

func TestRefEncodings(t *testing.T) {
	s := New(Limits{})
	ext := s.ExternRef("host")
	any := AnyOfExtern(ext)
	if any == ext || ExternOfAny(any) != ext {
		t.Fatal("extern/any round trip")
	}
	obj := s.NewObject(&Object{W: 1})
	if AnyOfExtern(obj) != obj || ExternOfAny(obj) != obj || s.Object(obj) == nil || s.Object(ext) != nil {
		t.Fatal("object references")
	}
	if v := I31(0xffffffff); v&^RefI31 != 0x7fffffff || s.Func(v) != nil {
		t.Fatal("i31")
	}
}
