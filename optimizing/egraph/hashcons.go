package egraph

import "math/bits"

// consTable is the hash-consing map from a pure node's key to its scoped
// entry. It is open addressing with linear probing over a power-of-two
// table rather than a Go map: hashing the 40-byte key through the map's
// generic hasher was the largest single cost of building the e-graph, and
// a table sized from the function once is cleared in time linear in the
// function. Entries are never deleted (an entry goes stale when its scope
// closes; see scoped), so probing needs no tombstones.
type consTable struct {
	slots []consSlot
	n     int // full slots
	shift uint8
}

type consSlot struct {
	k    key
	v    scoped
	full bool
}

// reset empties t for a function expected to make about n entries. The
// table is sized for n, in storage kept from earlier functions when it is
// large enough, so a small function after a large one neither allocates
// nor clears (or probes) more than it needs.
func (t *consTable) reset(n int) {
	want := 64
	for want < 2*n {
		want *= 2
	}
	if cap(t.slots) < want {
		t.alloc(want)
		return
	}
	t.slots = t.slots[:want]
	clear(t.slots)
	t.shift = uint8(64 - bits.TrailingZeros(uint(want)))
	t.n = 0
}

func (t *consTable) alloc(size int) {
	t.slots = make([]consSlot, size)
	t.shift = uint8(64 - bits.TrailingZeros(uint(size)))
	t.n = 0
}

// hash mixes every field of k; the top bits index the table.
func (k *key) hash() uint64 {
	const m = 0x9e3779b97f4a7c15
	h := uint64(k.op) | uint64(k.ty)<<16 | uint64(k.code)<<24 | uint64(k.flags)<<32
	h = (h ^ uint64(k.imm)) * m
	h = (h ^ h>>29 ^ (uint64(uint32(k.args[0])) | uint64(uint32(k.args[1]))<<32)) * m
	h = (h ^ h>>29 ^ (uint64(uint32(k.args[2])) | uint64(uint32(k.entity))<<32)) * m
	return h ^ h>>32
}

// get returns the entry of k.
func (t *consTable) get(k key) (scoped, bool) {
	mask := len(t.slots) - 1
	for i := int(k.hash()>>t.shift) & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if !s.full {
			return scoped{}, false
		}
		if s.k == k {
			return s.v, true
		}
	}
}

// set makes v the entry of k.
func (t *consTable) set(k key, v scoped) {
	if 4*(t.n+1) > 3*len(t.slots) {
		t.grow()
	}
	mask := len(t.slots) - 1
	for i := int(k.hash()>>t.shift) & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if !s.full {
			*s = consSlot{k: k, v: v, full: true}
			t.n++
			return
		}
		if s.k == k {
			s.v = v
			return
		}
	}
}

// grow doubles the table, reinserting every entry.
func (t *consTable) grow() {
	old := t.slots
	t.alloc(2 * max(len(old), 32))
	for i := range old {
		if old[i].full {
			t.set(old[i].k, old[i].v)
		}
	}
}

// len is the number of entries.
func (t *consTable) len() int { return t.n }
