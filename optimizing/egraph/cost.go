package egraph

import (
	"math"

	"kiln/ir"
)

// Cost is the estimated price of computing a value: the opcode's own
// price plus that of its arguments, scaled by loop depth. It saturates at
// Infinite instead of wrapping.
type Cost uint32

// Infinite is the cost of something that must never be chosen.
const Infinite Cost = math.MaxUint32

func (c Cost) add(d Cost) Cost {
	if s := uint64(c) + uint64(d); s < uint64(Infinite) {
		return Cost(s)
	}
	return Infinite
}

// loopScale multiplies an operation's price per level of loop nesting, so
// an instruction inside a loop counts as if it ran that many times.
const loopScale = 1024

// opCost is the price of one operation, in rough cycles: constants and
// extensions are nearly free (they fold into immediates or moves),
// ordinary ALU operations cost a few, multiplications more, divisions and
// square roots a lot. Anything not listed costs like an ALU operation.
func opCost(op ir.Opcode) Cost {
	switch op {
	case ir.OpIconst, ir.OpF16const, ir.OpF32const, ir.OpF64const, ir.OpF128const, ir.OpVconst:
		return 1
	case ir.OpUextend, ir.OpSextend, ir.OpIreduce, ir.OpBitcast:
		return 1
	case ir.OpImul, ir.OpUmulhi, ir.OpSmulhi, ir.OpFmul, ir.OpFma:
		return 8
	case ir.OpUdiv, ir.OpSdiv, ir.OpUrem, ir.OpSrem, ir.OpFdiv, ir.OpSqrt:
		return 30
	case ir.OpLoad, ir.OpUload8, ir.OpSload8, ir.OpUload16, ir.OpSload16, ir.OpUload32, ir.OpSload32:
		return 10
	}
	return 3
}

// extraction is the cheapest member of every class.
type extraction struct {
	best []Node // per node: the non-union member chosen for its class
	cost []Cost
}

// extract picks, in one forward sweep over node IDs (arguments come
// first), the cheapest member of each class; ties go to the newer node,
// which is usually the rewritten, simpler one.
func extract(g *Graph, sc *scratch) *extraction {
	n := len(g.nodes)
	ex := &extraction{best: resize(sc.best, n), cost: resize(sc.cost, n)}
	for i := range g.nodes {
		nd := &g.nodes[i]
		id := Node(i)
		switch nd.kind {
		case kindLeaf:
			ex.best[id], ex.cost[id] = id, 0
		case kindPure:
			c := opCost(nd.k.op)
			for d := nd.depth; d > 0; d-- {
				c = Cost(min(uint64(c)*loopScale, uint64(Infinite)))
			}
			for _, a := range nd.k.args[:nd.nargs] {
				c = c.add(ex.cost[a])
			}
			ex.best[id], ex.cost[id] = id, c
		case kindUnion:
			a, b := nd.k.args[0], nd.k.args[1]
			if ex.cost[b] <= ex.cost[a] {
				a = b
			}
			ex.best[id], ex.cost[id] = ex.best[a], ex.cost[a]
		}
	}
	return ex
}
