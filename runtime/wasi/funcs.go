package wasi

import (
	"context"
	"io"
	"runtime"
	"time"
)

// ModuleName is the import module every preview1 function lives in.
const ModuleName = "wasi_snapshot_preview1"

// ValueType is a parameter or result type of a preview1 function: every
// one is an i32 or an i64.
type ValueType byte

const (
	I32 ValueType = iota
	I64
)

// Function is one import of wasi_snapshot_preview1. An embedder links each
// one as a host function and forwards calls to System.Call.
type Function struct {
	Name    string
	Params  []ValueType
	Results []ValueType // one i32 errno, or none for proc_exit
	impl    handler
}

// handler implements one function over the guest memory; p holds the
// parameters as uint64 words (i32 zero-extended).
type handler func(ctx context.Context, s *System, m memory, p []uint64) Errno

// Functions lists every function of wasi_snapshot_preview1, sorted by name.
var Functions = []*Function{
	fn("args_get", "ii", argsGet),
	fn("args_sizes_get", "ii", argsSizesGet),
	fn("clock_res_get", "ii", clockResGet),
	fn("clock_time_get", "iIi", clockTimeGet),
	fn("environ_get", "ii", environGet),
	fn("environ_sizes_get", "ii", environSizesGet),
	fn("fd_advise", "iIIi", fdAdvise),
	fn("fd_allocate", "iII", fdAllocate),
	fn("fd_close", "i", fdClose),
	fn("fd_datasync", "i", fdDatasync),
	fn("fd_fdstat_get", "ii", fdFdstatGet),
	fn("fd_fdstat_set_flags", "ii", fdFdstatSetFlags),
	fn("fd_fdstat_set_rights", "iII", fdFdstatSetRights),
	fn("fd_filestat_get", "ii", fdFilestatGet),
	fn("fd_filestat_set_size", "iI", fdFilestatSetSize),
	fn("fd_filestat_set_times", "iIIi", fdFilestatSetTimes),
	fn("fd_pread", "iiiIi", fdPread),
	fn("fd_prestat_dir_name", "iii", fdPrestatDirName),
	fn("fd_prestat_get", "ii", fdPrestatGet),
	fn("fd_pwrite", "iiiIi", fdPwrite),
	fn("fd_read", "iiii", fdRead),
	fn("fd_readdir", "iiiIi", fdReaddir),
	fn("fd_renumber", "ii", fdRenumber),
	fn("fd_seek", "iIii", fdSeek),
	fn("fd_sync", "i", fdSync),
	fn("fd_tell", "ii", fdTell),
	fn("fd_write", "iiii", fdWrite),
	fn("path_create_directory", "iii", pathCreateDirectory),
	fn("path_filestat_get", "iiiii", pathFilestatGet),
	fn("path_filestat_set_times", "iiiiIIi", pathFilestatSetTimes),
	fn("path_link", "iiiiiii", pathLink),
	fn("path_open", "iiiiiIIii", pathOpen),
	fn("path_readlink", "iiiiii", pathReadlink),
	fn("path_remove_directory", "iii", pathRemoveDirectory),
	fn("path_rename", "iiiiii", pathRename),
	fn("path_symlink", "iiiii", pathSymlink),
	fn("path_unlink_file", "iii", pathUnlinkFile),
	fn("poll_oneoff", "iiii", pollOneoff),
	{Name: "proc_exit", Params: []ValueType{I32}, impl: procExit},
	fn("proc_raise", "i", procRaise),
	fn("random_get", "ii", randomGet),
	fn("sched_yield", "", schedYield),
	fn("sock_accept", "iii", sockAccept),
	fn("sock_recv", "iiiiii", sockRecv),
	fn("sock_send", "iiiii", sockSend),
	fn("sock_shutdown", "ii", sockShutdown),
}

// fn builds a Function returning one errno from a signature string: 'i'
// is an i32 parameter, 'I' an i64.
func fn(name, sig string, h handler) *Function {
	f := &Function{Name: name, Results: []ValueType{I32}, impl: h}
	for _, c := range sig {
		if c == 'I' {
			f.Params = append(f.Params, I64)
		} else {
			f.Params = append(f.Params, I32)
		}
	}
	return f
}

// Lookup returns the function called name, or nil.
func Lookup(name string) *Function {
	for _, f := range Functions {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// Call runs f for the guest whose linear memory is mem (nil when the
// module exports none: every pointer is then out of bounds, EFAULT).
// results must have room for f.Results. The returned error is non-nil
// only when the call must unwind the guest: *ExitError after proc_exit,
// or a short params slice (an embedder bug).
func (s *System) Call(ctx context.Context, f *Function, mem []byte, params, results []uint64) error {
	if len(params) < len(f.Params) || len(results) < len(f.Results) {
		return &callError{f.Name}
	}
	// Parameters declared i32 arrive zero-extended, but an embedder passing
	// garbage in the upper half must not make a pointer look 64-bit.
	p := make([]uint64, len(f.Params))
	for i, t := range f.Params {
		p[i] = params[i]
		if t == I32 {
			p[i] = uint64(uint32(p[i]))
		}
	}
	errno := f.impl(ctx, s, memory(mem), p)
	if s.exit != nil {
		return s.exit
	}
	if len(f.Results) > 0 {
		results[0] = uint64(errno)
	}
	return nil
}

type callError struct{ name string }

func (e *callError) Error() string { return "wasi: " + e.name + ": too few parameter or result words" }

// Exited returns the guest's exit status after proc_exit, if it called it.
func (s *System) Exited() (code uint32, exited bool) {
	if s.exit == nil {
		return 0, false
	}
	return s.exit.Code, true
}

func u32(v uint64) uint32 { return uint32(v) }

// --- args and environment -------------------------------------------------

// writeStrings implements args_get/environ_get: pointers into ptrs, the
// NUL-terminated bytes packed into buf.
func writeStrings(m memory, list [][]byte, ptrs, buf uint32) Errno {
	for i, s := range list {
		if !m.putU32(ptrs+uint32(i)*4, buf) {
			return ErrnoFault
		}
		dst, ok := m.slice(buf, uint32(len(s)))
		if !ok {
			return ErrnoFault
		}
		copy(dst, s)
		buf += uint32(len(s))
	}
	return ErrnoSuccess
}

func writeSizes(m memory, list [][]byte, countPtr, sizePtr uint32) Errno {
	size := 0
	for _, s := range list {
		size += len(s)
	}
	if !m.putU32(countPtr, uint32(len(list))) || !m.putU32(sizePtr, uint32(size)) {
		return ErrnoFault
	}
	return ErrnoSuccess
}

func argsGet(_ context.Context, s *System, m memory, p []uint64) Errno {
	return writeStrings(m, s.args, u32(p[0]), u32(p[1]))
}

func argsSizesGet(_ context.Context, s *System, m memory, p []uint64) Errno {
	return writeSizes(m, s.args, u32(p[0]), u32(p[1]))
}

func environGet(_ context.Context, s *System, m memory, p []uint64) Errno {
	return writeStrings(m, s.env, u32(p[0]), u32(p[1]))
}

func environSizesGet(_ context.Context, s *System, m memory, p []uint64) Errno {
	return writeSizes(m, s.env, u32(p[0]), u32(p[1]))
}

// --- clocks and randomness ------------------------------------------------

// clockResolution is what clock_res_get reports: the Go runtime reads
// every clock with nanosecond granularity, so 1 ns for all of them.
const clockResolution = 1

func clockResGet(_ context.Context, s *System, m memory, p []uint64) Errno {
	if u32(p[0]) > clockThreadCPUTime {
		return ErrnoInval
	}
	if !m.putU64(u32(p[1]), clockResolution) {
		return ErrnoFault
	}
	return ErrnoSuccess
}

// now reads clock id in nanoseconds.
func (s *System) now(id uint32) (uint64, Errno) {
	switch id {
	case clockRealtime:
		return unixNano(s.walltime()), ErrnoSuccess
	case clockMonotonic:
		return uint64(s.nanotime()), ErrnoSuccess
	case clockProcessCPUTime, clockThreadCPUTime:
		// The guest runs on the calling goroutine's thread, but Go may
		// move it between threads, so thread time is process time (as on
		// Wasmtime, which reports the same for both).
		return processCPUTime(), ErrnoSuccess
	}
	return 0, ErrnoInval
}

func clockTimeGet(_ context.Context, s *System, m memory, p []uint64) Errno {
	t, e := s.now(u32(p[0]))
	if e != ErrnoSuccess {
		return e
	}
	if !m.putU64(u32(p[2]), t) {
		return ErrnoFault
	}
	return ErrnoSuccess
}

func randomGet(_ context.Context, s *System, m memory, p []uint64) Errno {
	buf, ok := m.slice(u32(p[0]), u32(p[1]))
	if !ok {
		return ErrnoFault
	}
	if _, err := io.ReadFull(s.random, buf); err != nil {
		return ErrnoIo
	}
	return ErrnoSuccess
}

// --- process --------------------------------------------------------------

func procExit(_ context.Context, s *System, _ memory, p []uint64) Errno {
	s.exit = &ExitError{Code: u32(p[0])}
	return ErrnoSuccess
}

// procRaise: preview1 has no signal delivery to speak of; Wasmtime
// answers every signal with ENOSYS too.
func procRaise(context.Context, *System, memory, []uint64) Errno { return ErrnoNosys }

func schedYield(context.Context, *System, memory, []uint64) Errno {
	runtime.Gosched()
	return ErrnoSuccess
}

// --- sockets --------------------------------------------------------------

// Preview1 can only use sockets the host preopened, and kiln preopens
// none: a valid descriptor is therefore never a socket (ENOTSOCK), an
// invalid one is EBADF.
func (s *System) notSocket(fd uint32) Errno {
	if _, ok := s.fds[fd]; !ok {
		return ErrnoBadf
	}
	return ErrnoNotsock
}

func sockAccept(_ context.Context, s *System, _ memory, p []uint64) Errno {
	return s.notSocket(u32(p[0]))
}

func sockRecv(_ context.Context, s *System, _ memory, p []uint64) Errno {
	return s.notSocket(u32(p[0]))
}

func sockSend(_ context.Context, s *System, _ memory, p []uint64) Errno {
	return s.notSocket(u32(p[0]))
}

func sockShutdown(_ context.Context, s *System, _ memory, p []uint64) Errno {
	if e := s.notSocket(u32(p[0])); e != ErrnoNotsock {
		return e
	}
	if how := u32(p[1]); how == 0 || how&^(sdflagsRd|sdflagsWr) != 0 {
		return ErrnoInval
	}
	return ErrnoNotsock
}

// timeOf converts a preview1 timestamp (ns since the epoch).
func timeOf(ns uint64) time.Time {
	if ns > 1<<63-1 {
		ns = 1<<63 - 1
	}
	return time.Unix(0, int64(ns))
}
