package wat

// Little helpers for the binary format: LEB128 and vectors.

func appendU32(b []byte, v uint32) []byte { return appendU64(b, uint64(v)) }

func appendU64(b []byte, v uint64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v == 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

func appendS64(b []byte, v int64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

func appendName(b []byte, s []byte) []byte {
	b = appendU32(b, uint32(len(s)))
	return append(b, s...)
}

// appendSection appends a section with id and contents when contents are
// non-empty (or always, if force).
func appendSection(b []byte, id byte, count int, body []byte, force bool) []byte {
	if count == 0 && !force {
		return b
	}
	var content []byte
	if count >= 0 {
		content = appendU32(content, uint32(count))
	}
	content = append(content, body...)
	b = append(b, id)
	b = appendU32(b, uint32(len(content)))
	return append(b, content...)
}
