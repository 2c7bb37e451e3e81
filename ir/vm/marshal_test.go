package vm

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"reflect"
	"strings"
	"testing"
)

func sampleArtifact() *Artifact {
	a := &Artifact{
		Arch: "amd64", Tier: "baseline", Features: 0x7f, Alignment: 16,
		Code: bytes.Repeat([]byte{0x90}, 256),
		Funcs: []FuncInfo{
			{Offset: 0, Size: 100, ArrayEntry: 200, FrameSize: 32},
			{Offset: 100, Size: 60, ArrayEntry: NoOffset},
		},
		Imports: []uint32{160, NoOffset},
		Relocs: []Reloc{
			{Offset: 10, Kind: RelocX86PCRel4, Target: Symbol{SymFunc, 1}, Addend: -4},
			{Offset: 120, Kind: RelocAbs8, Target: Symbol{SymRuntime, uint32(ExitHostCall)}, Addend: 1 << 40},
		},
		Traps:   []TrapRecord{{20, TrapMemoryOutOfBounds}, {20, TrapStackOverflow}, {130, TrapUnreachable}},
		SrcLocs: []SrcLoc{{0, 10, 33}, {10, 40, 35}, {100, 150, 60}},
	}
	a.ModuleHash[0], a.ModuleHash[31] = 1, 2
	return a
}

func TestMarshalRoundTrip(t *testing.T) {
	for _, a := range []*Artifact{sampleArtifact(), {Arch: "arm64", Tier: "optimizing"}} {
		b := a.Marshal()
		got, err := Unmarshal(b)
		if err != nil {
			t.Fatalf("Unmarshal: %v", err)
		}
		norm := func(x *Artifact) *Artifact {
			y := *x
			if len(y.Code) == 0 {
				y.Code = nil
			}
			return &y
		}
		if !reflect.DeepEqual(norm(a), norm(got)) {
			t.Errorf("round trip:\n got %+v\nwant %+v", got, a)
		}
		if !bytes.Equal(got.Marshal(), b) {
			t.Errorf("re-marshal differs")
		}
	}
}

// reseal recomputes the checksum after a deliberate edit, so the decoder's
// structural checks (not only the CRC) are exercised.
func reseal(b []byte) []byte {
	body := b[:len(b)-4]
	return binary.LittleEndian.AppendUint32(append([]byte(nil), body...), crc32.Checksum(body, castagnoli))
}

func TestUnmarshalRejects(t *testing.T) {
	good := sampleArtifact().Marshal()
	flip := append([]byte(nil), good...)
	flip[40] ^= 1
	badVersion := append([]byte(nil), good...)
	badVersion[8] = 9
	cases := []struct {
		name string
		b    []byte
		want string
	}{
		{"empty", nil, "bad magic"},
		{"magic", []byte("NOTCWASM0000xxxx"), "bad magic"},
		{"version", badVersion, "version 9"},
		{"checksum", flip, "checksum mismatch"},
		{"truncated", reseal(good[:60]), "cwasm: offset"},
		{"trailing", reseal(append(append([]byte(nil), good[:len(good)-4]...), 0, 0, 0, 0, 0)), "trailing"},
	}
	for _, c := range cases {
		_, err := Unmarshal(c.b)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
	invalid := []struct {
		name string
		edit func(a *Artifact)
		want string
	}{
		{"func outside", func(a *Artifact) { a.Funcs[1].Size = 1000 }, "outside"},
		{"array entry", func(a *Artifact) { a.Funcs[0].ArrayEntry = 256 }, "array entry"},
		{"import", func(a *Artifact) { a.Imports[0] = 999 }, "import 0"},
		{"reloc kind", func(a *Artifact) { a.Relocs[0].Kind = 77 }, "unknown kind"},
		{"symbol kind", func(a *Artifact) { a.Relocs[0].Target.Kind = 0 }, "symbol kind"},
		{"reloc field", func(a *Artifact) { a.Relocs[1].Offset = 250 }, "field outside"},
		{"reloc order", func(a *Artifact) { a.Relocs[0].Offset = 200 }, "not sorted"},
		{"trap code", func(a *Artifact) { a.Traps[0].Code = 0 }, "unknown trap code"},
		{"trap order", func(a *Artifact) { a.Traps[2].Offset = 5 }, "not sorted"},
		{"srcloc empty", func(a *Artifact) { a.SrcLocs[0].End = 0 }, "bad range"},
		{"srcloc overlap", func(a *Artifact) { a.SrcLocs[1].Start = 5 }, "overlaps"},
		{"alignment", func(a *Artifact) { a.Alignment = 24 }, "power of two"},
	}
	for _, c := range invalid {
		a := sampleArtifact()
		c.edit(a)
		_, err := Unmarshal(a.Marshal())
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
}

// TestUnmarshalHugeCount: a count far larger than the file is rejected
// before anything is allocated for it.
func TestUnmarshalHugeCount(t *testing.T) {
	a := &Artifact{Arch: "amd64"}
	b := a.Marshal()
	// The function count is the first byte after the empty code; replace
	// it with 2^31-1 as a uvarint.
	i := len(b) - 4 - 5 // funcs, imports, relocs, traps, srclocs counts: one byte each
	huge := binary.AppendUvarint(nil, 1<<31-1)
	edited := append(append(append([]byte(nil), b[:i]...), huge...), b[i+1:len(b)-4]...)
	_, err := Unmarshal(reseal(append(edited, 0, 0, 0, 0)))
	if err == nil || !strings.Contains(err.Error(), "do not fit") {
		t.Errorf("err = %v, want a count rejection", err)
	}
}

func TestLookups(t *testing.T) {
	a := sampleArtifact()
	for _, c := range []struct {
		off  uint32
		want TrapCode
	}{{19, TrapNone}, {20, TrapStackOverflow}, {25, TrapStackOverflow}, {99, TrapStackOverflow}, {100, TrapNone}, {140, TrapUnreachable}, {200, TrapNone}} {
		if got := a.TrapAt(c.off); got != c.want {
			t.Errorf("TrapAt(%d) = %v, want %v", c.off, got, c.want)
		}
	}
	if loc, ok := a.SrcLocAt(12); !ok || loc != 35 {
		t.Errorf("SrcLocAt(12) = %d, %v", loc, ok)
	}
	if _, ok := a.SrcLocAt(50); ok {
		t.Errorf("SrcLocAt(50) found a location")
	}
	if a.FuncAt(100) != 1 || a.FuncAt(160) != -1 {
		t.Errorf("FuncAt wrong")
	}
}

func FuzzUnmarshal(f *testing.F) {
	f.Add(sampleArtifact().Marshal())
	f.Add((&Artifact{}).Marshal())
	f.Add([]byte(cwasmMagic))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := Unmarshal(b)
		if err != nil {
			// Also try the structural decoder behind a valid checksum.
			if len(b) >= 16 && string(b[:8]) == cwasmMagic {
				if a2, err2 := Unmarshal(reseal(b)); err2 == nil {
					a = a2
				}
			}
			if a == nil {
				return
			}
		}
		if err := a.Validate(); err != nil {
			t.Fatalf("Unmarshal returned an invalid artifact: %v", err)
		}
		a2, err := Unmarshal(a.Marshal())
		if err != nil {
			t.Fatalf("re-unmarshal: %v", err)
		}
		if !bytes.Equal(a2.Marshal(), a.Marshal()) {
			t.Fatalf("marshal not stable")
		}
	})
}
