package wasm

import (
	"strings"
	"testing"
)

func TestLEB128(t *testing.T) {
	type kind int
	const (
		u32 kind = iota
		u64
		s32
		s33
		s64
	)
	tests := []struct {
		name string
		kind kind
		in   []byte
		want int64
		err  string
	}{
		{"u32 zero", u32, []byte{0}, 0, ""},
		{"u32 127", u32, []byte{0x7f}, 127, ""},
		{"u32 128", u32, []byte{0x80, 0x01}, 128, ""},
		{"u32 padded zero", u32, []byte{0x80, 0x80, 0x80, 0x80, 0x00}, 0, ""},
		{"u32 max", u32, []byte{0xff, 0xff, 0xff, 0xff, 0x0f}, 1<<32 - 1, ""},
		{"u32 unused bits", u32, []byte{0x80, 0x80, 0x80, 0x80, 0x10}, 0, msgIntTooLarge},
		{"u32 six bytes", u32, []byte{0x80, 0x80, 0x80, 0x80, 0x80, 0x00}, 0, msgIntTooLong},
		{"u32 truncated", u32, []byte{0x80}, 0, msgUnexpectedEnd},
		{"u64 max", u64, []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}, -1, ""},
		{"u64 unused bits", u64, []byte{0x82, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x70}, 0, msgIntTooLarge},
		{"u64 too long", u64, []byte{0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00}, 0, msgIntTooLong},
		{"s32 -1", s32, []byte{0x7f}, -1, ""},
		{"s32 63", s32, []byte{0x3f}, 63, ""},
		{"s32 64", s32, []byte{0xc0, 0x00}, 64, ""},
		{"s32 -64", s32, []byte{0x40}, -64, ""},
		{"s32 min", s32, []byte{0x80, 0x80, 0x80, 0x80, 0x78}, -1 << 31, ""},
		{"s32 max", s32, []byte{0xff, 0xff, 0xff, 0xff, 0x07}, 1<<31 - 1, ""},
		{"s32 padded -1", s32, []byte{0xff, 0xff, 0xff, 0xff, 0x7f}, -1, ""},
		{"s32 bad sign bits", s32, []byte{0xff, 0xff, 0xff, 0xff, 0x4f}, 0, msgIntTooLarge},
		{"s32 bad positive bits", s32, []byte{0x80, 0x80, 0x80, 0x80, 0x70}, 0, msgIntTooLarge},
		{"s32 too long", s32, []byte{0x80, 0x80, 0x80, 0x80, 0x80, 0x00}, 0, msgIntTooLong},
		{"s33 type index", s33, []byte{0x80, 0x80, 0x80, 0x80, 0x0f}, 0xf0000000, ""},
		{"s33 bad bits", s33, []byte{0x80, 0x80, 0x80, 0x80, 0x20}, 0, msgIntTooLarge},
		{"s64 min", s64, []byte{0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f}, -1 << 63, ""},
		{"s64 bad bits", s64, []byte{0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01}, 0, msgIntTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := newReader(tc.in, 0)
			var got int64
			var err error
			switch tc.kind {
			case u32:
				var v uint32
				v, err = r.u32()
				got = int64(v)
			case u64:
				var v uint64
				v, err = r.u64()
				got = int64(v)
			case s32:
				var v int32
				v, err = r.s32()
				got = int64(v)
			case s33:
				got, err = r.s33()
			case s64:
				got, err = r.s64()
			}
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("got %d, %v; want error %q", got, err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("got %d, %v; want %d", got, err, tc.want)
			}
			if !r.eof() {
				t.Errorf("%d bytes left", r.remaining())
			}
		})
	}
}

func TestNameUTF8(t *testing.T) {
	for _, tc := range []struct {
		in []byte
		ok bool
	}{
		{[]byte("\x03abc"), true},
		{[]byte("\x02\xc3\xa9"), true},
		{[]byte("\x01\x80"), false},
		{[]byte("\x02\xc0\x80"), false},         // overlong
		{[]byte("\x03\xed\xa0\x80"), false},     // surrogate
		{[]byte("\x04\xf4\x90\x80\x80"), false}, // above U+10FFFF
		{[]byte("\x05ab"), false},               // length out of bounds
	} {
		r := newReader(tc.in, 0)
		_, err := r.name()
		if (err == nil) != tc.ok {
			t.Errorf("name(%q): err %v, want ok=%v", tc.in, err, tc.ok)
		}
	}
}

// TestSignedTwoByteFastPath checks s32 and s64's two-byte fast path
// against the general decoder over every two-byte encoding.
func TestSignedTwoByteFastPath(t *testing.T) {
	for b0 := 0x80; b0 <= 0xff; b0++ {
		for b1 := 0; b1 < 0x80; b1++ {
			buf := []byte{byte(b0), byte(b1), 0x0b}
			for _, bits := range []uint{32, 64} {
				slow := reader{buf: buf}
				want, err := slow.signed(bits)
				if err != nil {
					t.Fatal(err)
				}
				fast := reader{buf: buf}
				var got int64
				if bits == 32 {
					var v int32
					v, err = fast.s32()
					got = int64(v)
				} else {
					got, err = fast.s64()
				}
				if err != nil || got != want || fast.pos != 2 {
					t.Fatalf("%x %x as s%d: got %d (pos %d), want %d", b0, b1, bits, got, fast.pos, want)
				}
			}
		}
	}
}
