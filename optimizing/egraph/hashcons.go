package egraph

import (
	"math/bits"
	"slices"

	"kiln/ir"
)

// hashTable is the map the e-graph builder uses for its scoped tables
// (hash-consing, available loads, dominating checks): open addressing with
// linear probing over a power-of-two table rather than a Go map. Hashing a
// 40-byte key through the map's generic hasher was the largest single cost
// of building the e-graph, and clearing a map costs its capacity, which a
// large function leaves behind for every small one after it. The table
// holds 8-byte slots (part of the key's hash, to skip most mismatches
// without touching the entry, and an index into entries), so sizing it for
// each function and clearing it stays cheap. Entries are never deleted (an
// entry goes stale when its scope closes; see scoped), so probing needs no
// tombstones. Callers pass each key's hash (see the hash methods below), so
// the generic code makes no method calls.
type hashTable[K comparable, V any] struct {
	slots   []uint64 // 0 empty; else uint32(hash)<<32 | entry index+1
	entries []tableEntry[K, V]
	shift   uint8 // 64 - log2(len(slots)): the hash's top bits index slots
}

type tableEntry[K comparable, V any] struct {
	k    K
	v    V
	hash uint64
}

// reset empties t for a function expected to make about n entries. The
// table is sized for n, in storage kept from earlier functions when it is
// large enough, so a small function after a large one neither allocates
// nor clears (or probes) more than it needs.
func (t *hashTable[K, V]) reset(n int) {
	clear(t.entries) // drop what the values point to
	t.entries = slices.Grow(t.entries[:0], n)
	t.size(max(64, 2*n))
}

// size makes an empty slot table of at least n slots.
func (t *hashTable[K, V]) size(n int) {
	want := 1 << bits.Len(uint(n-1))
	if cap(t.slots) < want {
		t.slots = make([]uint64, want)
	} else {
		t.slots = t.slots[:want]
		clear(t.slots)
	}
	t.shift = uint8(64 - bits.TrailingZeros(uint(want)))
}

// find returns the slot of k (with hash h), or of the empty slot where k
// would go.
func (t *hashTable[K, V]) find(k *K, h uint64) int {
	mask := len(t.slots) - 1
	tag := h << 32
	for i := int(h>>t.shift) & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 || s&^(1<<32-1) == tag && t.entries[uint32(s)-1].k == *k {
			return i
		}
	}
}

// get returns the entry of k, whose hash is h.
func (t *hashTable[K, V]) get(k K, h uint64) (V, bool) {
	s := t.slots[t.find(&k, h)]
	if s == 0 {
		var zero V
		return zero, false
	}
	return t.entries[uint32(s)-1].v, true
}

// at returns the entry in slot i (from find), if any.
func (t *hashTable[K, V]) at(i int) (V, bool) {
	s := t.slots[i]
	if s == 0 {
		var zero V
		return zero, false
	}
	return t.entries[uint32(s)-1].v, true
}

// setAt makes v the entry of k, whose hash is h and whose slot find
// returned (with no insertion since), and returns the entry's index, which
// stays valid until reset.
func (t *hashTable[K, V]) setAt(i int, k *K, h uint64, v V) int {
	if s := t.slots[i]; s != 0 {
		t.entries[uint32(s)-1].v = v
		return int(uint32(s) - 1)
	}
	n := t.add(k, h, v)
	t.slots[i] = h<<32 | uint64(len(t.entries))
	if 4*len(t.entries) > 3*len(t.slots) {
		t.rehash()
	}
	return n
}

// set makes v the entry of k, whose hash is h.
func (t *hashTable[K, V]) set(k *K, h uint64, v V) {
	i := t.find(k, h)
	if s := t.slots[i]; s != 0 {
		t.entries[uint32(s)-1].v = v
		return
	}
	t.add(k, h, v)
	t.slots[i] = h<<32 | uint64(len(t.entries))
	if 4*len(t.entries) > 3*len(t.slots) {
		t.rehash()
	}
}

// add appends the entry of k and returns its index. The entry is
// appended empty and filled in place: one built on the stack and copied
// in is read back right after its small fields were stored, which the
// store buffer cannot forward.
func (t *hashTable[K, V]) add(k *K, h uint64, v V) int {
	t.entries = append(t.entries, tableEntry[K, V]{})
	n := len(t.entries) - 1
	e := &t.entries[n]
	e.k, e.v, e.hash = *k, v, h
	return n
}

// rehash doubles the slot table and reinserts every entry.
func (t *hashTable[K, V]) rehash() {
	t.slots = nil // size allocates: the old table may be full of live slots
	t.size(2 * len(t.entries) * 2)
	for n := range t.entries {
		e := &t.entries[n]
		t.slots[t.find(&e.k, e.hash)] = e.hash<<32 | uint64(n+1)
	}
}

// The hash methods mix every field of their key.

const hashMul = 0x9e3779b97f4a7c15

func mix(h, x uint64) uint64 { return (h ^ h>>29 ^ x) * hashMul }

func (k *key) hash() uint64 {
	h := (uint64(k.op) | uint64(k.ty)<<16 | uint64(k.code)<<24 | uint64(k.flags)<<32) * hashMul
	h = mix(h, uint64(k.imm))
	h = mix(h, uint64(uint32(k.args[0]))|uint64(uint32(k.args[1]))<<32)
	h = mix(h, uint64(uint32(k.args[2]))|uint64(uint32(k.entity))<<32)
	return h ^ h>>32
}

func (k *loadKey) hash() uint64 {
	h := (uint64(k.op) | uint64(k.ty)<<16 | uint64(k.flags)<<32) * hashMul
	h = mix(h, uint64(uint32(k.version))|uint64(uint32(k.addr))<<32)
	h = mix(h, uint64(uint32(k.offset)))
	return h ^ h>>32
}

func (k *checkKey) hash() uint64 {
	h := (uint64(k.op) | uint64(k.code)<<16 | uint64(uint32(k.cond))<<32) * hashMul
	h = mix(h, uint64(uint32(k.index))|uint64(uint32(k.bound))<<32)
	return h ^ h>>32
}

// consTable is the hash-consing table. It works as hashTable does, but an
// entry holds no copy of its key: it names the node the key was made from
// and compares against that node's opcode, immediates and arguments (the
// key is the node's, so nothing is lost). Entries are a quarter of
// hashTable's size for the e-graph's key, and most of building the graph
// is writing new nodes and their entries.
type consTable struct {
	slots   []uint64 // 0 empty; else uint32(hash)<<32 | entry index+1
	entries []consEntry
	shift   uint8
}

type consEntry struct {
	key Node // the pure node whose key this is
	v   scoped
}

// sameKey reports whether pure node nd was made with key k.
func sameKey(nd *node, k *key) bool { return nd.k == *k }

// reset empties t for a function expected to make about n entries (see
// hashTable.reset).
func (t *consTable) reset(n int) {
	t.entries = slices.Grow(t.entries[:0], n)
	want := 1 << bits.Len(uint(max(64, 2*n)-1))
	t.size(want)
}

func (t *consTable) size(want int) { t.slots, t.shift = emptySlots(t.slots, want) }

// find returns the slot of k (with hash h), or of the empty slot where k
// would go; nodes are the graph's.
func (t *consTable) find(k *key, h uint64, nodes []node) int {
	mask := len(t.slots) - 1
	tag := h << 32
	for i := int(h>>t.shift) & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 || s&^(1<<32-1) == tag && sameKey(&nodes[t.entries[uint32(s)-1].key], k) {
			return i
		}
	}
}

// at returns the entry in slot i (from find), if any.
func (t *consTable) at(i int) (scoped, bool) {
	s := t.slots[i]
	if s == 0 {
		return scoped{}, false
	}
	return t.entries[uint32(s)-1].v, true
}

// setAt makes v the entry of the key of node kn, whose hash is h and whose
// slot find returned (with no insertion since), and returns the entry's
// index, which stays valid until reset. nodes are the graph's, kn among
// them.
func (t *consTable) setAt(i int, kn Node, h uint64, v scoped, nodes []node) int {
	if s := t.slots[i]; s != 0 {
		t.entries[uint32(s)-1].v = v
		return int(uint32(s) - 1)
	}
	t.entries = append(t.entries, consEntry{key: kn, v: v})
	t.slots[i] = h<<32 | uint64(len(t.entries))
	n := len(t.entries) - 1
	if 4*len(t.entries) > 3*len(t.slots) {
		t.rehash(nodes)
	}
	return n
}

// rehash doubles the slot table and reinserts every entry, hashing the
// keys again from their nodes.
func (t *consTable) rehash(nodes []node) {
	t.slots = nil // size allocates: the old table may be full of live slots
	t.size(1 << bits.Len(uint(4*len(t.entries)-1)))
	for n := range t.entries {
		k := &nodes[t.entries[n].key].k
		h := k.hash()
		t.slots[t.find(k, h, nodes)] = h<<32 | uint64(n+1)
	}
}

// constTable maps the plain integer constants of a function (iconst
// without flags or entity), by type and value, to their nodes. A third of
// the e-graph's lookups are constants (the rules build many), and a
// constant's node never changes once made (no rule rewrites an iconst, and
// it is available from the entry block on, a scope that stays open), so
// these lookups skip the scoped table for a small dense one.
type constTable struct {
	slots []constSlot
	n     int
	shift uint8
}

type constSlot struct {
	imm  int64
	node Node // plus one: 0 is an empty slot
	ty   ir.Type
}

// isPlainConst reports the keys constTable holds.
func isPlainConst(k *key) bool {
	return k.op == ir.OpIconst && k.code == 0 && k.flags == 0 && k.entity == 0
}

// reset empties t for a function with about n constants.
func (t *constTable) reset(n int) {
	t.size(1 << bits.Len(uint(max(64, 2*n)-1)))
	t.n = 0
}

func (t *constTable) size(want int) { t.slots, t.shift = emptySlots(t.slots, want) }

// emptySlots returns want empty slots, reusing slots' storage when it is
// large enough, and the shift that maps a 64-bit hash to a slot index
// (want is a power of two).
func emptySlots[T any](slots []T, want int) ([]T, uint8) {
	if cap(slots) < want {
		slots = make([]T, want)
	} else {
		slots = slots[:want]
		clear(slots)
	}
	return slots, uint8(64 - bits.TrailingZeros(uint(want)))
}

// find returns the slot of the constant imm of type ty, or the empty slot
// where it would go.
func (t *constTable) find(ty ir.Type, imm int64) int {
	mask := len(t.slots) - 1
	for i := int((uint64(imm)^uint64(ty)<<56)*hashMul>>t.shift) & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.node == 0 || s.imm == imm && s.ty == ty {
			return i
		}
	}
}

// at returns the node in slot i (from find), NoNode if it is empty.
func (t *constTable) at(i int) Node { return t.slots[i].node - 1 }

// set records node n as the constant imm of type ty in the empty slot i
// find returned (with no insertion since).
func (t *constTable) set(i int, ty ir.Type, imm int64, n Node) {
	t.slots[i] = constSlot{imm: imm, node: n + 1, ty: ty}
	t.n++
	if 4*t.n > 3*len(t.slots) {
		old := t.slots
		t.slots = nil // size allocates: the old table is still read below
		t.size(2 * len(old))
		for _, s := range old {
			if s.node != 0 {
				t.slots[t.find(s.ty, s.imm)] = s
			}
		}
	}
}
