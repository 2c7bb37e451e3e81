// sieve: the sieve of Eratosthenes up to n (n <= 1<<24) over a byte array,
// counting primes. Stresses byte stores in strided loops.
#include <stdint.h>

#define MAX (1 << 24)

static uint8_t composite[MAX + 1];

unsigned run(int n) {
	if (n > MAX)
		n = MAX;
	for (int i = 0; i <= n; i++)
		composite[i] = 0;
	unsigned count = 0;
	for (int i = 2; i <= n; i++) {
		if (composite[i])
			continue;
		count++;
		for (long long j = (long long)i * i; j <= n; j += i)
			composite[j] = 1;
	}
	return count;
}
