// crc32: table-driven CRC-32 (IEEE, reflected) over a 64 KiB buffer, n
// passes each chaining the previous checksum. Stresses byte loads, table
// lookups and shifts in a dependency chain.
#include <stdint.h>

#define LEN 65536

static uint8_t buf[LEN];
static uint32_t table[256];

unsigned run(int n) {
	for (uint32_t i = 0; i < 256; i++) {
		uint32_t c = i;
		for (int j = 0; j < 8; j++)
			c = c & 1 ? 0xedb88320 ^ (c >> 1) : c >> 1;
		table[i] = c;
	}
	for (int i = 0; i < LEN; i++)
		buf[i] = (uint8_t)(i * 131 + (i >> 8));
	uint32_t crc = 0;
	for (int r = 0; r < n; r++) {
		uint32_t c = ~crc;
		for (int i = 0; i < LEN; i++)
			c = table[(c ^ buf[i]) & 0xff] ^ (c >> 8);
		crc = ~c;
	}
	return crc;
}
