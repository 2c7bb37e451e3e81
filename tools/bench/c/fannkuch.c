// fannkuch: the Computer Language Benchmarks Game's fannkuch-redux over
// permutations of n elements (n <= 12): the checksum and the maximum number
// of flips, combined. Stresses small-array shuffles and tight integer loops.
unsigned run(int n) {
	int perm[16], perm1[16], count[16];
	if (n > 12)
		n = 12;
	for (int i = 0; i < n; i++)
		perm1[i] = i;
	int maxflips = 0, checksum = 0, permCount = 0, r = n;
	for (;;) {
		while (r != 1) {
			count[r - 1] = r;
			r--;
		}
		for (int i = 0; i < n; i++)
			perm[i] = perm1[i];
		int flips = 0, k;
		while ((k = perm[0]) != 0) {
			for (int i = 0, j = k; i < j; i++, j--) {
				int t = perm[i];
				perm[i] = perm[j];
				perm[j] = t;
			}
			flips++;
		}
		if (flips > maxflips)
			maxflips = flips;
		checksum += permCount % 2 == 0 ? flips : -flips;
		for (;;) {
			if (r == n)
				return (unsigned)checksum * 100u + (unsigned)maxflips;
			int p0 = perm1[0];
			for (int i = 0; i < r; i++)
				perm1[i] = perm1[i + 1];
			perm1[r] = p0;
			if (--count[r] > 0)
				break;
			r++;
		}
		permCount++;
	}
}
