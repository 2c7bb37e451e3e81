package frontend

import (
	"bytes"
	"runtime"
	"testing"

	"kiln/ir/wasm"
	"kiln/ir/wasm/wat"
	"kiln/tools/fuzz/wasmgen"
)

// allocLimit bounds what one decode/validate/print of a small input may
// allocate; far above what a legitimate module of a few kilobytes needs.
const allocLimit = 64 << 20

// mutate applies edits chosen by u to a copy of bin.
func mutate(u *wasmgen.Unstructured, bin []byte) []byte {
	b := bytes.Clone(bin)
	for n := u.Range(1, 4); n > 0 && len(b) > 0; n-- {
		at := u.Intn(len(b))
		switch u.Intn(6) {
		case 0:
			b[at] = u.Byte()
		case 1:
			b[at] ^= 1 << u.Intn(8)
		case 2:
			b = append(b[:at], b[at+1:]...)
		case 3:
			b = append(b[:at], append([]byte{u.Byte()}, b[at:]...)...)
		case 4:
			// An extreme LEB128 length or index.
			leb := []byte{0xff, 0xff, 0xff, 0xff, 0x0f}
			b = append(b[:at], append(leb, b[at:]...)...)
		default:
			// Truncate.
			b = b[:at]
		}
	}
	return b
}

// allocated runs fn and returns the bytes allocated meanwhile.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func seeds(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("\xff\xff\xff\xff\x05 a small module with some mutation bytes after it"))
	f.Add([]byte("\x00\x00\x00\x00\x10 no memory, no table \x01\x02\x03\x04\x05\x06\x07\x08\x09"))
}

// FuzzDecodeMutated: a generated module with a few byte-level edits must
// decode, validate and print without panicking or allocating without
// bound, whatever the edits did.
func FuzzDecodeMutated(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<14 {
			return
		}
		u := wasmgen.NewUnstructured(data)
		m := wasmgen.Generate(u, wasmgen.ConfigFrom(u))
		bin := mutate(u, m.Binary)
		n := allocated(func() {
			if mod, err := wasm.Decode(bin, wasm.FeaturesAll); err == nil {
				_ = wasm.Validate(mod, wasm.FeaturesAll)
				_ = wasm.Validate(mod, m.Config.Features())
			}
			_, _ = wat.PrintBinary(bin)
		})
		if n > allocLimit {
			t.Fatalf("decoding, validating and printing a %d-byte module allocated %d bytes", len(bin), n)
		}
	})
}

// FuzzWatRoundTrip: printing a generated module, parsing the text and
// printing again is a fixed point, and the parsed module validates.
func FuzzWatRoundTrip(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		u := wasmgen.NewUnstructured(data)
		m := wasmgen.Generate(u, wasmgen.ConfigFrom(u))
		text, err := wat.PrintBinary(m.Binary)
		if err != nil {
			t.Fatalf("printing a generated module: %v", err)
		}
		bin, err := wat.Parse([]byte(text))
		if err != nil {
			t.Fatalf("the printed module does not parse: %v\n%s", err, text)
		}
		if _, err := wasm.DecodeAndValidate(bin, m.Config.Features()); err != nil {
			t.Fatalf("the parsed module does not validate: %v\n%s", err, text)
		}
		again, err := wat.PrintBinary(bin)
		if err != nil {
			t.Fatalf("printing the parsed module: %v", err)
		}
		if again != text {
			t.Fatalf("print(parse(print(m))) differs from print(m):\n%s\n----\n%s", text, again)
		}
		// The generator's encoding need not be the text encoder's
		// (it writes a data count section even with no data, for one),
		// but encoding the same text twice must give the same binary.
		bin2, err := wat.Parse([]byte(again))
		if err != nil || !bytes.Equal(bin, bin2) {
			t.Fatalf("encoding the printed text again gives a different binary (%v)\n%s", err, text)
		}
	})
}
