package egraph

import (
	"kiln/ir"
)

// Node names one e-node. Every Node is also an e-class: the class made of
// the node itself and, for a union node, of every node below it. Node IDs
// grow as nodes are created and a node's arguments always have smaller
// IDs, so one forward sweep sees every argument before its users.
type Node int32

// NoNode is the absent node.
const NoNode Node = -1

// nodeKind says what a node stands for.
type nodeKind uint8

const (
	// kindLeaf is a value the skeleton defines: a block parameter or a
	// result of a side-effecting instruction. It is used as it is.
	kindLeaf nodeKind = iota
	// kindPure is a pure instruction whose arguments are classes.
	kindPure
	// kindUnion joins the classes args[0] (the older) and args[1].
	kindUnion
)

// Limits that keep rewriting linear in the size of the function. They are
// named so tests and docs can refer to them.
const (
	// matchesLimit caps the results one simplify call may return.
	matchesLimit = 5
	// eclassLimit caps the members of a class; once reached, further
	// rewrites of that class are dropped.
	eclassLimit = 5
	// rewriteDepthLimit caps how deep a rule's right-hand side may
	// recursively trigger more rules (a rule builds a node, which is
	// simplified, which builds a node, ...).
	rewriteDepthLimit = 5
	// fuelPerInst is the rewrite budget per instruction of the input: the
	// total number of simplify calls is at most this times the number of
	// instructions (plus a small constant).
	fuelPerInst = 16
)

// node is one e-node.
type node struct {
	// k is a pure node's opcode, controlling type, immediates and argument
	// classes: its hash-consing key (the table compares against it). A
	// union's k.args are the two joined classes.
	k     key
	value ir.Value // leaf: the value; pure: the original result, NoValue if a rule made it
	orig  ir.Inst  // pure: the instruction it came from, NoInst if a rule made it
	avail ir.Block // the dominator-tree-deepest block its arguments are defined in
	kind  nodeKind
	nargs uint8
	depth uint8   // loop depth of the block it is available in, for cost scaling
	ty    ir.Type // result type
}

// key is the hash-consing identity of a pure node: two pure nodes with the
// same key compute the same value.
type key struct {
	op     ir.Opcode
	ty     ir.Type // controlling type
	code   uint8
	flags  ir.MemFlags
	entity int32
	args   [3]Node
	imm    int64 // last: 32 bytes without padding
}

// scoped is an entry of a scoped map: valid while the dominator-tree scope
// it was made in is open, i.e. depth <= current depth and the generation of
// that depth has not moved on.
type scoped struct {
	node  Node
	depth int32
	gen   uint32
}

// Rule is a generated rewrite function for one root opcode. It inspects
// node n (and the classes of its arguments) through the Graph's matching
// methods and reports each result with Emit or Subsume.
type Rule func(g *Graph, n Node)

// Rules maps each opcode to the rule functions rooted at it, in order.
type Rules [ir.NumOpcodes][]Rule

// frame is one simplify call in progress: its results are
// g.results[start:], and subsume is set when one of them subsumes.
type frame struct {
	start    int
	subsumed bool
	full     bool
}

// Graph is the e-graph of one function. It is built by Run; the exported
// methods below are the interface generated rules use.
type Graph struct {
	f     *ir.Function
	rules *Rules
	nodes []node
	// members holds each class's member list (see node.mstart): the lists
	// are written once, when a node is made, so rules iterate a plain
	// slice, and a union's list is its two classes' lists side by side.
	members []Node
	// ops is each node's Op and classes each class's member list and
	// opcode filter, apart from the nodes: matchers test the opcodes of
	// the members they try, and most tests fail, so they read a few bytes
	// instead of a node's cache line each.
	ops     []ir.Opcode
	classes []classInfo

	hashcons *consTable
	consts   *constTable
	gens     []uint32 // generation per dominator-tree depth
	curDepth int32
	domDepth []int32 // per block
	loopDep  []uint8 // per block, capped

	frames     []frame
	results    []Node
	resultSubs []bool
	rewriteLvl int
	fuel       int
	Stats      Stats
}

// Stats counts what the e-graph did; tests and KILN_DUMP print them.
type Stats struct {
	Nodes, Unions, Hits, Rewrites, Subsumes       int
	FuelOut, LimitHits, BadResults                int
	Hoisted, Remat, Placed, Reused                int
	BranchesFolded, TrapsRemoved, CondsSimplified int
	LoadsRemoved                                  int
}

// classInfo is what matching needs of a class: its members are
// Graph.members[start:start+count] (the node itself, or for a union its
// two classes' lists, newer first), and mask has bit opBit(op) set for
// the opcode of every member.
type classInfo struct {
	mask  uint64
	start int32
	count int32
}

// opBit is op's bit in a class's opcode mask. Opcodes that share a bit
// make the mask a filter that may say yes wrongly, never no.
func opBit(op ir.Opcode) uint64 { return 1 << (op & 63) }

func (g *Graph) newNode(n node) Node {
	id := Node(len(g.nodes))
	ci := classInfo{start: int32(len(g.members))}
	op := ir.OpInvalid
	switch n.kind {
	case kindUnion:
		g.members = append(g.members, g.Members(n.k.args[1])...)
		g.members = append(g.members, g.Members(n.k.args[0])...)
		ci.mask = g.classes[n.k.args[0]].mask | g.classes[n.k.args[1]].mask
	case kindPure:
		op = n.k.op
		ci.mask = opBit(op)
		g.members = append(g.members, id)
	default:
		g.members = append(g.members, id)
	}
	ci.count = int32(len(g.members)) - ci.start
	g.classes = append(g.classes, ci)
	g.ops = append(g.ops, op)
	g.nodes = append(g.nodes, n)
	g.Stats.Nodes++
	return id
}

// newPure is newNode for a pure node, written in place in the node list:
// building the 48-byte node on the stack and copying it in read it back
// right after its small fields were stored, which the store buffer cannot
// forward.
func (g *Graph) newPure(k *key, nargs int, ty ir.Type, value ir.Value, orig ir.Inst, avail ir.Block) Node {
	id := Node(len(g.nodes))
	g.nodes = append(g.nodes, node{})
	nd := &g.nodes[id]
	nd.k = *k
	nd.value, nd.orig, nd.avail = value, orig, avail
	nd.kind, nd.nargs, nd.depth, nd.ty = kindPure, uint8(nargs), g.loopDep[avail], ty
	g.classes = append(g.classes, classInfo{start: int32(len(g.members)), count: 1, mask: opBit(k.op)})
	g.members = append(g.members, id)
	g.ops = append(g.ops, k.op)
	g.Stats.Nodes++
	return id
}

// --- the matching interface used by generated rules ---

// Op returns the opcode of pure node n (OpInvalid for leaves and unions).
func (g *Graph) Op(n Node) ir.Opcode { return g.ops[n] }

// Type returns the controlling type of n (for a leaf or union: its type).
func (g *Graph) Type(n Node) ir.Type {
	if g.nodes[n].kind != kindPure {
		return g.nodes[n].ty
	}
	return g.nodes[n].k.ty
}

// ResultType returns the type of the value n computes.
func (g *Graph) ResultType(n Node) ir.Type { return g.nodes[n].ty }

// Imm returns the Imm64 of n, zero-extended from its type's width for
// iconst (so one constant has one spelling).
func (g *Graph) Imm(n Node) uint64 { return uint64(g.nodes[n].k.imm) }

// Code returns the condition code, trap code or lane of n.
func (g *Graph) Code(n Node) uint8 { return g.nodes[n].k.code }

// IntCC returns the condition of an icmp node.
func (g *Graph) IntCC(n Node) ir.IntCC { return ir.IntCC(g.nodes[n].k.code) }

// Flags returns the memory flags of n.
func (g *Graph) Flags(n Node) ir.MemFlags { return g.nodes[n].k.flags }

// LoopDepth returns the loop depth (capped at 2) of the block where n's
// value first becomes available: 0 for a node whose arguments are all
// defined outside loops. A rule whose right-hand side only pays off in a
// loop (it is loop invariant where the original is not) can test it and
// not build nodes, which every function pays for, where extraction would
// never pick them.
func (g *Graph) LoopDepth(n Node) int { return int(g.nodes[n].depth) }

// Arg returns the class of argument i of n.
func (g *Graph) Arg(n Node, i int) Node { return g.nodes[n].k.args[i] }

// NumArgs returns the number of arguments of n.
func (g *Graph) NumArgs(n Node) int { return int(g.nodes[n].nargs) }

// Members returns the non-union nodes of class c, newest first. A rule's
// argument pattern tries each of them, so `(iadd x (iconst k))` finds a
// constant among the alternatives of the second argument. The slice is
// the graph's: callers must not change it (it stays valid while rules add
// nodes, since a class never changes).
func (g *Graph) Members(c Node) []Node {
	ci := g.classes[c]
	return g.members[ci.start : ci.start+ci.count : ci.start+ci.count]
}

// Has reports whether class c may have a member with opcode op: false
// means it has none, so a matcher skips the class without trying its
// members.
func (g *Graph) Has(c Node, op ir.Opcode) bool { return g.classes[c].mask&opBit(op) != 0 }

// ConstOf reports the value of an iconst member of class c, if any.
func (g *Graph) ConstOf(c Node) (uint64, bool) {
	if !g.Has(c, ir.OpIconst) {
		return 0, false
	}
	for _, m := range g.Members(c) {
		if g.Op(m) == ir.OpIconst {
			return g.Imm(m), true
		}
	}
	return 0, false
}

func (g *Graph) memberCount(c Node) int { return int(g.classes[c].count) }

// Emit records r as a value equal to the node being simplified; rule names
// the rule's source line. It reports true when the match limit is reached
// and the rule should stop.
func (g *Graph) Emit(r Node, rule string) bool { return g.emit(r, false, rule) }

// Subsume records r as a replacement that is always at least as good: the
// node being simplified and its other results are dropped from the class.
func (g *Graph) Subsume(r Node, rule string) bool { return g.emit(r, true, rule) }

// TraceRule, when set, is called with the source line of every rule that
// produces a result (tests use it to find rules nothing exercises).
var TraceRule func(rule string)

func (g *Graph) emit(r Node, subsume bool, rule string) bool {
	fr := &g.frames[len(g.frames)-1]
	if fr.full {
		return true
	}
	if r == NoNode {
		return false
	}
	if TraceRule != nil {
		TraceRule(rule)
	}
	g.results = append(g.results, r)
	g.resultSubs = append(g.resultSubs, subsume)
	if subsume {
		fr.subsumed = true
	}
	g.Stats.Rewrites++
	if len(g.results)-fr.start >= matchesLimit {
		fr.full = true
		g.Stats.LimitHits++
		return true
	}
	return false
}

// Make builds (or finds) the pure node op<ctrl>[code][imm](args...) and
// returns its class. The new node is itself simplified, within the rewrite
// depth and fuel limits. Immediates of iconst are normalised to the type's
// width. A node that cannot be typed returns NoNode, which Emit ignores.
func (g *Graph) Make(op ir.Opcode, ctrl ir.Type, code uint8, imm int64, args ...Node) Node {
	for _, a := range args {
		if a == NoNode {
			return NoNode
		}
	}
	info := op.Info()
	if len(args) > 3 || (info.Format.FixedArgs() >= 0 && info.Format.FixedArgs() != len(args)) {
		g.Stats.BadResults++
		return NoNode
	}
	switch info.Ctrl {
	case ir.CtrlNone:
		ctrl = ir.Invalid
	case ir.CtrlOperand:
		if ctrl == ir.Invalid && int(info.CtrlArg) < len(args) {
			ctrl = g.nodes[args[info.CtrlArg]].ty
		}
	}
	if op == ir.OpIconst && !(ctrl.IsInt() && ctrl.IsScalar()) {
		g.Stats.BadResults++
		return NoNode
	}
	k := key{op: op, ty: ctrl, code: code, imm: imm, args: [3]Node{NoNode, NoNode, NoNode}}
	if op == ir.OpIconst {
		k.imm = int64(normalize(ctrl, uint64(imm)))
	}
	for i, a := range args {
		k.args[i] = a
	}
	return g.make(&k, len(args))
}

// make finds or builds the pure node of key k, which has nargs
// arguments. It looks the node up before typing it: most rule results
// exist already, and a node in the graph was typed when it was made (the
// type depends only on the opcode and controlling type, which are in the
// key).
func (g *Graph) make(k *key, nargs int) Node {
	n, h, slot := g.probe(k)
	if n != NoNode {
		g.Stats.Hits++
		return n
	}
	d := ir.InstData{Opcode: k.op, Type: k.ty, Code: k.code, Imm: k.imm}
	ts, err := g.f.ResultTypes(&d, k.ty)
	if err != nil || len(ts) != 1 {
		g.Stats.BadResults++
		return NoNode
	}
	return g.create(k, h, slot, nargs, ts[0], ir.NoInst, ir.NoValue)
}

// Iconst builds the constant v of integer type t (Make, without the
// checks an iconst needs none of).
func (g *Graph) Iconst(t ir.Type, v uint64) Node {
	if !(t.IsInt() && t.IsScalar()) {
		g.Stats.BadResults++
		return NoNode
	}
	k := key{op: ir.OpIconst, ty: t, imm: int64(normalize(t, v)), args: [3]Node{NoNode, NoNode, NoNode}}
	return g.make(&k, 0)
}

// normalize zero-extends an integer constant from t's width, so each
// constant has exactly one key. i128 constants keep their 64-bit
// immediate as written (sign-extended by the IR's definition).
func normalize(t ir.Type, v uint64) uint64 {
	if bits := t.Bits(); bits > 0 && bits < 64 {
		return v & (1<<bits - 1)
	}
	return v
}

// --- insertion ---

func (g *Graph) deeper(a, b ir.Block) ir.Block {
	if a == ir.NoBlock {
		return b
	}
	if b == ir.NoBlock || g.domDepth[a] >= g.domDepth[b] {
		return a
	}
	return b
}

// keyOf is the hash-consing key of the pure node d(args...).
func keyOf(d *ir.InstData, args []Node) key {
	k := key{op: d.Opcode, ty: d.Type, code: d.Code, flags: d.Flags, entity: d.Entity, imm: d.Imm,
		args: [3]Node{NoNode, NoNode, NoNode}}
	for i, a := range args[:min(len(args), 3)] {
		k.args[i] = a
	}
	return k
}

// probe looks k up in the open scopes (a plain constant in the constant
// table). It returns the node on a hit, and otherwise NoNode, k's hash and
// the slot where create records the new node, so a miss probes its table
// once.
func (g *Graph) probe(k *key) (Node, uint64, int) {
	if isPlainConst(k) {
		slot := g.consts.find(k.ty, k.imm)
		return g.consts.at(slot), 0, slot
	}
	h := k.hash()
	slot := g.hashcons.find(k, h, g.nodes)
	if e, ok := g.hashcons.at(slot); ok && e.depth <= g.curDepth && g.gens[e.depth] == e.gen {
		return e.node, h, slot
	}
	return NoNode, h, slot
}

// insertPure hash-conses a pure node and, if it is new, simplifies it and
// unions it with the results. It returns the node's class.
func (g *Graph) insertPure(d *ir.InstData, ty ir.Type, args []Node, orig ir.Inst, value ir.Value) Node {
	// Filled in place, not copied from keyOf's result: the copy read the
	// key back 16 bytes at a time right after its small fields were
	// stored, which the store buffer cannot forward (a stall per node).
	var k key
	k.op, k.ty, k.code, k.flags, k.entity, k.imm = d.Opcode, d.Type, d.Code, d.Flags, d.Entity, d.Imm
	k.args = [3]Node{NoNode, NoNode, NoNode}
	for i, a := range args[:min(len(args), 3)] {
		k.args[i] = a
	}
	n, h, slot := g.probe(&k)
	if n != NoNode {
		g.Stats.Hits++
		return n
	}
	return g.create(&k, h, slot, len(args), ty, orig, value)
}

// create makes the pure node of key k, which probe did not find and whose
// slot it returned, records it in the current scope and simplifies it.
func (g *Graph) create(k *key, h uint64, slot, nargs int, ty ir.Type, orig ir.Inst, value ir.Value) Node {
	args := k.args[:nargs]
	avail := g.entry()
	for _, a := range args {
		avail = g.deeper(avail, g.nodes[a].avail)
	}
	id := g.newPure(k, len(args), ty, value, orig, avail)
	entry := -1
	if isPlainConst(k) {
		g.consts.set(slot, k.ty, k.imm, id)
	} else {
		dd := g.domDepth[avail]
		entry = g.hashcons.setAt(slot, id, h, scoped{node: id, depth: dd, gen: g.gens[dd]}, g.nodes)
	}

	if g.rewriteLvl >= rewriteDepthLimit || g.fuel <= 0 {
		if g.fuel <= 0 {
			g.Stats.FuelOut++
		}
		return id
	}
	rs := g.rules[k.op]
	if len(rs) == 0 {
		return id
	}
	g.fuel--
	g.rewriteLvl++
	g.frames = append(g.frames, frame{start: len(g.results)})
	for _, r := range rs {
		r(g, id)
		if g.frames[len(g.frames)-1].full {
			break
		}
	}
	fr := g.frames[len(g.frames)-1]
	g.frames = g.frames[:len(g.frames)-1]
	g.rewriteLvl--

	class := id
	if fr.subsumed {
		class = NoNode
	}
	for i := fr.start; i < len(g.results); i++ {
		r := g.results[i]
		if fr.subsumed && !g.resultSubs[i] {
			continue
		}
		if r == id || r == class || g.nodes[r].ty != ty {
			if g.nodes[r].ty != ty {
				g.Stats.BadResults++
			}
			continue
		}
		if fr.subsumed {
			g.Stats.Subsumes++
		}
		if class == NoNode {
			class = r
			continue
		}
		if g.memberCount(class)+g.memberCount(r) > eclassLimit {
			g.Stats.LimitHits++
			continue
		}
		class = g.union(class, r)
	}
	if class == NoNode {
		class = id
	}
	g.results = g.results[:fr.start]
	g.resultSubs = g.resultSubs[:fr.start]
	if class != id {
		if entry >= 0 {
			// The same entry: the scope is still the one create recorded in.
			g.hashcons.entries[entry].v.node = class
		} else {
			// (No rule rewrites a constant today.) The table may have grown.
			g.consts.slots[g.consts.find(k.ty, k.imm)].node = class + 1
		}
	}
	return class
}

// union makes the class of a and b. The union node is newer than both.
func (g *Graph) union(a, b Node) Node {
	g.Stats.Unions++
	avail := g.deeper(g.nodes[a].avail, g.nodes[b].avail)
	return g.newNode(node{kind: kindUnion, nargs: 2, ty: g.nodes[a].ty, k: key{args: [3]Node{a, b, NoNode}},
		value: ir.NoValue, orig: ir.NoInst, avail: avail, depth: g.loopDep[avail]})
}

func (g *Graph) leaf(v ir.Value, b ir.Block) Node {
	return g.newNode(node{kind: kindLeaf, ty: g.f.DFG.ValueType(v), value: v, orig: ir.NoInst,
		avail: b, depth: g.loopDep[b], k: key{args: [3]Node{NoNode, NoNode, NoNode}}})
}

func (g *Graph) entry() ir.Block { return g.f.Layout.EntryBlock() }

// simplifyTrapping runs the rules of an instruction that may trap but has
// no other effect (udiv, sdiv, urem, srem, fcvt_to_*int, ...). Such an
// instruction stays in the skeleton, since it must trap where it is; a
// rule on it may only fire when the instruction provably cannot trap, and
// then its result is a pure class that replaces the instruction. The
// node built here is not hash-consed: two divisions are not merged.
func (g *Graph) simplifyTrapping(d ir.InstData, ty ir.Type, args []Node, at ir.Block) Node {
	rs := g.rules[d.Opcode]
	if len(rs) == 0 || g.fuel <= 0 {
		return NoNode
	}
	g.fuel--
	nd := node{kind: kindPure, nargs: uint8(len(args)), k: keyOf(&d, args), ty: ty, value: ir.NoValue, orig: ir.NoInst,
		avail: at, depth: g.loopDep[at]}
	id := g.newNode(nd)
	g.rewriteLvl++
	g.frames = append(g.frames, frame{start: len(g.results)})
	for _, r := range rs {
		r(g, id)
		if g.frames[len(g.frames)-1].full {
			break
		}
	}
	fr := g.frames[len(g.frames)-1]
	g.frames = g.frames[:len(g.frames)-1]
	g.rewriteLvl--
	out := NoNode
	for i := fr.start; i < len(g.results); i++ {
		if r := g.results[i]; g.nodes[r].ty == ty && r != id {
			out = r
			break
		}
	}
	g.results = g.results[:fr.start]
	g.resultSubs = g.resultSubs[:fr.start]
	return out
}
