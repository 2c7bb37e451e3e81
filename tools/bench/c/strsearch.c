// strsearch: Boyer-Moore-Horspool search counting the occurrences of a few
// patterns in a generated 256 KiB text, n times. Stresses byte compares,
// skip-table lookups and short inner loops.
#include <stdint.h>

#define LEN (256 * 1024)

static uint8_t text[LEN];

static const char *patterns[] = {"abracadabra", "needle", "zzq", "the quick brown", "aaaaab"};

static unsigned count(const uint8_t *pat, int m) {
	int skip[256];
	for (int i = 0; i < 256; i++)
		skip[i] = m;
	for (int i = 0; i < m - 1; i++)
		skip[pat[i]] = m - 1 - i;
	unsigned found = 0;
	for (int pos = 0; pos + m <= LEN;) {
		int j = m - 1;
		while (j >= 0 && text[pos + j] == pat[j])
			j--;
		if (j < 0)
			found++;
		pos += skip[text[pos + m - 1]];
	}
	return found;
}

unsigned run(int n) {
	// Text over a small alphabet, with some planted words, so that partial
	// matches are common.
	uint32_t x = 7;
	for (int i = 0; i < LEN; i++) {
		x = x * 1664525 + 1013904223;
		text[i] = (uint8_t)("abcdenrq "[(x >> 24) % 9]);
	}
	for (int i = 1000; i + 16 < LEN; i += 4099) {
		const char *w = patterns[(i / 4099) % 5];
		for (int j = 0; w[j]; j++)
			text[i + j] = (uint8_t)w[j];
	}
	unsigned total = 0;
	for (int r = 0; r < n; r++)
		for (int p = 0; p < 5; p++) {
			int m = 0;
			while (patterns[p][m])
				m++;
			total = total * 33 + count((const uint8_t *)patterns[p], m);
		}
	return total;
}
