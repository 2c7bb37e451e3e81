package wasi

import (
	"bytes"
	"io"
	"os"
	"strings"
	"sync"
)

// readPump makes a blocking reader pollable. An io.Reader cannot be asked
// whether a read would block, so once a guest polls a stream that might
// block (a pipe, a terminal, any reader kiln does not know), a goroutine
// takes over reading it into a buffer: poll_oneoff reports the stream ready
// when the buffer holds bytes or the reader has ended, and can wait for that
// together with its clock subscriptions; fd_read drains the buffer. This is
// what Wasmtime's stdin worker thread does for the same reason.
//
// The goroutine reads at most pumpLimit bytes ahead of the guest, and stops
// when the reader returns an error (io.EOF included). A reader that never
// returns keeps it blocked in Read after the guest is gone, as a thread
// blocked in read(2) would be.
type readPump struct {
	src io.Reader

	mu      sync.Mutex
	buf     []byte
	err     error         // sticky: the reader's final error
	changed chan struct{} // closed and replaced whenever buf or err changes
	drained *sync.Cond    // signalled when the guest consumed bytes
}

const pumpLimit = 64 << 10

func newReadPump(src io.Reader) *readPump {
	p := &readPump{src: src, changed: make(chan struct{})}
	p.drained = sync.NewCond(&p.mu)
	go p.run()
	return p
}

func (p *readPump) run() {
	chunk := make([]byte, 4096)
	for {
		p.mu.Lock()
		for len(p.buf) >= pumpLimit {
			p.drained.Wait()
		}
		p.mu.Unlock()
		n, err := p.src.Read(chunk)
		p.mu.Lock()
		p.buf = append(p.buf, chunk[:n]...)
		if err != nil {
			p.err = err
		}
		if n > 0 || err != nil {
			close(p.changed)
			p.changed = make(chan struct{})
		}
		p.mu.Unlock()
		if err != nil {
			return
		}
	}
}

// ready reports how many bytes a read returns without blocking and whether
// a read would not block (bytes buffered, or the reader has ended); when it
// would block, wait is closed at the next change.
func (p *readPump) ready() (nbytes uint64, ok bool, wait <-chan struct{}) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.buf) > 0 || p.err != nil {
		return uint64(len(p.buf)), true, nil
	}
	return 0, false, p.changed
}

// Read blocks until bytes are buffered or the reader has ended, as a read
// of the underlying stream would.
func (p *readPump) Read(b []byte) (int, error) {
	p.mu.Lock()
	for len(p.buf) == 0 && p.err == nil {
		ch := p.changed
		p.mu.Unlock()
		<-ch
		p.mu.Lock()
	}
	defer p.mu.Unlock()
	if len(p.buf) == 0 {
		return 0, p.err
	}
	n := copy(b, p.buf)
	p.buf = p.buf[:copy(p.buf, p.buf[n:])]
	p.drained.Signal()
	return n, nil
}

// neverBlocks reports whether reads of r return at once: in-memory readers
// and regular files. Only other readers need a pump to be polled.
func neverBlocks(r io.Reader) bool {
	switch r := r.(type) {
	case *strings.Reader, *bytes.Reader, *bytes.Buffer:
		return true
	case *os.File:
		fi, err := r.Stat()
		return err == nil && fi.Mode().IsRegular()
	}
	return false
}
