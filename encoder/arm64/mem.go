package arm64

import "fmt"

// Memory operands and the load/store constructors.

// AddrMode says how a Mem operand forms its address.
type AddrMode uint8

const (
	// AddrOffset is [base, #offset]: the scaled unsigned 12-bit form when
	// the offset is a non-negative multiple of the access size, else the
	// unscaled signed 9-bit form (ldur/stur).
	AddrOffset AddrMode = iota
	// AddrPreIndex is [base, #offset]!: base += offset, then access.
	AddrPreIndex
	// AddrPostIndex is [base], #offset: access, then base += offset.
	AddrPostIndex
	// AddrIndex is [base, index{, extend {#amount}}].
	AddrIndex
)

// Mem is a memory operand. Build one with Off, PreIndex, PostIndex or
// Indexed.
type Mem struct {
	Base   RegSP
	Mode   AddrMode
	Offset int64
	Index  Reg
	Extend Extend // UXTW, UXTX (written LSL), SXTW or SXTX
	Scaled bool   // index shifted left by log2 of the access size
}

// Off is [base, #off].
func Off(base RegSP, off int64) Mem { return Mem{Base: base, Mode: AddrOffset, Offset: off} }

// PreIndex is [base, #off]!.
func PreIndex(base RegSP, off int64) Mem { return Mem{Base: base, Mode: AddrPreIndex, Offset: off} }

// PostIndex is [base], #off.
func PostIndex(base RegSP, off int64) Mem { return Mem{Base: base, Mode: AddrPostIndex, Offset: off} }

// Indexed is [base, index, ext {#log2(size)}]. Use UXTX (printed lsl) for a
// 64-bit index, UXTW/SXTW for a 32-bit one.
func Indexed(base RegSP, index Reg, ext Extend, scaled bool) Mem {
	return Mem{Base: base, Mode: AddrIndex, Index: index, Extend: ext, Scaled: scaled}
}

func (m Mem) String() string {
	switch m.Mode {
	case AddrPreIndex:
		return fmt.Sprintf("[%v, #%d]!", m.Base, m.Offset)
	case AddrPostIndex:
		return fmt.Sprintf("[%v], #%d", m.Base, m.Offset)
	case AddrIndex:
		return fmt.Sprintf("[%v, %v, %v scaled=%v]", m.Base, m.Index, m.Extend, m.Scaled)
	}
	return fmt.Sprintf("[%v, #%d]", m.Base, m.Offset)
}

// memForms are the five addressing-mode rows of one load or store.
type memForms struct {
	ui, ur, pre, post, ro Op
	scale                 uint8 // log2 of the access size
}

func (f memForms) encode(rt int64, m Mem) (Inst, error) {
	base := int64(m.Base)
	switch m.Mode {
	case AddrOffset:
		s := int64(1) << f.scale
		if m.Offset >= 0 && m.Offset%s == 0 && m.Offset/s <= 4095 {
			return Encode(f.ui, rt, base, m.Offset)
		}
		if m.Offset >= -256 && m.Offset <= 255 {
			return Encode(f.ur, rt, base, m.Offset)
		}
		return 0, &EncodeError{f.ui, fmt.Sprintf("offset %d is neither a multiple of %d in [0, %d] nor in [-256, 255]; materialise it in a register", m.Offset, s, 4095*s)}
	case AddrPreIndex:
		return Encode(f.pre, rt, base, m.Offset)
	case AddrPostIndex:
		return Encode(f.post, rt, base, m.Offset)
	case AddrIndex:
		ext := int64(m.Extend) << 8
		if m.Scaled {
			if f.scale == 0 {
				ext |= 0x10000 // byte access: S=1 means an explicit #0
			} else {
				ext |= int64(f.scale)
			}
		}
		return Encode(f.ro, rt, base, int64(m.Index), ext)
	}
	return 0, &EncodeError{f.ui, "bad addressing mode"}
}

func forms(ui Op, scale uint8) memForms {
	// The table lists each access's rows in the order ui, ur, pre, post, ro.
	return memForms{ui, ui + 1, ui + 2, ui + 3, ui + 4, scale}
}

var (
	strbForms   = forms(STRBBui, 0)
	ldrbForms   = forms(LDRBBui, 0)
	ldrsbXForms = forms(LDRSBXui, 0)
	ldrsbWForms = forms(LDRSBWui, 0)
	strhForms   = forms(STRHHui, 1)
	ldrhForms   = forms(LDRHHui, 1)
	ldrshXForms = forms(LDRSHXui, 1)
	ldrshWForms = forms(LDRSHWui, 1)
	strWForms   = forms(STRWui, 2)
	ldrWForms   = forms(LDRWui, 2)
	ldrswForms  = forms(LDRSWui, 2)
	strXForms   = forms(STRXui, 3)
	ldrXForms   = forms(LDRXui, 3)
	fpLdr       = map[uint16]memForms{clsB: forms(LDRBui, 0), clsH: forms(LDRHui, 1), clsS: forms(LDRSui, 2), clsD: forms(LDRDui, 3), clsQ: forms(LDRQui, 4)}
	fpStr       = map[uint16]memForms{clsB: forms(STRBui, 0), clsH: forms(STRHui, 1), clsS: forms(STRSui, 2), clsD: forms(STRDui, 3), clsQ: forms(STRQui, 4)}
)

func pickMem(w, x memForms, r Reg) memForms {
	if r.Is64() {
		return x
	}
	return w
}

// Ldr is ldr rt, m (W or X).
func Ldr(rt Reg, m Mem) (Inst, error) { return pickMem(ldrWForms, ldrXForms, rt).encode(rt.val(), m) }

// Str is str rt, m (W or X).
func Str(rt Reg, m Mem) (Inst, error) { return pickMem(strWForms, strXForms, rt).encode(rt.val(), m) }

// Ldrb is ldrb wt, m (zero-extending byte load).
func Ldrb(rt Reg, m Mem) (Inst, error) { return ldrbForms.encode(rt.val(), m) }

// Ldrh is ldrh wt, m.
func Ldrh(rt Reg, m Mem) (Inst, error) { return ldrhForms.encode(rt.val(), m) }

// Strb is strb wt, m.
func Strb(rt Reg, m Mem) (Inst, error) { return strbForms.encode(rt.val(), m) }

// Strh is strh wt, m.
func Strh(rt Reg, m Mem) (Inst, error) { return strhForms.encode(rt.val(), m) }

// Ldrsb is ldrsb rt, m (sign-extending to W or X).
func Ldrsb(rt Reg, m Mem) (Inst, error) {
	return pickMem(ldrsbWForms, ldrsbXForms, rt).encode(rt.val(), m)
}

// Ldrsh is ldrsh rt, m.
func Ldrsh(rt Reg, m Mem) (Inst, error) {
	return pickMem(ldrshWForms, ldrshXForms, rt).encode(rt.val(), m)
}

// Ldrsw is ldrsw xt, m.
func Ldrsw(rt Reg, m Mem) (Inst, error) { return ldrswForms.encode(rt.val(), m) }

// LdrF is ldr bt/ht/st/dt/qt, m.
func LdrF(rt FReg, m Mem) (Inst, error) {
	f, ok := fpLdr[uint16(rt>>8)]
	if !ok {
		return 0, &EncodeError{LDRSui, "want a B, H, S, D or Q register, have " + valName(int64(rt))}
	}
	return f.encode(rt.val(), m)
}

// StrF is str bt/ht/st/dt/qt, m.
func StrF(rt FReg, m Mem) (Inst, error) {
	f, ok := fpStr[uint16(rt>>8)]
	if !ok {
		return 0, &EncodeError{STRSui, "want a B, H, S, D or Q register, have " + valName(int64(rt))}
	}
	return f.encode(rt.val(), m)
}

// LdrLitDisp is ldr rt, <literal at disp bytes> (rt W or X).
func LdrLitDisp(rt Reg, disp int64) (Inst, error) {
	return Encode(pick(LDRWl, LDRXl, uint16(rt)), rt.val(), disp)
}

// LdrLitFDisp is ldr st/dt/qt, <literal>.
func LdrLitFDisp(rt FReg, disp int64) (Inst, error) {
	ops := map[uint16]Op{clsS: LDRSl, clsD: LDRDl, clsQ: LDRQl}
	op, ok := ops[uint16(rt>>8)]
	if !ok {
		return 0, &EncodeError{LDRSl, "literal loads take S, D or Q registers, have " + valName(int64(rt))}
	}
	return Encode(op, rt.val(), disp)
}

// pairForms are the three addressing-mode rows of one load/store pair.
type pairForms struct{ i, pre, post Op }

func pairs(i Op) pairForms { return pairForms{i, i + 1, i + 2} }

func (f pairForms) encode(rt, rt2 int64, m Mem) (Inst, error) {
	op := f.i
	switch m.Mode {
	case AddrPreIndex:
		op = f.pre
	case AddrPostIndex:
		op = f.post
	case AddrIndex:
		return 0, &EncodeError{f.i, "load/store pair has no register-offset form"}
	}
	return Encode(op, rt, rt2, int64(m.Base), m.Offset)
}

// Ldp is ldp rt, rt2, m (W or X; offset a multiple of the size in [-64, 63] units).
func Ldp(rt, rt2 Reg, m Mem) (Inst, error) {
	f := pairs(LDPWi)
	if rt.Is64() {
		f = pairs(LDPXi)
	}
	return f.encode(rt.val(), rt2.val(), m)
}

// Stp is stp rt, rt2, m.
func Stp(rt, rt2 Reg, m Mem) (Inst, error) {
	f := pairs(STPWi)
	if rt.Is64() {
		f = pairs(STPXi)
	}
	return f.encode(rt.val(), rt2.val(), m)
}

// Ldpsw is ldpsw xt, xt2, m.
func Ldpsw(rt, rt2 Reg, m Mem) (Inst, error) { return pairs(LDPSWi).encode(rt.val(), rt2.val(), m) }

var fpPairs = map[uint16][2]Op{clsS: {LDPSi, STPSi}, clsD: {LDPDi, STPDi}, clsQ: {LDPQi, STPQi}}

// LdpF is ldp st/dt/qt, rt2, m.
func LdpF(rt, rt2 FReg, m Mem) (Inst, error) {
	ops, ok := fpPairs[uint16(rt>>8)]
	if !ok {
		return 0, &EncodeError{LDPSi, "pairs take S, D or Q registers, have " + valName(int64(rt))}
	}
	return pairs(ops[0]).encode(rt.val(), rt2.val(), m)
}

// StpF is stp st/dt/qt, rt2, m.
func StpF(rt, rt2 FReg, m Mem) (Inst, error) {
	ops, ok := fpPairs[uint16(rt>>8)]
	if !ok {
		return 0, &EncodeError{STPSi, "pairs take S, D or Q registers, have " + valName(int64(rt))}
	}
	return pairs(ops[1]).encode(rt.val(), rt2.val(), m)
}

// ---- Exclusive, ordered and atomic accesses ----

// Width is the size of an exclusive, ordered or atomic access. Word and
// Dword accesses use W and X data registers; Byte and Half use W.
type Width uint8

const (
	Byte Width = iota
	Half
	Word
	Dword
)

// Order is the memory ordering of an atomic operation.
type Order uint8

const (
	Relaxed Order = iota
	Acquire       // the A variants (ldadda, casa, ...)
	Release       // the L variants
	AcqRel        // the AL variants
)

// AtomicOp is a FEAT_LSE read-modify-write operation.
type AtomicOp uint8

const (
	AtomicAdd  AtomicOp = iota // ldadd
	AtomicClr                  // ldclr: and with the complement
	AtomicEor                  // ldeor
	AtomicSet                  // ldset: or
	AtomicSmax                 // ldsmax
	AtomicSmin                 // ldsmin
	AtomicUmax                 // ldumax
	AtomicUmin                 // ldumin
	AtomicSwp                  // swp
)

var atomicBase = [...]Op{LDADDB, LDCLRB, LDEORB, LDSETB, LDSMAXB, LDSMINB, LDUMAXB, LDUMINB, SWPB}

func widthOK(w Width) error {
	if w > Dword {
		return fmt.Errorf("bad access width %d", w)
	}
	return nil
}

// sized returns the row for width w of a group laid out B, H, W, X.
func sized(base Op, w Width) Op { return base + Op(w) }

// Atomic is ld<op>{a,l,al}{b,h} rs, rt, [rn] (swp likewise): atomically
// rt = [rn]; [rn] = [rn] <op> rs. Requires FEAT_LSE (ARMv8.1).
func Atomic(op AtomicOp, w Width, o Order, rs, rt Reg, rn RegSP) (Inst, error) {
	if int(op) >= len(atomicBase) || o > AcqRel || widthOK(w) != nil {
		return 0, &EncodeError{LDADDB, fmt.Sprintf("bad atomic op %d / order %d / width %d", op, o, w)}
	}
	return Encode(sized(atomicBase[op]+Op(4*o), w), rs.val(), rt.val(), rn.val())
}

// Cas is cas{a,l,al}{b,h} rs, rt, [rn]: compare [rn] with rs, store rt if
// equal; rs receives the old value. Requires FEAT_LSE.
func Cas(w Width, o Order, rs, rt Reg, rn RegSP) (Inst, error) {
	if o > AcqRel || widthOK(w) != nil {
		return 0, &EncodeError{CASB, fmt.Sprintf("bad order %d / width %d", o, w)}
	}
	return Encode(sized(CASB+Op(4*o), w), rs.val(), rt.val(), rn.val())
}

// LoadExclusive is ld{a}xr{b,h} rt, [rn].
func LoadExclusive(w Width, acquire bool, rt Reg, rn RegSP) (Inst, error) {
	if err := widthOK(w); err != nil {
		return 0, &EncodeError{LDXRB, err.Error()}
	}
	base := LDXRB
	if acquire {
		base = LDAXRB
	}
	return Encode(sized(base, w), rt.val(), rn.val())
}

// StoreExclusive is st{l}xr{b,h} ws, rt, [rn]; ws receives 0 on success.
func StoreExclusive(w Width, release bool, rs, rt Reg, rn RegSP) (Inst, error) {
	if err := widthOK(w); err != nil {
		return 0, &EncodeError{STXRB, err.Error()}
	}
	base := STXRB
	if release {
		base = STLXRB
	}
	return Encode(sized(base, w), rs.val(), rt.val(), rn.val())
}

// LoadAcquire is ldar{b,h} rt, [rn].
func LoadAcquire(w Width, rt Reg, rn RegSP) (Inst, error) {
	if err := widthOK(w); err != nil {
		return 0, &EncodeError{LDARB, err.Error()}
	}
	return Encode(sized(LDARB, w), rt.val(), rn.val())
}

// StoreRelease is stlr{b,h} rt, [rn].
func StoreRelease(w Width, rt Reg, rn RegSP) (Inst, error) {
	if err := widthOK(w); err != nil {
		return 0, &EncodeError{STLRB, err.Error()}
	}
	return Encode(sized(STLRB, w), rt.val(), rn.val())
}
