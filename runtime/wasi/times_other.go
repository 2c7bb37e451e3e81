//go:build !linux

package wasi

import (
	"os"
	"time"
)

// setFileTimes has no portable descriptor-based form off Linux (os.File
// has no Futimens); fd_filestat_set_times on a file answers ENOTSUP there
// while path_filestat_set_times works. A known gap.
func setFileTimes(f *os.File, atime, mtime time.Time) error { return ErrnoNotsup }
