// Package wasi implements WASI preview1 (the wasi_snapshot_preview1 import
// module) for kiln: every function of the snapshot, over a small interface
// that does not depend on how the guest is run.
//
// # The problem
//
// A .wasm built by Go (GOOS=wasip1), wasi-libc (C, Rust) or any other
// preview1 toolchain imports ~45 functions that stand in for a POSIX
// kernel: arguments and environment, clocks, randomness, file descriptors,
// paths, polling and exit. Each takes i32/i64 words, many of them pointers
// into the guest's linear memory, and returns an errno. The host must
// implement them so that (1) a guest sees exactly the errno values the
// spec and Wasmtime give, (2) no input — a wild pointer, a huge length, a
// malformed path — panics the host, and (3) the guest can reach no file
// outside the directories the embedder preopened.
//
// # Shape
//
// System is one guest's state. Functions lists every preview1 function
// with its signature; System.Call runs one against the guest's memory
// (a []byte for the duration of the call: preview1 functions never call
// back into wasm, so memory cannot grow under them) and the parameter
// words, and writes the errno result. The embedding layer turns
// each Function into a kiln host function; everything else here is
// independent of the runtime and is tested against a fake memory.
//
// proc_exit does not return to the guest: Call returns *ExitError, which
// the host function returns as its error; the runtime unwinds the wasm
// stack with a trap whose cause is the *ExitError, and the embedder
// (kiln run) turns its Code into the process exit status.
//
// # Data structures
//
//   - memory: the guest's linear memory with bounds-checked accessors
//     (64-bit arithmetic, so ptr+len cannot wrap). Every failure is EFAULT.
//   - descriptor: one entry of the descriptor table — a file (openFile: a
//     host file, an fs.FS file or a standard stream) or a directory
//     (directory: a host directory or an fs.FS directory), its preview1
//     filetype, rights and fdflags, and for directories the cached listing
//     that fd_readdir cookies index.
//   - The table is a map from descriptor number to descriptor; new
//     descriptors take the lowest free number, as POSIX does. 0-2 are the
//     standard streams, 3.. the preopens in Config.Dirs order.
//
// # The sandbox
//
// A host directory is held as an os.Root. os.Root resolves every path
// component by component with openat-style calls relative to descriptors:
// "..", absolute paths, and symlinks (absolute or relative) that would
// leave the root fail with "path escapes from parent", which ErrnoOf maps
// to EPERM — the errno current Wasmtime reports for escapes (older
// runtimes used ENOTCAPABLE, 76). Because resolution is descriptor-based,
// a concurrent rename or symlink swap cannot redirect an operation outside
// (TestEscapeRace exercises that). A directory opened below a preopen is
// its own os.Root, so a descriptor is a capability for its subtree only:
// "../x" from it is an escape even when x is inside the preopen, as with
// Wasmtime's cap-std.
//
// An embedder may preopen an fs.FS instead. It is served read-only
// (mutations are EROFS after the path has been checked); io/fs has no
// "..", so resolvePath resolves guest paths lexically and refuses to
// climb above the descriptor's directory. Symlinks inside an fs.FS are the
// FS's business (os.DirFS follows them), so untrusted trees should be
// preopened by host path.
//
// Rights: each operation needs its right on the descriptor (ENOTCAPABLE
// otherwise), and fd_fdstat_set_rights can only drop rights. path_open's
// requested rights choose only the open mode; the new descriptor holds
// every right its kind and mode allow within the directory's inheriting
// rights. Wasmtime ignores the request the same way, and real guests
// depend on it (Go opens directories without PATH_FILESTAT_SET_SIZE and
// then creates files with O_TRUNC through them).
//
// # Invariants
//
//   - No function panics on guest input; out-of-bounds memory is EFAULT.
//   - Every host error reaches the guest through ErrnoOf: an Errno in the
//     error chain as is, a host syscall.Errno through the per-OS table
//     (errno_unix.go), os.Root escapes as EPERM, io/fs sentinels portably,
//     anything else EIO.
//   - The standard streams belong to the embedder: fd_close on 0-2 only
//     removes the descriptor.
//
// # Known gaps
//
//   - Sockets: kiln preopens none, so sock_* answer EBADF or ENOTSOCK.
//   - poll_oneoff learns a blocking stream's readiness by reading it ahead
//     on a goroutine (readPump), up to 64 KiB; once polled, a stream is
//     read through that buffer for the rest of the guest's life.
//   - rename and link between two different directory descriptors resolve
//     each parent through its own os.Root and use renameat/linkat on the
//     two directory descriptors (Unix); elsewhere they are EXDEV.
//   - path_filestat_set_times without SYMLINK_FOLLOW on a symlink is
//     ENOTSUP (os.Root has no lutimes); fd_filestat_set_times on a file
//     works on Linux (through /proc/self/fd) and is ENOTSUP elsewhere.
//   - The thread CPU-time clock reports process CPU time (Go moves a
//     goroutine between threads); off Unix the CPU clocks are wall time.
//   - Device and inode numbers, link counts and atime/ctime come from the
//     host only on Linux and macOS.
package wasi
