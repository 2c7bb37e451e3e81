package encoder

import "unsafe"

// Arena holds the bytes and records of many finished functions in a few
// large blocks. A compiler that keeps every function's Code until it lays
// them out in one image (kiln's optimizing tier links thousands) finishes
// each buffer into an arena with FinishInto: the function's Code then
// lives in the arena, and the buffer keeps its own storage for the next
// function instead of handing it over and growing a new one from nothing
// (strconv's code buffers regrew about five times per function, a tenth
// of the whole compile's allocation). The Code stays valid for as long as
// it is referenced; an Arena is not safe for concurrent use (one per
// worker).
type Arena struct {
	bytes   []byte
	relocs  []Reloc
	traps   []TrapRecord
	srcLocs []SrcLocRange
	data    []DataRange
}

// arenaBlock is the size in bytes of an arena block: large enough that
// a block holds many functions, small enough that the unused tail of the
// last one does not matter.
const arenaBlock = 256 << 10

// carve copies s into the current block of *block and returns the copy,
// starting a new block when the current one is full. A slice of more than
// a quarter block gets storage of its own, so the current block's free
// tail is not thrown away for it.
func carve[T any](block *[]T, s []T) []T {
	if len(s) == 0 {
		return nil
	}
	size := arenaBlock / int(unsafe.Sizeof(s[0]))
	if len(s) > size/4 {
		return append([]T(nil), s...)
	}
	if cap(*block)-len(*block) < len(s) {
		*block = make([]T, 0, size)
	}
	start := len(*block)
	*block = append(*block, s...)
	return (*block)[start:len(*block):len(*block)]
}

// FinishInto is Finish, but the Code's bytes and records are copies in a
// rather than the buffer's own storage, which a Reset then reuses.
func (b *Buffer) FinishInto(a *Arena) (*Code, error) {
	c, err := b.Finish()
	if err != nil {
		return nil, err
	}
	c.Bytes = carve(&a.bytes, c.Bytes)
	c.Relocs = carve(&a.relocs, c.Relocs)
	c.Traps = carve(&a.traps, c.Traps)
	c.SrcLocs = carve(&a.srcLocs, c.SrcLocs)
	c.Data = carve(&a.data, c.Data)
	b.finished = false // the storage is the buffer's again
	return c, nil
}
