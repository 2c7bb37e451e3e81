package egraph

import (
	"math/rand/v2"
	"testing"

	"kiln/ir"
)

// TestHashTable checks the e-graph's hash table against a Go map through
// resets of varying sizes (storage kept from a larger function must not
// leak entries into a smaller one) and growth past the expected size.
func TestHashTable(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var ct hashTable[key, scoped]
	for round, n := range []int{1000, 10, 5000, 3, 0, 200} {
		ct.reset(n)
		want := map[key]scoped{}
		// Few distinct values per field, so keys collide in all but one
		// field and overwrites happen; 4n inserts force rehashing.
		randKey := func() key {
			return key{op: ir.Opcode(r.IntN(4)), ty: ir.Type(r.IntN(3)), code: uint8(r.IntN(2)),
				flags: ir.MemFlags(r.IntN(2)), entity: int32(r.IntN(3)), imm: int64(r.IntN(50)),
				args: [3]Node{Node(r.IntN(20)), Node(r.IntN(5)), NoNode}}
		}
		for i := range 4*n + 20 {
			k := randKey()
			v := scoped{node: Node(i), depth: int32(round), gen: uint32(i)}
			ct.set(&k, k.hash(), v)
			want[k] = v
			if i%3 == 0 {
				q := randKey()
				got, ok := ct.get(q, q.hash())
				w, wok := want[q]
				if ok != wok || got != w {
					t.Fatalf("round %d: get(%v) = %v, %v; want %v, %v", round, q, got, ok, w, wok)
				}
			}
		}
		for k, w := range want {
			if got, ok := ct.get(k, k.hash()); !ok || got != w {
				t.Fatalf("round %d: get(%v) = %v, %v; want %v", round, k, got, ok, w)
			}
		}
		if len(ct.entries) != len(want) {
			t.Fatalf("round %d: %d entries, want %d", round, len(ct.entries), len(want))
		}
	}
}

// TestConsTable checks the hash-consing table, whose entries name nodes
// instead of holding keys, against a Go map, through resets and growth.
func TestConsTable(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var ct consTable
	for round, n := range []int{1000, 10, 5000, 3, 0, 200} {
		ct.reset(n)
		var nodes []node
		want := map[key]scoped{}
		randKey := func() key {
			return key{op: ir.Opcode(r.IntN(4)), ty: ir.Type(r.IntN(3)), code: uint8(r.IntN(2)),
				flags: ir.MemFlags(r.IntN(2)), entity: int32(r.IntN(3)), imm: int64(r.IntN(50)),
				args: [3]Node{Node(r.IntN(20)), Node(r.IntN(5)), NoNode}}
		}
		for i := range 4*n + 20 {
			k := randKey()
			nodes = append(nodes, node{kind: kindPure, k: k})
			v := scoped{node: Node(i), depth: int32(round), gen: uint32(i)}
			h := k.hash()
			ct.setAt(ct.find(&k, h, nodes), Node(len(nodes)-1), h, v, nodes)
			want[k] = v
			if i%3 == 0 {
				q := randKey()
				got, ok := ct.at(ct.find(&q, q.hash(), nodes))
				w, wok := want[q]
				if ok != wok || got != w {
					t.Fatalf("round %d: get(%v) = %v, %v; want %v, %v", round, q, got, ok, w, wok)
				}
			}
		}
		for k, w := range want {
			if got, ok := ct.at(ct.find(&k, k.hash(), nodes)); !ok || got != w {
				t.Fatalf("round %d: get(%v) = %v, %v; want %v", round, k, got, ok, w)
			}
		}
		if len(ct.entries) != len(want) {
			t.Fatalf("round %d: %d entries, want %d", round, len(ct.entries), len(want))
		}
	}
}

// TestConstTable checks the constant table against a Go map through
// resets and growth.
func TestConstTable(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	var ct constTable
	type ck struct {
		ty  ir.Type
		imm int64
	}
	for round, n := range []int{1000, 10, 5000, 3, 0, 200} {
		ct.reset(n / 4)
		want := map[ck]Node{}
		for i := range 4*n + 20 {
			k := ck{ir.Type(r.IntN(3)), int64(r.IntN(4*n + 20))}
			slot := ct.find(k.ty, k.imm)
			got := ct.at(slot)
			w, ok := want[k]
			if !ok {
				w = NoNode
			}
			if got != w {
				t.Fatalf("round %d: at(%v) = %v, want %v", round, k, got, w)
			}
			if !ok {
				ct.set(slot, k.ty, k.imm, Node(i))
				want[k] = Node(i)
			}
		}
		for k, w := range want {
			if got := ct.at(ct.find(k.ty, k.imm)); got != w {
				t.Fatalf("round %d: at(%v) = %v, want %v", round, k, got, w)
			}
		}
	}
}
