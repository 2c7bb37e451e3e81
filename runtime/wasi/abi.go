package wasi

import "encoding/binary"

// This file holds the wasi_snapshot_preview1 ABI: constants and struct
// layouts for wasm32 (little-endian, 32-bit pointers), as witx defines them.

// Filetype values (filetype, u8).
const (
	filetypeUnknown         = 0
	filetypeBlockDevice     = 1
	filetypeCharacterDevice = 2
	filetypeDirectory       = 3
	filetypeRegularFile     = 4
	filetypeSocketDgram     = 5
	filetypeSocketStream    = 6
	filetypeSymbolicLink    = 7
)

// Clock identifiers (clockid, u32).
const (
	clockRealtime               = 0
	clockMonotonic              = 1
	clockProcessCPUTime         = 2
	clockThreadCPUTime          = 3
	subclockFlagsAbstime        = 1 // subclockflags: the timeout is an absolute time
	eventTypeClock              = 0
	eventTypeFdRead             = 1
	eventTypeFdWrite            = 2
	eventRWFlagsHangup          = 1
	subscriptionSize            = 48
	eventSize                   = 32
	filestatSize                = 64
	fdstatSize                  = 24
	direntHeaderSize            = 24
	iovecSize                   = 8
	prestatSize                 = 8
	prestatTagDir               = 0
	lookupSymlinkFollow         = 1
	whenceSet                   = 0
	whenceCur                   = 1
	whenceEnd                   = 2
	adviceNoreuse               = 5 // the largest advice value
	sdflagsRd, sdflagsWr        = 1, 2
	riflagsRecvPeek             = 1
	riflagsRecvWaitall          = 2
	fdflagsAppend               = 1
	fdflagsDsync                = 2
	fdflagsNonblock             = 4
	fdflagsRsync                = 8
	fdflagsSync                 = 16
	oflagsCreat                 = 1
	oflagsDirectory             = 2
	oflagsExcl                  = 4
	oflagsTrunc                 = 8
	fstflagsAtim                = 1
	fstflagsAtimNow             = 2
	fstflagsMtim                = 4
	fstflagsMtimNow             = 8
	fstflagsAll                 = fstflagsAtim | fstflagsAtimNow | fstflagsMtim | fstflagsMtimNow
	fdflagsAll                  = fdflagsAppend | fdflagsDsync | fdflagsNonblock | fdflagsRsync | fdflagsSync
	oflagsAll                   = oflagsCreat | oflagsDirectory | oflagsExcl | oflagsTrunc
	firstPreopenFD              = 3
	maxIovecs                   = 1024 // IOV_MAX on Linux; more is EINVAL as the host would say
	maxPathLength               = 4096 // PATH_MAX; longer paths are ENAMETOOLONG
	rightsAll            uint64 = 1<<30 - 1
)

// Rights (rights, u64 bit set).
const (
	RightFdDatasync uint64 = 1 << iota
	RightFdRead
	RightFdSeek
	RightFdFdstatSetFlags
	RightFdSync
	RightFdTell
	RightFdWrite
	RightFdAdvise
	RightFdAllocate
	RightPathCreateDirectory
	RightPathCreateFile
	RightPathLinkSource
	RightPathLinkTarget
	RightPathOpen
	RightFdReaddir
	RightPathReadlink
	RightPathRenameSource
	RightPathRenameTarget
	RightPathFilestatGet
	RightPathFilestatSetSize
	RightPathFilestatSetTimes
	RightFdFilestatGet
	RightFdFilestatSetSize
	RightFdFilestatSetTimes
	RightPathSymlink
	RightPathRemoveDirectory
	RightPathUnlinkFile
	RightPollFdReadwrite
	RightSockShutdown
	RightSockAccept
)

// Rights that make sense on each kind of descriptor. A descriptor never
// holds a right outside its kind's set, whatever path_open asked for.
const (
	fileRights = RightFdDatasync | RightFdRead | RightFdSeek | RightFdFdstatSetFlags |
		RightFdSync | RightFdTell | RightFdWrite | RightFdAdvise | RightFdAllocate |
		RightFdFilestatGet | RightFdFilestatSetSize | RightFdFilestatSetTimes |
		RightPollFdReadwrite
	dirRights = RightFdFdstatSetFlags | RightFdSync | RightFdSeek | RightFdTell |
		RightPathCreateDirectory | RightPathCreateFile | RightPathLinkSource |
		RightPathLinkTarget | RightPathOpen | RightFdReaddir | RightPathReadlink |
		RightPathRenameSource | RightPathRenameTarget | RightPathFilestatGet |
		RightPathFilestatSetSize | RightPathFilestatSetTimes | RightFdFilestatGet |
		RightFdFilestatSetTimes | RightPathSymlink | RightPathRemoveDirectory |
		RightPathUnlinkFile
	// Streams hold the seek rights so that seeking answers ESPIPE, the
	// errno a program expects from a pipe or a terminal.
	stdioRights = RightFdRead | RightFdWrite | RightFdSeek | RightFdTell | RightFdFdstatSetFlags | RightFdFilestatGet |
		RightPollFdReadwrite | RightFdSync | RightFdDatasync
	// writeRights are the rights that need the host file open for writing.
	writeRights = RightFdWrite | RightFdDatasync | RightFdAllocate
)

// memory is the guest's linear memory for the duration of one call. Every
// accessor checks bounds in 64-bit arithmetic (ptr+len may overflow 32 bits)
// and reports failure instead of panicking; callers turn that into EFAULT.
type memory []byte

func (m memory) slice(ptr, n uint32) ([]byte, bool) {
	end := uint64(ptr) + uint64(n)
	if end > uint64(len(m)) {
		return nil, false
	}
	return m[ptr:end:end], true
}

func (m memory) u32(ptr uint32) (uint32, bool) {
	b, ok := m.slice(ptr, 4)
	if !ok {
		return 0, false
	}
	return binary.LittleEndian.Uint32(b), true
}

func (m memory) u64(ptr uint32) (uint64, bool) {
	b, ok := m.slice(ptr, 8)
	if !ok {
		return 0, false
	}
	return binary.LittleEndian.Uint64(b), true
}

func (m memory) putU32(ptr, v uint32) bool {
	b, ok := m.slice(ptr, 4)
	if ok {
		binary.LittleEndian.PutUint32(b, v)
	}
	return ok
}

func (m memory) putU64(ptr uint32, v uint64) bool {
	b, ok := m.slice(ptr, 8)
	if ok {
		binary.LittleEndian.PutUint64(b, v)
	}
	return ok
}

// iovecs reads an array of n (buf, len) pairs and returns the guest
// buffers they name, each bounds-checked.
func (m memory) iovecs(ptr, n uint32) ([][]byte, Errno) {
	if n > maxIovecs {
		return nil, ErrnoInval
	}
	raw, ok := m.slice(ptr, n*iovecSize)
	if !ok {
		return nil, ErrnoFault
	}
	bufs := make([][]byte, n)
	for i := range bufs {
		p := binary.LittleEndian.Uint32(raw[i*iovecSize:])
		l := binary.LittleEndian.Uint32(raw[i*iovecSize+4:])
		b, ok := m.slice(p, l)
		if !ok {
			return nil, ErrnoFault
		}
		bufs[i] = b
	}
	return bufs, ErrnoSuccess
}

// filestat is the preview1 filestat record.
type filestat struct {
	dev, ino         uint64
	filetype         uint8
	nlink, size      uint64
	atim, mtim, ctim uint64 // nanoseconds since the Unix epoch
}

func (st filestat) encode(b []byte) {
	clear(b[:filestatSize])
	binary.LittleEndian.PutUint64(b[0:], st.dev)
	binary.LittleEndian.PutUint64(b[8:], st.ino)
	b[16] = st.filetype
	binary.LittleEndian.PutUint64(b[24:], st.nlink)
	binary.LittleEndian.PutUint64(b[32:], st.size)
	binary.LittleEndian.PutUint64(b[40:], st.atim)
	binary.LittleEndian.PutUint64(b[48:], st.mtim)
	binary.LittleEndian.PutUint64(b[56:], st.ctim)
}
