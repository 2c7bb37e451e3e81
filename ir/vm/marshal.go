package vm

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
)

// The .cwasm format (version 1):
//
//	magic    "KILNCWSM" (8 bytes)
//	version  uint32 little-endian
//	body     fields in the order of Artifact, integers as uvarints
//	         (Addend as a zig-zag varint), strings and byte arrays as a
//	         uvarint length then the bytes, lists as a uvarint count then
//	         the entries
//	crc      CRC-32C (Castagnoli) of everything before it, uint32 LE
//
// Unmarshal checks the magic, version and checksum before decoding, bounds
// every count by the bytes left before allocating, and then checks the
// artifact's invariants (Validate), so a damaged or hostile file gives an
// error, never a panic or a huge allocation.

const (
	cwasmMagic   = "KILNCWSM"
	cwasmVersion = 1
	maxNameLen   = 64
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Marshal encodes a into the .cwasm format.
func (a *Artifact) Marshal() []byte {
	b := make([]byte, 0, len(a.Code)+64+16*(len(a.Funcs)+len(a.Relocs)+len(a.SrcLocs)))
	b = append(b, cwasmMagic...)
	b = binary.LittleEndian.AppendUint32(b, cwasmVersion)
	str := func(s []byte) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	u := func(x uint64) { b = binary.AppendUvarint(b, x) }
	str([]byte(a.Arch))
	str([]byte(a.Tier))
	b = binary.LittleEndian.AppendUint64(b, a.Features)
	b = append(b, a.ModuleHash[:]...)
	u(uint64(a.Alignment))
	str(a.Code)
	u(uint64(len(a.Funcs)))
	for _, f := range a.Funcs {
		u(uint64(f.Offset))
		u(uint64(f.Size))
		u(uint64(f.ArrayEntry))
		u(uint64(f.FrameSize))
	}
	u(uint64(len(a.Imports)))
	for _, off := range a.Imports {
		u(uint64(off))
	}
	u(uint64(len(a.Relocs)))
	for _, r := range a.Relocs {
		u(uint64(r.Offset))
		b = append(b, byte(r.Kind), byte(r.Target.Kind))
		u(uint64(r.Target.Index))
		b = binary.AppendVarint(b, r.Addend)
	}
	u(uint64(len(a.Traps)))
	for _, t := range a.Traps {
		u(uint64(t.Offset))
		b = append(b, byte(t.Code))
	}
	u(uint64(len(a.SrcLocs)))
	for _, s := range a.SrcLocs {
		u(uint64(s.Start))
		u(uint64(s.End))
		u(uint64(s.Loc))
	}
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

// reader decodes the body; the first error sticks and every later read
// returns zero values.
type reader struct {
	b   []byte
	off int // offset in the whole file, for errors
	err error
}

func (r *reader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("cwasm: offset %d: %s", r.off, fmt.Sprintf(format, args...))
	}
}

func (r *reader) uvarint(max uint64, what string) uint64 {
	if r.err != nil {
		return 0
	}
	x, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail("malformed %s", what)
		return 0
	}
	if x > max {
		r.fail("%s %d out of range (max %d)", what, x, max)
		return 0
	}
	r.b, r.off = r.b[n:], r.off+n
	return x
}

func (r *reader) u32(what string) uint32 { return uint32(r.uvarint(1<<32-1, what)) }

func (r *reader) varint(what string) int64 {
	if r.err != nil {
		return 0
	}
	x, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail("malformed %s", what)
		return 0
	}
	r.b, r.off = r.b[n:], r.off+n
	return x
}

func (r *reader) bytes(n int, what string) []byte {
	if r.err != nil {
		return nil
	}
	if n > len(r.b) {
		r.fail("%s needs %d bytes, %d left", what, n, len(r.b))
		return nil
	}
	p := r.b[:n:n]
	r.b, r.off = r.b[n:], r.off+n
	return p
}

func (r *reader) byte1(what string) byte {
	p := r.bytes(1, what)
	if p == nil {
		return 0
	}
	return p[0]
}

// count reads a list length, rejecting one that could not fit in the bytes
// left given each entry's minimum encoded size.
func (r *reader) count(minEntry int, what string) int {
	n := r.uvarint(1<<31-1, what+" count")
	if r.err == nil && n > uint64(len(r.b)/minEntry) {
		r.fail("%d %s do not fit in the %d bytes left", n, what, len(r.b))
		return 0
	}
	return int(n)
}

// makeList returns a list of n entries, nil for none (so a decoded artifact
// compares equal to the one that was encoded).
func makeList[T any](n int) []T {
	if n == 0 {
		return nil
	}
	return make([]T, n)
}

// Unmarshal decodes a .cwasm file and validates the artifact. The result
// does not alias b.
func Unmarshal(b []byte) (*Artifact, error) {
	if len(b) < len(cwasmMagic)+4+4 || string(b[:len(cwasmMagic)]) != cwasmMagic {
		return nil, errors.New("cwasm: not a kiln compiled module (bad magic)")
	}
	if v := binary.LittleEndian.Uint32(b[8:]); v != cwasmVersion {
		return nil, fmt.Errorf("cwasm: offset 8: version %d, this kiln reads version %d", v, cwasmVersion)
	}
	body, sum := b[:len(b)-4], binary.LittleEndian.Uint32(b[len(b)-4:])
	if got := crc32.Checksum(body, castagnoli); got != sum {
		return nil, fmt.Errorf("cwasm: checksum mismatch (stored %08x, computed %08x): file damaged", sum, got)
	}
	r := &reader{b: body[12:], off: 12}
	a := &Artifact{}
	a.Arch = string(r.bytes(int(r.uvarint(maxNameLen, "arch length")), "arch"))
	a.Tier = string(r.bytes(int(r.uvarint(maxNameLen, "tier length")), "tier"))
	if p := r.bytes(8, "features"); p != nil {
		a.Features = binary.LittleEndian.Uint64(p)
	}
	copy(a.ModuleHash[:], r.bytes(32, "module hash"))
	a.Alignment = r.u32("alignment")
	code := r.bytes(int(r.uvarint(uint64(len(r.b)), "code length")), "code")
	if len(code) > 0 {
		a.Code = append([]byte(nil), code...)
	}
	a.Funcs = makeList[FuncInfo](r.count(4, "functions"))
	for i := range a.Funcs {
		a.Funcs[i] = FuncInfo{Offset: r.u32("function offset"), Size: r.u32("function size"),
			ArrayEntry: r.u32("array entry"), FrameSize: r.u32("frame size")}
	}
	a.Imports = makeList[uint32](r.count(1, "imports"))
	for i := range a.Imports {
		a.Imports[i] = r.u32("import trampoline offset")
	}
	a.Relocs = makeList[Reloc](r.count(5, "relocations"))
	for i := range a.Relocs {
		rel := &a.Relocs[i]
		rel.Offset = r.u32("relocation offset")
		rel.Kind = RelocKind(r.byte1("relocation kind"))
		rel.Target.Kind = SymbolKind(r.byte1("symbol kind"))
		rel.Target.Index = r.u32("symbol index")
		rel.Addend = r.varint("addend")
	}
	a.Traps = makeList[TrapRecord](r.count(2, "trap records"))
	for i := range a.Traps {
		a.Traps[i] = TrapRecord{Offset: r.u32("trap offset"), Code: TrapCode(r.byte1("trap code"))}
	}
	a.SrcLocs = makeList[SrcLoc](r.count(3, "source locations"))
	for i := range a.SrcLocs {
		a.SrcLocs[i] = SrcLoc{Start: r.u32("srcloc start"), End: r.u32("srcloc end"), Loc: r.u32("srcloc")}
	}
	if r.err == nil && len(r.b) != 0 {
		r.fail("%d trailing bytes", len(r.b))
	}
	if r.err != nil {
		return nil, r.err
	}
	if err := a.Validate(); err != nil {
		return nil, fmt.Errorf("cwasm: %w", err)
	}
	return a, nil
}

// relocFieldSize is the number of code bytes each relocation kind rewrites.
var relocFieldSize = [numRelocKinds]uint32{
	RelocAbs8:            8,
	RelocX86PCRel4:       4,
	RelocArm64Call26:     4,
	RelocRiscvCall:       8,
	RelocS390xPCRel32Dbl: 4,
}

// Validate checks the artifact's invariants: functions, trampolines and
// records inside Code, records sorted, kinds and codes known, alignment a
// power of two. The runtime calls it on every artifact before mapping it,
// whether it came from a compiler or a file.
func (a *Artifact) Validate() error {
	n := uint64(len(a.Code))
	if a.Alignment != 0 && (a.Alignment&(a.Alignment-1) != 0 || a.Alignment > 1<<16) {
		return fmt.Errorf("alignment %d is not a power of two up to 64 KiB", a.Alignment)
	}
	for i, f := range a.Funcs {
		if uint64(f.Offset)+uint64(f.Size) > n {
			return fmt.Errorf("function %d: [%d, +%d) outside %d bytes of code", i, f.Offset, f.Size, n)
		}
		if f.ArrayEntry != NoOffset && uint64(f.ArrayEntry) >= n {
			return fmt.Errorf("function %d: array entry %d outside the code", i, f.ArrayEntry)
		}
	}
	for i, off := range a.Imports {
		if off != NoOffset && uint64(off) >= n {
			return fmt.Errorf("import %d: trampoline %d outside the code", i, off)
		}
	}
	for i, r := range a.Relocs {
		if r.Kind == 0 || r.Kind >= numRelocKinds {
			return fmt.Errorf("relocation %d: unknown kind %d", i, r.Kind)
		}
		if r.Target.Kind == 0 || r.Target.Kind >= numSymbolKinds {
			return fmt.Errorf("relocation %d: unknown symbol kind %d", i, r.Target.Kind)
		}
		if uint64(r.Offset)+uint64(relocFieldSize[r.Kind]) > n {
			return fmt.Errorf("relocation %d at %d: field outside the code", i, r.Offset)
		}
		if i > 0 && a.Relocs[i-1].Offset > r.Offset {
			return fmt.Errorf("relocation %d at %d: not sorted by offset", i, r.Offset)
		}
	}
	for i, t := range a.Traps {
		if !t.Code.Valid() {
			return fmt.Errorf("trap record %d: unknown trap code %d", i, t.Code)
		}
		if uint64(t.Offset) >= n {
			return fmt.Errorf("trap record %d at %d: outside the code", i, t.Offset)
		}
		if i > 0 && a.Traps[i-1].Offset > t.Offset {
			return fmt.Errorf("trap record %d at %d: not sorted by offset", i, t.Offset)
		}
	}
	for i, s := range a.SrcLocs {
		if s.Start >= s.End || uint64(s.End) > n {
			return fmt.Errorf("source location %d: bad range [%d, %d)", i, s.Start, s.End)
		}
		if i > 0 && a.SrcLocs[i-1].End > s.Start {
			return fmt.Errorf("source location %d: overlaps or is not sorted", i)
		}
	}
	return nil
}
