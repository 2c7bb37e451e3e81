package regalloc

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"testing"
)

// A corpus is a file of real allocator inputs: functions as a backend
// handed them to Allocate, with their MachineEnv. The generated functions
// of BenchmarkAllocate stress the allocator but are not shaped like
// compiled code (real code has far more blocks per instruction, long
// pass-through live ranges and few fixed operands), so allocator speed and
// quality are also measured on a corpus. A corpus is written by a build of
// this package whose Allocate calls writeCorpusFunc on every input (kept
// out of the package: production builds must not pay for a hook), and
// read here when KILN_REGALLOC_CORPUS names it:
//
//	KILN_REGALLOC_CORPUS=/tmp/strconv.corpus go test -run Corpus -bench Corpus
//
// The format is a magic line, then per function uvarints: the env's nine
// bit words, counts, then blocks (range, params, succs, preds), then
// instructions (flags, operands, clobbers), then each block's branch
// arguments per successor.
const corpusMagic = "kiln regalloc corpus 1\n"

func writeCorpusFunc(w io.Writer, f Function, env *MachineEnv) error {
	var buf []byte
	u := func(x uint64) { buf = binary.AppendUvarint(buf, x) }
	set := func(s RegSet) {
		u(s.i)
		u(s.f)
		u(s.v)
	}
	set(env.Preferred)
	set(env.NonPreferred)
	set(env.Scratch)
	nb, ni := f.NumBlocks(), f.NumInsts()
	u(uint64(ni))
	u(uint64(nb))
	u(uint64(f.NumVRegs()))
	u(uint64(f.Entry()))
	for b := Block(0); int(b) < nb; b++ {
		r := f.BlockInsts(b)
		u(uint64(r.First))
		u(uint64(r.End))
		u(uint64(len(f.BlockParams(b))))
		for _, v := range f.BlockParams(b) {
			u(uint64(v))
		}
		for _, l := range [][]Block{f.Succs(b), f.Preds(b)} {
			u(uint64(len(l)))
			for _, x := range l {
				u(uint64(x))
			}
		}
	}
	for i := Inst(0); int(i) < ni; i++ {
		var flags uint64
		if f.IsBranch(i) {
			flags |= 1
		}
		if f.IsRet(i) {
			flags |= 2
		}
		if f.IsMove(i) {
			flags |= 4
		}
		u(flags)
		ops := f.Operands(i)
		u(uint64(len(ops)))
		for _, o := range ops {
			u(uint64(o))
		}
		set(f.Clobbers(i))
	}
	for b := Block(0); int(b) < nb; b++ {
		last := f.BlockInsts(b).End - 1
		for k := range f.Succs(b) {
			args := f.BranchArgs(b, last, k)
			u(uint64(len(args)))
			for _, v := range args {
				u(uint64(v))
			}
		}
	}
	_, err := w.Write(buf)
	return err
}

type corpusFunc struct {
	f    *testFunc
	flat *flatFunc
	env  *MachineEnv
}

// flatFunc stores a function the way a backend does (the optimizing tier's
// VCode): per-instruction tables rather than a struct per instruction, so
// that the benchmark's interface calls cost what they cost in production.
type flatFunc struct {
	blocks       []InstRange
	succs, preds [][]Block
	params       [][]VReg
	args         [][][]VReg // per block, per successor
	kinds        []uint8    // 1 branch, 2 ret, 4 move
	opStart      []uint32
	ops          []Operand
	clob         []RegSet
	nvregs       int
}

func flatten(f *testFunc) *flatFunc {
	ff := &flatFunc{nvregs: f.nvregs, opStart: []uint32{0}}
	for _, b := range f.blocks {
		ff.blocks = append(ff.blocks, InstRange{b.first, b.end})
		ff.succs = append(ff.succs, b.succs)
		ff.preds = append(ff.preds, b.preds)
		ff.params = append(ff.params, b.params)
		ff.args = append(ff.args, f.insts[b.end-1].args)
	}
	for _, in := range f.insts {
		var k uint8
		if in.branch {
			k |= 1
		}
		if in.ret {
			k |= 2
		}
		if in.move {
			k |= 4
		}
		ff.kinds = append(ff.kinds, k)
		ff.ops = append(ff.ops, in.ops...)
		ff.opStart = append(ff.opStart, uint32(len(ff.ops)))
		ff.clob = append(ff.clob, in.clob)
	}
	return ff
}

func (f *flatFunc) NumInsts() int                { return len(f.kinds) }
func (f *flatFunc) NumBlocks() int               { return len(f.blocks) }
func (f *flatFunc) NumVRegs() int                { return f.nvregs }
func (f *flatFunc) Entry() Block                 { return 0 }
func (f *flatFunc) BlockInsts(b Block) InstRange { return f.blocks[b] }
func (f *flatFunc) Succs(b Block) []Block        { return f.succs[b] }
func (f *flatFunc) Preds(b Block) []Block        { return f.preds[b] }
func (f *flatFunc) BlockParams(b Block) []VReg   { return f.params[b] }
func (f *flatFunc) IsBranch(i Inst) bool         { return f.kinds[i]&1 != 0 }
func (f *flatFunc) IsRet(i Inst) bool            { return f.kinds[i]&2 != 0 }
func (f *flatFunc) IsMove(i Inst) bool           { return f.kinds[i]&4 != 0 }
func (f *flatFunc) Operands(i Inst) []Operand    { return f.ops[f.opStart[i]:f.opStart[i+1]] }
func (f *flatFunc) Clobbers(i Inst) RegSet       { return f.clob[i] }
func (f *flatFunc) BranchArgs(b Block, _ Inst, k int) []VReg {
	return f.args[b][k]
}

func readCorpus(path string) ([]corpusFunc, error) {
	fd, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fd.Close()
	r := bufio.NewReader(fd)
	magic := make([]byte, len(corpusMagic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != corpusMagic {
		return nil, fmt.Errorf("%s: not a corpus", path)
	}
	var rerr error
	u := func() uint64 {
		x, err := binary.ReadUvarint(r)
		if err != nil && rerr == nil {
			rerr = err
		}
		return x
	}
	set := func() RegSet {
		var s RegSet
		s.i, s.f, s.v = u(), u(), u()
		return s
	}
	var out []corpusFunc
	for {
		if _, err := r.Peek(1); errors.Is(err, io.EOF) {
			break
		}
		env := &MachineEnv{Preferred: set(), NonPreferred: set(), Scratch: set()}
		f := &testFunc{}
		ni, nb := int(u()), int(u())
		f.nvregs = int(u())
		if entry := u(); entry != 0 {
			return nil, fmt.Errorf("%s: entry block %d (only 0 supported)", path, entry)
		}
		if rerr != nil {
			return nil, rerr
		}
		f.blocks = make([]testBlock, nb)
		f.insts = make([]testInst, ni)
		for b := range f.blocks {
			blk := &f.blocks[b]
			blk.first, blk.end = Inst(u()), Inst(u())
			blk.params = make([]VReg, u())
			for k := range blk.params {
				blk.params[k] = VReg(u())
			}
			blk.succs = make([]Block, u())
			for k := range blk.succs {
				blk.succs[k] = Block(u())
			}
			blk.preds = make([]Block, u())
			for k := range blk.preds {
				blk.preds[k] = Block(u())
			}
			if rerr != nil {
				return nil, rerr
			}
		}
		for i := range f.insts {
			in := &f.insts[i]
			flags := u()
			in.branch, in.ret, in.move = flags&1 != 0, flags&2 != 0, flags&4 != 0
			in.ops = make([]Operand, u())
			for k := range in.ops {
				in.ops[k] = Operand(u())
			}
			in.clob = set()
			if rerr != nil {
				return nil, rerr
			}
		}
		for b := range f.blocks {
			blk := &f.blocks[b]
			if blk.end <= blk.first || int(blk.end) > ni {
				return nil, fmt.Errorf("%s: bad block range", path)
			}
			in := &f.insts[blk.end-1]
			in.args = make([][]VReg, len(blk.succs))
			for k := range in.args {
				in.args[k] = make([]VReg, u())
				for j := range in.args[k] {
					in.args[k][j] = VReg(u())
				}
			}
		}
		if rerr != nil {
			return nil, rerr
		}
		f.compact()
		out = append(out, corpusFunc{f, flatten(f), env})
	}
	return out, nil
}

func loadCorpus(tb testing.TB) []corpusFunc {
	path := os.Getenv("KILN_REGALLOC_CORPUS")
	if path == "" {
		tb.Skip("KILN_REGALLOC_CORPUS not set")
	}
	fs, err := readCorpus(path)
	if err != nil {
		tb.Fatal(err)
	}
	return fs
}

// TestCorpus allocates every corpus function with both algorithms and
// checks each result, and reports the edits inserted in total.
func TestCorpus(t *testing.T) {
	fs := loadCorpus(t)
	for _, algo := range []Algorithm{Fast, Quality} {
		var st Stats
		var lw, lwMem float64
		insts, slots, written := 0, 0, 0
		for k, cf := range fs {
			out, err := Allocate(cf.f, cf.env, Options{Algorithm: algo, Verify: true})
			if err != nil {
				t.Fatalf("%s: function %d: %v", algo, k, err)
			}
			st.Moves += out.Stats.Moves
			st.Spills += out.Stats.Spills
			st.Reloads += out.Stats.Reloads
			a, m := loopWeightedEdits(cf.f, out)
			lw, lwMem = lw+a, lwMem+m
			insts += cf.f.NumInsts()
			slots += out.NumSpillSlots()
			written += out.WrittenRegs.Len() + out.CalleeSavedUsed.Len()
		}
		t.Logf("%s: %d functions, %d insts: %+v, %d spill slots, %d written and callee-saved registers, loop-weighted edits %.0f, spills+reloads %.0f", algo, len(fs), insts, st, slots, written, lw, lwMem)
	}
}

// BenchmarkCorpus allocates the whole corpus once per iteration.
func BenchmarkCorpus(b *testing.B) {
	fs := loadCorpus(b)
	insts := 0
	for _, cf := range fs {
		insts += cf.f.NumInsts()
	}
	for _, algo := range []Algorithm{Fast, Quality} {
		b.Run(algo.String(), func(b *testing.B) {
			b.ReportAllocs()
			cpu0 := cpuNanos()
			for b.Loop() {
				for _, cf := range fs {
					if _, err := Allocate(cf.flat, cf.env, Options{Algorithm: algo}); err != nil {
						b.Fatal(err)
					}
				}
			}
			cpu := cpuNanos() - cpu0
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(insts), "ns/inst")
			if cpu > 0 {
				b.ReportMetric(float64(cpu)/float64(b.N)/float64(insts), "cpu-ns/inst")
			}
		})
	}
}
