// native_main: the native driver for a kernel built with gcc. Usage:
//
//	KERNEL N ITERS
//
// calls run(N) once (warm-up; its result is the reference), then ITERS more
// times, and prints "RESULT WALL_NS CPU_NS" for the timed calls (monotonic
// clock and process CPU time). The kernel lives in another translation unit, so the calls
// cannot be folded away.
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

unsigned run(int n);

int main(int argc, char **argv) {
	if (argc != 3) {
		fprintf(stderr, "usage: %s N ITERS\n", argv[0]);
		return 2;
	}
	int n = atoi(argv[1]);
	long iters = atol(argv[2]);
	unsigned want = run(n);
	struct timespec t0, t1, c0, c1;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (long i = 0; i < iters; i++) {
		unsigned got = run(n);
		if (got != want) {
			fprintf(stderr, "run(%d) = %u, then %u\n", n, want, got);
			return 1;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
	long long ns = (long long)(t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec);
	long long cpu = (long long)(c1.tv_sec - c0.tv_sec) * 1000000000LL + (c1.tv_nsec - c0.tv_nsec);
	printf("%u %lld %lld\n", want, ns, cpu);
	return 0;
}
