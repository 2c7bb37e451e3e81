// matmul: dense double-precision matrix multiply (C = A x B, n x n, n <= 256),
// the naive i-k-j loop nest every compiler should vectorise or at least keep
// in registers. Stresses f64 loads, stores and multiply-adds.
#define MAX 256

static double a[MAX * MAX], b[MAX * MAX], c[MAX * MAX];

unsigned run(int n) {
	if (n > MAX)
		n = MAX;
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++) {
			a[i * n + j] = (double)((i * 7 + j * 3) % 17) / 16.0;
			b[i * n + j] = (double)((i * 5 + j * 11) % 13) / 12.0;
			c[i * n + j] = 0;
		}
	for (int i = 0; i < n; i++)
		for (int k = 0; k < n; k++) {
			double aik = a[i * n + k];
			for (int j = 0; j < n; j++)
				c[i * n + j] += aik * b[k * n + j];
		}
	double sum = 0;
	for (int i = 0; i < n * n; i++)
		sum += c[i] * (double)(i % 7 + 1);
	return (unsigned)(long long)(sum * 1000.0);
}
