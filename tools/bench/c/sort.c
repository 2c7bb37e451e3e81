// sort: quicksort (median of three, insertion sort below 16) and heapsort
// of n pseudo-random ints, then a checksum of both outputs. Stresses
// data-dependent branches, i32 loads and stores, and recursion.
#include <stdint.h>

#define MAX (1 << 20)

static int32_t data[MAX], copy[MAX];

static void insertion(int32_t *a, int n) {
	for (int i = 1; i < n; i++) {
		int32_t v = a[i];
		int j = i - 1;
		while (j >= 0 && a[j] > v) {
			a[j + 1] = a[j];
			j--;
		}
		a[j + 1] = v;
	}
}

static void quicksort(int32_t *a, int n) {
	while (n > 16) {
		int32_t x = a[0], y = a[n / 2], z = a[n - 1];
		int32_t pivot = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
		int i = 0, j = n - 1;
		for (;;) {
			while (a[i] < pivot)
				i++;
			while (a[j] > pivot)
				j--;
			if (i >= j)
				break;
			int32_t t = a[i];
			a[i] = a[j];
			a[j] = t;
			i++;
			j--;
		}
		// Recurse into the smaller half, loop on the larger one.
		if (j + 1 < n - j - 1) {
			quicksort(a, j + 1);
			a += j + 1;
			n -= j + 1;
		} else {
			quicksort(a + j + 1, n - j - 1);
			n = j + 1;
		}
	}
	insertion(a, n);
}

static void sift(int32_t *a, int root, int n) {
	for (;;) {
		int child = 2 * root + 1;
		if (child >= n)
			return;
		if (child + 1 < n && a[child + 1] > a[child])
			child++;
		if (a[root] >= a[child])
			return;
		int32_t t = a[root];
		a[root] = a[child];
		a[child] = t;
		root = child;
	}
}

static void heapsort(int32_t *a, int n) {
	for (int i = n / 2 - 1; i >= 0; i--)
		sift(a, i, n);
	for (int end = n - 1; end > 0; end--) {
		int32_t t = a[0];
		a[0] = a[end];
		a[end] = t;
		sift(a, 0, end);
	}
}

unsigned run(int n) {
	if (n > MAX)
		n = MAX;
	uint32_t x = 42;
	for (int i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		data[i] = (int32_t)(x % 1000000);
		copy[i] = data[i];
	}
	quicksort(data, n);
	heapsort(copy, n);
	uint32_t sum = 0;
	for (int i = 0; i < n; i++) {
		if (data[i] != copy[i] || (i > 0 && data[i - 1] > data[i]))
			return 0; // not sorted: a wrong result every engine would show
		sum = sum * 31 + (uint32_t)data[i];
	}
	return sum;
}
