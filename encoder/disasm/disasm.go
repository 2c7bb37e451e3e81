package disasm

import (
	"encoding/binary"
	"fmt"
	"strings"

	"kiln/encoder"

	"golang.org/x/arch/arm64/arm64asm"
	"golang.org/x/arch/riscv64/riscv64asm"
	"golang.org/x/arch/s390x/s390xasm"
	"golang.org/x/arch/x86/x86asm"
)

// Line is one decoded instruction (or one undecodable unit of bytes).
type Line struct {
	Offset uint64 // address: pc + offset in the code
	Bytes  []byte // the encoding, aliasing the input
	Text   string // GNU syntax, or ".byte"/".word" for undecodable bytes
}

// decoder decodes one instruction at the start of code, returning its
// length and text; n == 0 means "not an instruction".
type decoder struct {
	order  binary.ByteOrder
	minLen int
	decode func(code []byte, pc uint64) (n int, text string)
	data   func(b []byte) string
}

var decoders = map[string]*decoder{
	"amd64": {
		order:  binary.LittleEndian,
		minLen: 1,
		decode: func(code []byte, pc uint64) (int, string) {
			in, err := x86asm.Decode(code, 64)
			if err != nil || in.Len == 0 {
				return 0, ""
			}
			return in.Len, x86asm.GNUSyntax(in, pc, nil)
		},
		data: func(b []byte) string { return fmt.Sprintf(".byte 0x%02x", b[0]) },
	},
	"arm64": {
		order:  binary.LittleEndian,
		minLen: 4,
		decode: func(code []byte, pc uint64) (int, string) {
			if len(code) < 4 {
				return 0, ""
			}
			in, err := arm64asm.Decode(code)
			if err != nil {
				return 0, ""
			}
			return 4, arm64asm.GNUSyntax(in)
		},
		data: func(b []byte) string {
			if len(b) == 4 {
				return fmt.Sprintf(".word 0x%08x", binary.LittleEndian.Uint32(b))
			}
			return byteList(b)
		},
	},
	"riscv64": {
		order:  binary.LittleEndian,
		minLen: 2,
		decode: func(code []byte, pc uint64) (int, string) {
			in, err := riscv64asm.Decode(code)
			if err != nil || in.Len == 0 || in.Len > len(code) {
				return 0, ""
			}
			return in.Len, riscv64asm.GNUSyntax(in)
		},
		data: func(b []byte) string {
			if len(b) == 2 {
				return fmt.Sprintf(".short 0x%04x", binary.LittleEndian.Uint16(b))
			}
			return byteList(b)
		},
	},
	"s390x": {
		order:  binary.BigEndian,
		minLen: 2,
		decode: func(code []byte, pc uint64) (int, string) {
			in, err := s390xasm.Decode(code)
			if err != nil || in.Len == 0 || in.Len > len(code) {
				return 0, ""
			}
			return in.Len, s390xasm.GNUSyntax(in, pc)
		},
		data: func(b []byte) string {
			if len(b) == 2 {
				return fmt.Sprintf(".short 0x%04x", binary.BigEndian.Uint16(b))
			}
			return byteList(b)
		},
	},
}

var aliases = map[string]string{"x86_64": "amd64", "x86-64": "amd64", "aarch64": "arm64"}

func byteList(b []byte) string {
	parts := make([]string, len(b))
	for i, x := range b {
		parts[i] = fmt.Sprintf("0x%02x", x)
	}
	return ".byte " + strings.Join(parts, ",")
}

// Arches lists the supported architecture names.
func Arches() []string { return []string{"amd64", "arm64", "riscv64", "s390x"} }

func lookup(arch string) (*decoder, error) {
	if a, ok := aliases[arch]; ok {
		arch = a
	}
	d, ok := decoders[arch]
	if !ok {
		return nil, fmt.Errorf("disasm: unknown architecture %q (want one of %s)", arch, strings.Join(Arches(), ", "))
	}
	return d, nil
}

// DisassembleCode is Disassemble for a finished function at address 0:
// ranges the buffer marked as data (pool constants, jump tables, padding)
// print as .quad/.long/.short/.byte lines by their element size instead of
// being decoded as instructions.
func DisassembleCode(arch string, c *encoder.Code) ([]Line, error) {
	d, err := lookup(arch)
	if err != nil {
		return nil, err
	}
	var lines []Line
	off := 0
	for _, r := range c.Data {
		start, end := int(r.Start), min(int(r.End), len(c.Bytes))
		if start < off || start >= end {
			continue // malformed: decode it as code
		}
		lines = append(lines, decodeRange(d, c.Bytes[off:start], uint64(off))...)
		unit := int(r.Unit)
		if unit != 2 && unit != 4 && unit != 8 || (end-start)%unit != 0 {
			unit = 1
		}
		for p := start; p < end; {
			n := unit
			if unit == 1 {
				n = min(8, end-p)
			}
			lines = append(lines, Line{Offset: uint64(p), Bytes: c.Bytes[p : p+n : p+n], Text: dataText(d, c.Bytes[p:p+n], unit)})
			p += n
		}
		off = end
	}
	return append(lines, decodeRange(d, c.Bytes[off:], uint64(off))...), nil
}

func dataText(d *decoder, b []byte, unit int) string {
	switch unit {
	case 8:
		return fmt.Sprintf(".quad 0x%016x", d.order.Uint64(b))
	case 4:
		return fmt.Sprintf(".long 0x%08x", d.order.Uint32(b))
	case 2:
		return fmt.Sprintf(".short 0x%04x", d.order.Uint16(b))
	}
	return byteList(b)
}

// Disassemble decodes code, which starts at address pc, into Lines that
// cover every byte. The only error is an unknown architecture.
func Disassemble(arch string, code []byte, pc uint64) ([]Line, error) {
	d, err := lookup(arch)
	if err != nil {
		return nil, err
	}
	return decodeRange(d, code, pc), nil
}

func decodeRange(d *decoder, code []byte, pc uint64) []Line {
	var lines []Line
	for off := 0; off < len(code); {
		rest := code[off:]
		n, text := safeDecode(d, rest, pc+uint64(off))
		if n <= 0 || n > len(rest) {
			n = min(d.minLen, len(rest))
			text = d.data(rest[:n])
		}
		lines = append(lines, Line{Offset: pc + uint64(off), Bytes: rest[:n:n], Text: text})
		off += n
	}
	return lines
}

// safeDecode runs a decoder, turning a panic on hostile input into "not an
// instruction".
func safeDecode(d *decoder, code []byte, pc uint64) (n int, text string) {
	defer func() {
		if recover() != nil {
			n, text = 0, ""
		}
	}()
	return d.decode(code, pc)
}

// String prints the line as "offset: bytes  text".
func (l Line) String() string { return l.format(false) }

func (l Line) format(noBytes bool) string {
	if noBytes {
		return fmt.Sprintf("%4x: %s", l.Offset, l.Text)
	}
	return fmt.Sprintf("%4x: %-30s %s", l.Offset, fmt.Sprintf("% x", l.Bytes), l.Text)
}

// Options control Format.
type Options struct {
	NoBytes bool // omit the hex column
	// Code, if set, annotates each line with the relocations whose field
	// lies in it and the trap record at its offset ("; reloc ...",
	// "; trap N"). Offsets in Code are relative to the first line.
	Code *encoder.Code
}

// Format prints lines, one per line, each ending in a newline.
func Format(lines []Line, opt Options) string {
	var sb strings.Builder
	var base uint64
	if len(lines) > 0 {
		base = lines[0].Offset
	}
	for _, l := range lines {
		sb.WriteString(l.format(opt.NoBytes))
		if c := opt.Code; c != nil {
			start, end := uint32(l.Offset-base), uint32(l.Offset-base)+uint32(len(l.Bytes))
			for _, r := range c.Relocs {
				if r.Offset >= start && r.Offset < end {
					fmt.Fprintf(&sb, " ; reloc %v %v%+d", r.Kind, r.Target, r.Addend)
				}
			}
			if code, ok := c.LookupTrap(start); ok {
				fmt.Fprintf(&sb, " ; trap %d", code)
			}
		}
		sb.WriteByte('\n')
	}
	return sb.String()
}

// Code disassembles a finished function with its records as annotations.
func Code(arch string, c *encoder.Code, opt Options) (string, error) {
	lines, err := DisassembleCode(arch, c)
	if err != nil {
		return "", err
	}
	opt.Code = c
	return Format(lines, opt), nil
}

// Text disassembles code and formats it in one step.
func Text(arch string, code []byte, pc uint64, opt Options) (string, error) {
	lines, err := Disassemble(arch, code, pc)
	if err != nil {
		return "", err
	}
	return Format(lines, opt), nil
}
