package wasi

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"
)

// Errno is a WASI preview1 error number: the value every
// wasi_snapshot_preview1 function returns in its single i32 result. Errno
// also implements error, so the implementation can return one through Go
// error chains and map it back unchanged.
type Errno uint16

// The preview1 errno values, in witx order; the numbers are the ABI.
const (
	ErrnoSuccess Errno = iota
	Errno2big
	ErrnoAcces
	ErrnoAddrinuse
	ErrnoAddrnotavail
	ErrnoAfnosupport
	ErrnoAgain
	ErrnoAlready
	ErrnoBadf
	ErrnoBadmsg
	ErrnoBusy
	ErrnoCanceled
	ErrnoChild
	ErrnoConnaborted
	ErrnoConnrefused
	ErrnoConnreset
	ErrnoDeadlk
	ErrnoDestaddrreq
	ErrnoDom
	ErrnoDquot
	ErrnoExist
	ErrnoFault
	ErrnoFbig
	ErrnoHostunreach
	ErrnoIdrm
	ErrnoIlseq
	ErrnoInprogress
	ErrnoIntr
	ErrnoInval
	ErrnoIo
	ErrnoIsconn
	ErrnoIsdir
	ErrnoLoop
	ErrnoMfile
	ErrnoMlink
	ErrnoMsgsize
	ErrnoMultihop
	ErrnoNametoolong
	ErrnoNetdown
	ErrnoNetreset
	ErrnoNetunreach
	ErrnoNfile
	ErrnoNobufs
	ErrnoNodev
	ErrnoNoent
	ErrnoNoexec
	ErrnoNolck
	ErrnoNolink
	ErrnoNomem
	ErrnoNomsg
	ErrnoNoprotoopt
	ErrnoNospc
	ErrnoNosys
	ErrnoNotconn
	ErrnoNotdir
	ErrnoNotempty
	ErrnoNotrecoverable
	ErrnoNotsock
	ErrnoNotsup
	ErrnoNotty
	ErrnoNxio
	ErrnoOverflow
	ErrnoOwnerdead
	ErrnoPerm
	ErrnoPipe
	ErrnoProto
	ErrnoProtonosupport
	ErrnoPrototype
	ErrnoRange
	ErrnoRofs
	ErrnoSpipe
	ErrnoSrch
	ErrnoStale
	ErrnoTimedout
	ErrnoTxtbsy
	ErrnoXdev
	ErrnoNotcapable
	errnoCount
)

// errnoNames holds the witx names, indexed by Errno.
var errnoNames = [errnoCount]string{
	"success", "2big", "acces", "addrinuse", "addrnotavail", "afnosupport",
	"again", "already", "badf", "badmsg", "busy", "canceled", "child",
	"connaborted", "connrefused", "connreset", "deadlk", "destaddrreq", "dom",
	"dquot", "exist", "fault", "fbig", "hostunreach", "idrm", "ilseq",
	"inprogress", "intr", "inval", "io", "isconn", "isdir", "loop", "mfile",
	"mlink", "msgsize", "multihop", "nametoolong", "netdown", "netreset",
	"netunreach", "nfile", "nobufs", "nodev", "noent", "noexec", "nolck",
	"nolink", "nomem", "nomsg", "noprotoopt", "nospc", "nosys", "notconn",
	"notdir", "notempty", "notrecoverable", "notsock", "notsup", "notty",
	"nxio", "overflow", "ownerdead", "perm", "pipe", "proto",
	"protonosupport", "prototype", "range", "rofs", "spipe", "srch", "stale",
	"timedout", "txtbsy", "xdev", "notcapable",
}

// Name returns the witx name ("noent"), or "errno(N)" for a number outside
// the enumeration.
func (e Errno) Name() string {
	if e < errnoCount {
		return errnoNames[e]
	}
	return "errno(" + itoa(uint64(e)) + ")"
}

func (e Errno) Error() string { return "wasi errno " + e.Name() }

func itoa(v uint64) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			return string(b[i:])
		}
	}
}

// errPathEscapesText is the message of os.Root's unexported error for a
// path that leaves the root (through "..", an absolute symlink or a
// symlink pointing outside). The os package exports no sentinel for it, so
// the mapping matches the text; TestErrnoOfRootEscape pins it.
const errPathEscapesText = "path escapes from parent"

// ErrnoOf maps a Go error to the WASI errno a guest sees. The order matters:
// an Errno anywhere in the chain wins, then a host syscall.Errno (exact
// table), then os.Root's sandbox escape (perm, as Wasmtime reports it), then
// the portable io/fs sentinels. Anything else is io.
func ErrnoOf(err error) Errno {
	if err == nil {
		return ErrnoSuccess
	}
	var e Errno
	if errors.As(err, &e) {
		return e
	}
	if w, ok := hostErrno(err); ok {
		return w
	}
	if strings.Contains(err.Error(), errPathEscapesText) {
		return ErrnoPerm
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return ErrnoNoent
	case errors.Is(err, fs.ErrExist):
		return ErrnoExist
	case errors.Is(err, fs.ErrPermission):
		return ErrnoPerm
	case errors.Is(err, fs.ErrClosed), errors.Is(err, os.ErrClosed):
		return ErrnoBadf
	case errors.Is(err, fs.ErrInvalid):
		return ErrnoInval
	case errors.Is(err, io.ErrShortWrite):
		return ErrnoIo
	case errors.Is(err, os.ErrDeadlineExceeded):
		return ErrnoTimedout
	case errors.Is(err, errors.ErrUnsupported):
		return ErrnoNotsup
	}
	return ErrnoIo
}
