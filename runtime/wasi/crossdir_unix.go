//go:build linux || darwin || freebsd || netbsd || openbsd

package wasi

import (
	"os"

	"golang.org/x/sys/unix"
)

// renameAt and linkAt act on names inside two open directories. The names
// are single components (parentOf guarantees it), and neither call
// follows a symlink in them, so nothing outside the directories is
// touched.
func renameAt(oldDir *os.File, oldName string, newDir *os.File, newName string) error {
	return unix.Renameat(int(oldDir.Fd()), oldName, int(newDir.Fd()), newName)
}

func linkAt(oldDir *os.File, oldName string, newDir *os.File, newName string) error {
	return unix.Linkat(int(oldDir.Fd()), oldName, int(newDir.Fd()), newName, 0)
}
