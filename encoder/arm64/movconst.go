package arm64

// Materialising constants.
//
// A 64-bit value is built from 16-bit chunks by MOVZ (one chunk, the rest
// zero), MOVN (one chunk of the complement, the rest ones) and MOVK (replace
// one chunk), or by ORR with a logical immediate (a bitmask pattern, see
// EncodeBitmask). The shortest sequence is one of:
//
//   - 1 instruction: MOVZ, MOVN or ORR-immediate alone;
//   - MOVZ + one MOVK per further nonzero chunk;
//   - MOVN + one MOVK per further non-0xffff chunk;
//   - ORR-immediate of a bitmask that agrees with v in all but one or two
//     chunks, + one MOVK per differing chunk.
//
// AppendMovConst tries them all and keeps the shortest (ties go to the
// MOVZ/MOVN forms, which are simplest to read). The result is at most 4
// instructions.

// AppendMovConst appends to dst the shortest sequence that sets rd to v and
// returns the extended slice. For a W register only the low 32 bits of v
// are materialised (the upper 32 bits of the X register become zero). rd is
// a Reg, so register 31 is XZR: the ORR forms, whose destination field
// means SP, are not used for it.
func AppendMovConst(dst []Inst, rd Reg, v uint64) []Inst {
	size, chunks := 64, 4
	if !rd.Is64() {
		size, chunks = 32, 2
		v &= 0xffffffff
	}
	mask := uint64(1)<<size - 1
	if size == 64 {
		mask = ^uint64(0)
	}
	r := rd.val()
	chunk := func(x uint64, i int) uint64 { return x >> (16 * i) & 0xffff }
	movk := func(seq []Inst, i int) []Inst {
		return append(seq, MustEncode(pick(MOVKWi, MOVKXi, uint16(rd)), r, int64(chunk(v, i)), int64(16*i)))
	}

	// MOVZ or MOVN, then MOVK for every chunk that differs from the fill.
	var best []Inst
	for _, inverted := range []bool{false, true} {
		fill := uint64(0)
		if inverted {
			fill = 0xffff
		}
		first := -1
		var seq []Inst
		for i := 0; i < chunks; i++ {
			if chunk(v, i) == fill {
				continue
			}
			if first < 0 {
				first = i
				imm := chunk(v, i)
				op := pick(MOVZWi, MOVZXi, uint16(rd))
				if inverted {
					imm, op = imm^0xffff, pick(MOVNWi, MOVNXi, uint16(rd))
				}
				seq = append(seq, MustEncode(op, r, int64(imm), int64(16*i)))
				continue
			}
			seq = movk(seq, i)
		}
		if first < 0 { // every chunk equals the fill: 0 or all ones
			op := pick(MOVZWi, MOVZXi, uint16(rd))
			if inverted {
				op = pick(MOVNWi, MOVNXi, uint16(rd))
			}
			seq = []Inst{MustEncode(op, r, 0, 0)}
		}
		if best == nil || len(seq) < len(best) {
			best = seq
		}
	}
	if len(best) == 1 || rd.Num() == 31 {
		return append(dst, best...)
	}

	// ORR with a bitmask, patched by MOVKs. Candidate bitmasks replace up
	// to two chunks of v with a chunk taken from elsewhere in v or with 0
	// or 0xffff.
	orr := pick(MOVWbm, MOVXbm, uint16(rd))
	if IsBitmask(v, size) {
		return append(dst, MustEncode(orr, r, int64(v)))
	}
	if len(best) <= 2 { // ORR + MOVK cannot be shorter
		return append(dst, best...)
	}
	try := func(b uint64, differ []int) {
		if 1+len(differ) >= len(best) || !IsBitmask(b&mask, size) {
			return
		}
		seq := []Inst{MustEncode(orr, r, int64(b&mask))}
		for _, i := range differ {
			seq = movk(seq, i)
		}
		best = seq
	}
	fills := func() []uint64 {
		out := []uint64{0, 0xffff}
		for i := 0; i < chunks; i++ {
			out = append(out, chunk(v, i))
		}
		return out
	}()
	set := func(x uint64, i int, c uint64) uint64 { return x&^(0xffff<<(16*i)) | c<<(16*i) }
	for i := 0; i < chunks; i++ {
		for _, c := range fills {
			if c == chunk(v, i) {
				continue
			}
			b := set(v, i, c)
			try(b, []int{i})
			if len(best) <= 3 { // two MOVKs cannot beat three instructions
				continue
			}
			for j := i + 1; j < chunks; j++ {
				for _, c2 := range fills {
					if c2 != chunk(v, j) {
						try(set(b, j, c2), []int{i, j})
					}
				}
			}
		}
	}
	return append(dst, best...)
}

// MovConst returns the shortest sequence setting rd to v.
func MovConst(rd Reg, v uint64) []Inst { return AppendMovConst(nil, rd, v) }
