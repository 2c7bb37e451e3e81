package wasm

import "unicode/utf8"

// reader is a cursor over a byte slice that decodes the primitive encodings
// of the binary format. Offsets it reports are absolute: base is the module
// offset of buf[0]. All methods check the remaining length before reading, so
// hostile input produces an *Error, never a panic.
//
// Errors are returned as values; the decoder's section readers thread them
// up unchanged. end is the message used when the buffer runs out: inside a
// section or function body the spec calls that "unexpected end of section or
// function", at the top level plain "unexpected end".
//
// whole, when set, is the entire module binary, with buf == whole[base:
// base+len(buf)]. It is only consulted to classify an integer that runs off
// the end of buf: the reference decoder reads sections unbounded and so
// reports an overlong or oversized integer there rather than the end of
// the section, and the test suite expects that reason.
type reader struct {
	buf   []byte
	pos   int
	base  int
	end   string
	whole []byte
}

func newReader(buf []byte, base int) reader {
	return reader{buf: buf, base: base, end: msgUnexpectedEndSect}
}

// sub returns a reader over the next n bytes (which must exist) and
// advances past them.
func (r *reader) sub(n int) reader {
	s := reader{buf: r.buf[r.pos : r.pos+n : r.pos+n], base: r.offset(), end: msgUnexpectedEndSect, whole: r.whole}
	r.pos += n
	return s
}

// lebEOF is the error for a LEB128 number starting at module offset start
// that runs past the end of the buffer: "integer representation too long"
// or "integer too large" if the bytes beyond say so, else the end error.
func (r *reader) lebEOF(start int, bits uint, signed bool) error {
	maxBytes := int(bits+6) / 7
	if r.whole != nil && start >= 0 {
		for i := 0; i < maxBytes && start+i < len(r.whole); i++ {
			b := r.whole[start+i]
			if i == maxBytes-1 {
				if err := lebLast(b, bits, signed, start); err != nil {
					return err
				}
				break
			}
			if b&0x80 == 0 {
				break
			}
		}
	}
	return r.errEOF()
}

// lebLast checks the last permitted byte of a LEB128 number of the given
// width: it must not continue, and its bits beyond the width must be zero
// (unsigned) or copies of the sign bit (signed).
func lebLast(b byte, bits uint, signed bool, start int) error {
	if b&0x80 != 0 {
		return errorf(start, msgIntTooLong)
	}
	used := bits - 7*((bits+6)/7-1) // value bits in the last byte
	if !signed {
		if b>>used != 0 {
			return errorf(start, msgIntTooLarge)
		}
		return nil
	}
	mask := byte(0x7f) &^ (byte(1)<<(used-1) - 1)
	if s := b & mask; s != 0 && s != mask {
		return errorf(start, msgIntTooLarge)
	}
	return nil
}

func (r *reader) offset() int    { return r.base + r.pos }
func (r *reader) remaining() int { return len(r.buf) - r.pos }
func (r *reader) eof() bool      { return r.pos >= len(r.buf) }

func (r *reader) errEOF() *Error { return errorf(r.offset(), "%s", r.end) }

func (r *reader) byte() (byte, error) {
	if r.pos >= len(r.buf) {
		return 0, r.errEOF()
	}
	b := r.buf[r.pos]
	r.pos++
	return b, nil
}

func (r *reader) peek() (byte, error) {
	if r.pos >= len(r.buf) {
		return 0, r.errEOF()
	}
	return r.buf[r.pos], nil
}

func (r *reader) bytes(n int) ([]byte, error) {
	if n < 0 || n > len(r.buf)-r.pos {
		return nil, r.errEOF()
	}
	b := r.buf[r.pos : r.pos+n : r.pos+n]
	r.pos += n
	return b, nil
}

// u32 decodes an unsigned LEB128 number of at most 32 bits.
func (r *reader) u32() (uint32, error) {
	// Fast path: one byte.
	if r.pos < len(r.buf) && r.buf[r.pos] < 0x80 {
		v := r.buf[r.pos]
		r.pos++
		return uint32(v), nil
	}
	start := r.offset()
	var v uint32
	for shift := uint(0); ; shift += 7 {
		if r.pos >= len(r.buf) {
			return 0, r.lebEOF(start, 32, false)
		}
		b := r.buf[r.pos]
		r.pos++
		if shift == 28 {
			if err := lebLast(b, 32, false, start); err != nil {
				return 0, err
			}
		}
		v |= uint32(b&0x7f) << shift
		if b&0x80 == 0 {
			return v, nil
		}
	}
}

// u64 decodes an unsigned LEB128 number of at most 64 bits.
func (r *reader) u64() (uint64, error) {
	if r.pos < len(r.buf) && r.buf[r.pos] < 0x80 {
		v := r.buf[r.pos]
		r.pos++
		return uint64(v), nil
	}
	start := r.offset()
	var v uint64
	for shift := uint(0); ; shift += 7 {
		if r.pos >= len(r.buf) {
			return 0, r.lebEOF(start, 64, false)
		}
		b := r.buf[r.pos]
		r.pos++
		if shift == 63 {
			if err := lebLast(b, 64, false, start); err != nil {
				return 0, err
			}
		}
		v |= uint64(b&0x7f) << shift
		if b&0x80 == 0 {
			return v, nil
		}
	}
}

// s32 decodes a signed LEB128 number of at most 32 bits.
func (r *reader) s32() (int32, error) {
	if r.pos < len(r.buf) && r.buf[r.pos] < 0x80 {
		v := int32(int8(r.buf[r.pos]<<1)) >> 1
		r.pos++
		return v, nil
	}
	if v, ok := r.signed2(); ok {
		return int32(v), nil
	}
	v, err := r.signed(32)
	return int32(v), err
}

// s33 decodes the signed 33-bit numbers used by block types and heap types.
func (r *reader) s33() (int64, error) { return r.signed(33) }

// s64 decodes a signed LEB128 number of at most 64 bits.
func (r *reader) s64() (int64, error) {
	if r.pos < len(r.buf) && r.buf[r.pos] < 0x80 {
		v := int64(int8(r.buf[r.pos]<<1)) >> 1
		r.pos++
		return v, nil
	}
	if v, ok := r.signed2(); ok {
		return v, nil
	}
	return r.signed(64)
}

// signed2 decodes a two-byte signed LEB128 number, the next most common
// size of constants after one byte. Two bytes never reach the last byte
// of an s32 or s64, so there is no sign-extension rule to check.
func (r *reader) signed2() (int64, bool) {
	if r.pos+1 >= len(r.buf) {
		return 0, false
	}
	b0, b1 := r.buf[r.pos], r.buf[r.pos+1]
	if b0 < 0x80 || b1 >= 0x80 {
		return 0, false
	}
	r.pos += 2
	return int64(uint64(b0&0x7f)|uint64(b1)<<7) << 50 >> 50, true
}

// signed decodes a signed LEB128 number of at most bits bits. The last
// permitted byte must be a proper sign extension of the value: its unused
// bits all equal the sign bit.
func (r *reader) signed(bits uint) (int64, error) {
	start := r.offset()
	maxBytes := (bits + 6) / 7
	var v int64
	var shift uint
	for i := uint(0); ; i++ {
		if r.pos >= len(r.buf) {
			return 0, r.lebEOF(start, bits, true)
		}
		b := r.buf[r.pos]
		r.pos++
		if i == maxBytes-1 {
			if err := lebLast(b, bits, true, start); err != nil {
				return 0, err
			}
		}
		v |= int64(b&0x7f) << shift
		shift += 7
		if b&0x80 == 0 {
			if shift < 64 && b&0x40 != 0 {
				v |= -1 << shift
			}
			return v, nil
		}
	}
}

func (r *reader) f32bits() (uint32, error) {
	b, err := r.bytes(4)
	if err != nil {
		return 0, err
	}
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24, nil
}

func (r *reader) f64bits() (uint64, error) {
	b, err := r.bytes(8)
	if err != nil {
		return 0, err
	}
	lo := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24
	hi := uint64(b[4]) | uint64(b[5])<<8 | uint64(b[6])<<16 | uint64(b[7])<<24
	return lo | hi<<32, nil
}

// count reads a vector length and checks it against the bytes left, since
// every vector element occupies at least one byte. This bounds any
// allocation sized by the count.
func (r *reader) count() (int, error) {
	n, err := r.u32()
	if err != nil {
		return 0, err
	}
	if int64(n) > int64(r.remaining()) {
		return 0, r.errEOF()
	}
	return int(n), nil
}

// byteVec reads a length-prefixed byte string (a data segment's
// contents); a length past the end is an unexpected end.
func (r *reader) byteVec() ([]byte, error) {
	n, err := r.u32()
	if err != nil {
		return nil, err
	}
	return r.bytes(int(min(n, 1<<31-1)))
}

// name reads a length-prefixed UTF-8 string. A length that exceeds what is
// left is "length out of bounds", also when the length itself lies past
// the end of the section (the reference decoder reads it from the bytes
// that follow).
func (r *reader) name() (string, error) {
	start := r.offset()
	n, err := r.u32()
	if err != nil {
		if r.whole != nil && r.eof() && start < len(r.whole) {
			return "", errorf(start, msgLengthBounds)
		}
		return "", err
	}
	if int64(n) > int64(r.remaining()) {
		return "", errorf(r.offset(), msgLengthBounds)
	}
	b, _ := r.bytes(int(n))
	if err != nil {
		return "", err
	}
	if !utf8.Valid(b) {
		return "", errorf(start, msgUTF8)
	}
	return string(b), nil
}
