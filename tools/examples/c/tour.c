/*
 * tour.c exercises what a WASI program uses most from C -- arguments,
 * environment, files and directories, clocks and the exit status -- and
 * prints only what is the same on every host, so its output under kiln
 * can be compared with a native build:
 *
 *   clang --target=wasm32-wasi -O2 -o tour.wasm tools/examples/c/tour.c
 *   mkdir -p /tmp/t && go run ./tools/cmd/kiln run --dir=/tmp/t::. \
 *       --env=GREETING=hi tour.wasm a b
 *
 * wasi-libc resolves relative paths against the preopen named ".".
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void check(int ok, const char *what) {
	if (!ok) {
		fprintf(stderr, "error: %s: %s\n", what, strerror(errno));
		exit(1);
	}
}

static int compare(const void *a, const void *b) {
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
	printf("args:");
	for (int i = 1; i < argc; i++)
		printf(" [%s]", argv[i]);
	printf("\n");
	const char *greeting = getenv("GREETING");
	printf("GREETING=%s\n", greeting ? greeting : "(unset)");

	check(mkdir("ctour", 0755) == 0, "mkdir ctour");
	check(mkdir("ctour/sub", 0755) == 0, "mkdir ctour/sub");
	FILE *f = fopen("ctour/a.txt", "w");
	check(f != NULL, "fopen w");
	fputs("first line\nsecond line\n", f);
	check(fclose(f) == 0, "fclose");
	f = fopen("ctour/a.txt", "a");
	check(f != NULL, "fopen a");
	fputs("appended\n", f);
	check(fclose(f) == 0, "fclose");

	char buf[256];
	int lines = 0;
	char last[64] = "";
	f = fopen("ctour/a.txt", "r");
	check(f != NULL, "fopen r");
	while (fgets(buf, sizeof buf, f)) {
		lines++;
		strncpy(last, buf, sizeof last - 1);
	}
	fseek(f, 6, SEEK_SET);
	size_t n = fread(buf, 1, 4, f);
	buf[n] = 0;
	fclose(f);
	last[strcspn(last, "\n")] = 0;
	printf("a.txt: %d lines, last [%s], at 6: [%s]\n", lines, last, buf);

	check(rename("ctour/a.txt", "ctour/sub/b.txt") == 0, "rename");
	struct stat st;
	check(stat("ctour/sub/b.txt", &st) == 0, "stat");
	printf("b.txt: size %lld, regular %d\n", (long long)st.st_size, S_ISREG(st.st_mode));
	printf("a.txt after rename: %s\n", stat("ctour/a.txt", &st) == 0 ? "still there" : strerror(errno));
	check(symlink("sub/b.txt", "ctour/link") == 0, "symlink");
	ssize_t len = readlink("ctour/link", buf, sizeof buf - 1);
	check(len >= 0, "readlink");
	buf[len] = 0;
	printf("link -> %s\n", buf);

	DIR *d = opendir("ctour");
	check(d != NULL, "opendir");
	char *names[16];
	int count = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL && count < 16)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			names[count++] = strdup(e->d_name);
	closedir(d);
	qsort(names, count, sizeof names[0], compare);
	printf("ctour/:");
	for (int i = 0; i < count; i++)
		printf(" %s", names[i]);
	printf("\n");

	struct timespec t0, t1, pause = {0, 20 * 1000 * 1000};
	clock_gettime(CLOCK_MONOTONIC, &t0);
	nanosleep(&pause, NULL);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	long long ns = (t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec);
	printf("slept at least 20ms: %d\n", ns >= 20000000LL);
	printf("wall clock after 2020: %d\n", time(NULL) > 1577836800);

	check(unlink("ctour/link") == 0, "unlink link");
	check(unlink("ctour/sub/b.txt") == 0, "unlink b.txt");
	check(rmdir("ctour/sub") == 0, "rmdir sub");
	check(rmdir("ctour") == 0, "rmdir ctour");
	printf("cleaned up\n");
	return argc > 1 && strcmp(argv[1], "fail") == 0 ? 3 : 0;
}
