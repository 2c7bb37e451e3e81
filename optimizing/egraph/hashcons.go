package egraph

import "math/bits"

// consTable is the hash-consing map from a pure node's key to its scoped
// entry. It is open addressing with linear probing over a power-of-two
// table rather than a Go map: hashing the 40-byte key through the map's
// generic hasher was the largest single cost of building the e-graph. The
// table holds 8-byte slots (part of the key's hash, to skip most
// mismatches without touching the entry, and an index into entries), so
// sizing it for a function and clearing it stays cheap. Entries are never
// deleted (an entry goes stale when its scope closes; see scoped), so
// probing needs no tombstones.
type consTable struct {
	slots   []uint64 // 0 empty; else uint32(hash)<<32 | entry index+1
	entries []consEntry
	shift   uint8 // 64 - log2(len(slots)): the hash's top bits index slots
}

type consEntry struct {
	k key
	v scoped
}

// reset empties t for a function expected to make about n entries. The
// table is sized for n, in storage kept from earlier functions when it is
// large enough, so a small function after a large one neither allocates
// nor clears (or probes) more than it needs.
func (t *consTable) reset(n int) {
	t.entries = t.entries[:0]
	t.size(max(64, 2*n))
}

// size makes an empty slot table of at least n slots.
func (t *consTable) size(n int) {
	want := 1 << bits.Len(uint(n-1))
	if cap(t.slots) < want {
		t.slots = make([]uint64, want)
	} else {
		t.slots = t.slots[:want]
		clear(t.slots)
	}
	t.shift = uint8(64 - bits.TrailingZeros(uint(want)))
}

// hash mixes every field of k.
func (k *key) hash() uint64 {
	const m = 0x9e3779b97f4a7c15
	h := uint64(k.op) | uint64(k.ty)<<16 | uint64(k.code)<<24 | uint64(k.flags)<<32
	h = (h ^ uint64(k.imm)) * m
	h = (h ^ h>>29 ^ (uint64(uint32(k.args[0])) | uint64(uint32(k.args[1]))<<32)) * m
	h = (h ^ h>>29 ^ (uint64(uint32(k.args[2])) | uint64(uint32(k.entity))<<32)) * m
	return h ^ h>>32
}

// find returns the slot of k, or of the empty slot where k would go.
func (t *consTable) find(k *key, h uint64) int {
	mask := len(t.slots) - 1
	tag := h << 32
	for i := int(h>>t.shift) & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 || s&^(1<<32-1) == tag && t.entries[uint32(s)-1].k == *k {
			return i
		}
	}
}

// get returns the entry of k.
func (t *consTable) get(k key) (scoped, bool) {
	s := t.slots[t.find(&k, k.hash())]
	if s == 0 {
		return scoped{}, false
	}
	return t.entries[uint32(s)-1].v, true
}

// set makes v the entry of k.
func (t *consTable) set(k key, v scoped) {
	h := k.hash()
	i := t.find(&k, h)
	if s := t.slots[i]; s != 0 {
		t.entries[uint32(s)-1].v = v
		return
	}
	t.entries = append(t.entries, consEntry{k: k, v: v})
	t.slots[i] = h<<32 | uint64(len(t.entries))
	if 4*len(t.entries) > 3*len(t.slots) {
		t.rehash()
	}
}

// rehash doubles the slot table and reinserts every entry.
func (t *consTable) rehash() {
	t.slots = nil // size allocates: the old table may be full of live slots
	t.size(2 * len(t.entries) * 2)
	for n := range t.entries {
		h := t.entries[n].k.hash()
		t.slots[t.find(&t.entries[n].k, h)] = h<<32 | uint64(n+1)
	}
}
