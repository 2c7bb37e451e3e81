package wasi

import (
	"os"
	"strconv"
	"time"
)

// setFileTimes sets an open file's times through /proc/self/fd, which
// names exactly the open file (no path lookup that a rename could race).
// A zero time leaves that time unchanged (os.Chtimes uses UTIME_OMIT).
func setFileTimes(f *os.File, atime, mtime time.Time) error {
	return os.Chtimes("/proc/self/fd/"+strconv.FormatUint(uint64(f.Fd()), 10), atime, mtime)
}
